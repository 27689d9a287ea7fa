package cn.fazhi.portal.account.internal;

/**
 * The states an administrator filters accounts by (账户状态); one account may be in several (a
 * locked account is still active). Messages {@code account.status.*}.
 */
public enum AccountStatus {
    ACTIVE,
    DISABLED,
    LOCKED,
    MUST_CHANGE
}
