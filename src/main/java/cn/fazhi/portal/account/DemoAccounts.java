package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** One demo account per role, printed at start-up. They exist only in the demo profile. */
@Component
@Profile("demo")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo-pass-2026";

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final DemoMode demoMode;
    private final AccountService accounts;

    DemoAccounts(DemoMode demoMode, AccountService accounts) {
        this.demoMode = demoMode;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.enabled()) {
            return;
        }
        createIfAbsent("demo-clerk", "泸西县司法局（演示）", Role.COUNTY_STAFF, "532527");
        createIfAbsent("demo-reviewer", "云南省依法治省办（演示）", Role.REVIEWER, "530000");
        createIfAbsent("demo-admin", "系统管理员（演示）", Role.ADMIN, null);
        log.info("""

                Demo accounts (password {}):
                  demo-clerk     county clerk of 泸西县 (532527)
                  demo-reviewer  reviewer of 云南省 (530000)
                  demo-admin     administrator
                """, PASSWORD);
    }

    private void createIfAbsent(String username, String displayName, Role role, String scope) {
        if (!accounts.exists(username)) {
            // demo accounts skip the forced first-login password change so that the demo opens at once
            accounts.createInitial(username, displayName, PASSWORD, role, scope, false);
        }
    }
}
