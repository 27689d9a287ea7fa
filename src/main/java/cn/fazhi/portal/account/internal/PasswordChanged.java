package cn.fazhi.portal.account.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 密码已修改: someone changed their own password.
 */
public record PasswordChanged(long accountId, Map<String, Object> after) implements AuditedEvent {

    @Override
    public String action() {
        return "PASSWORD_CHANGED";
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
