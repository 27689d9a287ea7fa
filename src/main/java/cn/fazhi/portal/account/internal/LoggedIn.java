package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;

/**
 * 已登录: someone logged in to the account (the login is not yet the current one when this is told).
 */
public record LoggedIn(long accountId, String actor) implements AuditedEvent.WithActor {

    @Override
    public String action() {
        return "LOGIN_SUCCESS";
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
