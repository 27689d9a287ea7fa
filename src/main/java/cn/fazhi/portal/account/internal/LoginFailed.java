package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 登录失败: a login failed, against the account it named (or none: an unknown username, which is never
 * kept); nobody is logged in.
 */
public record LoginFailed(Long accountId, String reason) implements AuditedEvent.WithActor {

    @Override
    public String action() {
        return "LOGIN_FAILURE";
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
    public Object after() {
        return Map.of("reason", reason);
    }

    @Override
    public String actor() {
        return null;
    }
}
