package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 初始账户已创建: the portal created an account by itself at start-up (the first administrator, the demo
 * accounts), before anyone logs in: the actor is "system".
 */
public record InitialAccountSetUp(long accountId, Map<String, Object> after) implements AuditedEvent.WithActor {

    @Override
    public String action() {
        return "ACCOUNT_CREATED";
    }

    @Override
    public String entityType() {
        return "Account";
    }

    @Override
    public Object entityId() {
        return accountId;
    }

    @Override
    public String actor() {
        return "system";
    }
}
