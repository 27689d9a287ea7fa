package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;

/**
 * Logins for tests that need more than the demo accounts: accounts are created once (tests
 * share one database) with a known password and no forced password change.
 */
public final class TestUsers {

    public static final String PASSWORD = "test-pass-2026-x";

    private TestUsers() {}

    /** The login of an account, created first if it does not exist yet. */
    public static PortalUser user(AccountService accounts, String username, Role role, String scope) {
        if (!accounts.exists(username)) {
            accounts.createInitial(username, "测试 " + username, PASSWORD, role, scope, false);
        }
        return (PortalUser) accounts.loadUserByUsername(username);
    }

    public static PortalUser demo(AccountService accounts, String username) {
        return (PortalUser) accounts.loadUserByUsername(username);
    }
}
