package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 账户已创建: an administrator created an account.
 */
public record AccountCreated(long accountId, Map<String, Object> after) implements AuditedEvent {

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
}
