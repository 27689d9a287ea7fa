package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.List;
import java.util.Map;

/**
 * 账户已解锁: an administrator cleared an account's failed logins (before: them).
 */
public record AccountUnlocked(long accountId, List<Map<String, Object>> failedLogins) implements AuditedEvent {

    @Override
    public String action() {
        return "ACCOUNT_UNLOCKED";
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
    public Object before() {
        return Map.of("failedLogins", failedLogins);
    }

    @Override
    public Object after() {
        return Map.of("failedLogins", List.of());
    }
}
