package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * A fresh production database has no account at all. When {@code PORTAL_FIRST_ADMIN_PASSWORD} is
 * set and no administrator exists, an {@code admin} account is created with that password, to be
 * changed at first login.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final AccountService accounts;
    private final String password;

    FirstAdministrator(AccountService accounts, @Value("${portal.first-admin-password:}") String password) {
        this.accounts = accounts;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (StringUtils.hasText(password) && !accounts.anyActive(Role.ADMIN)) {
            accounts.createInitial("admin", "系统管理员", password, Role.ADMIN, null, true);
            log.info("Created the first administrator 'admin'; the password must be changed at first login");
        }
    }
}
