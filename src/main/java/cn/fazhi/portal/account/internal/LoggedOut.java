package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;

/**
 * 已退出: someone logged out of the account (the login is already gone when this is told).
 */
public record LoggedOut(Long accountId, String actor) implements AuditedEvent.WithActor {

    @Override
    public String action() {
        return "LOGOUT";
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
