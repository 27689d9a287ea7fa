package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 账户已停用: an administrator disabled an account.
 */
public record AccountDisabled(long accountId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "ACCOUNT_DISABLED";
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
