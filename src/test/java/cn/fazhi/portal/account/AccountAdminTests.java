package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.internal.Account;
import cn.fazhi.portal.account.internal.AccountCommand;
import cn.fazhi.portal.account.internal.AccountQuery;
import cn.fazhi.portal.account.internal.AccountRepository;
import cn.fazhi.portal.account.internal.AccountRow;
import cn.fazhi.portal.account.internal.AccountRuleException;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.account.internal.AccountStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The administrators' account pages and the rules behind them. */
@PortalTest
class AccountAdminTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AccountRepository repository;

    @Autowired
    TransactionTemplate transaction;

    private PortalUser admin() {
        return TestUsers.demo(accounts, "demo-admin");
    }

    @Test
    void anAdminCreatesAClerkAndSeesTheTemporaryPasswordOnce() {
        String username = "ludian-clerk-" + System.nanoTime() % 100000;
        MvcTestResult created = mvc.post()
                .uri("/admin/accounts")
                .with(csrf())
                .with(user(admin()))
                .param("username", username)
                .param("displayName", "鲁甸县司法局 王五")
                .param("role", "COUNTY_STAFF")
                .param("province", "530000")
                .param("prefecture", "530600")
                .param("county", "530621")
                .exchange();
        assertThat(created).hasStatus(HttpStatus.FOUND);
        assertThat((String) created.getMvcResult().getFlashMap().get("temporaryPassword"))
                .matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");

        AccountRow row = accounts.search(
                        new AccountQuery(username, null, null, null), PageRequest.of(0, 5), admin().toViewer())
                .getContent()
                .get(0);
        assertThat(row.role()).isEqualTo(Role.COUNTY_STAFF);
        assertThat(row.scope().name()).isEqualTo("鲁甸县");
        assertThat(row.mustChangePassword()).isTrue();
        // the page of the account no longer shows any password
        assertThat(mvc.get().uri("/admin/accounts/" + row.id()).with(user(admin())))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("temporary-password\"");
    }

    @Test
    void badInputIsShownBackWithFieldErrors() {
        TestUsers.user(accounts, "taken-name", Role.REVIEWER, null);
        assertThat(create("taken-name", "COUNTY_STAFF", "530000", "530600", "530621"))
                .hasStatusOk()
                .bodyText()
                .contains("该用户名已被使用", "value=\"taken-name\"", "鲁甸县");
        assertThat(create("x", "COUNTY_STAFF", "530000", "530600", "530621"))
                .hasStatusOk()
                .bodyText()
                .contains("用户名为 3–50 位");
        // a clerk without a county, a reviewer scoped to a county, a county outside the chosen prefecture
        assertThat(create("no-county-clerk", "COUNTY_STAFF", "530000", "", ""))
                .hasStatusOk()
                .bodyText()
                .contains("县级填报员必须指定一个县");
        assertThat(create("county-reviewer", "REVIEWER", "530000", "530600", "530621"))
                .hasStatusOk()
                .bodyText()
                .contains("审核员的管辖范围只能是省或地级市");
        assertThat(create("mismatched-clerk", "COUNTY_STAFF", "530000", "532500", "530621"))
                .hasStatusOk()
                .bodyText()
                .contains("所选区划不在上一级所选范围内");
        assertThat(create("forged-role", "SUPERUSER", "", "", ""))
                .hasStatusOk()
                .bodyText()
                .contains("请从列表中选择角色", "value=\"forged-role\"");
        assertThat(accounts.exists("no-county-clerk")).isFalse();
        assertThat(accounts.exists("county-reviewer")).isFalse();
    }

    @Test
    void aReviewerIsScopedToTheDeepestRegionChosenOrTheWholeCountry() {
        assertThat(create("prefecture-reviewer-zt", "REVIEWER", "530000", "530600", ""))
                .hasStatus(HttpStatus.FOUND);
        assertThat(create("national-reviewer-x", "REVIEWER", "", "", "")).hasStatus(HttpStatus.FOUND);
        assertThat(TestUsers.demo(accounts, "prefecture-reviewer-zt").getScopeRegionCode())
                .isEqualTo("530600");
        assertThat(TestUsers.demo(accounts, "national-reviewer-x").getScopeRegionCode())
                .isNull();
    }

    @Test
    void disableEnableAndSearchByStatus() {
        PortalUser target = TestUsers.user(accounts, "toggle-reviewer", Role.REVIEWER, "530000");
        assertThat(mvc.post()
                        .uri("/admin/accounts/" + target.getId() + "/disable")
                        .with(csrf())
                        .with(user(admin())))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.search(
                        new AccountQuery("toggle-reviewer", null, null, AccountStatus.DISABLED),
                        PageRequest.of(0, 5),
                        admin().toViewer()))
                .hasSize(1);
        assertThat(TestUsers.demo(accounts, "toggle-reviewer").isEnabled()).isFalse();
        assertThat(mvc.post()
                        .uri("/admin/accounts/" + target.getId() + "/enable")
                        .with(csrf())
                        .with(user(admin())))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.search(
                        new AccountQuery("toggle-reviewer", null, null, AccountStatus.ACTIVE),
                        PageRequest.of(0, 5),
                        admin().toViewer()))
                .hasSize(1);
    }

    @Test
    void searchFiltersByRoleAndRegionAndPages() {
        for (int i = 0; i < 3; i++) {
            TestUsers.user(accounts, "honghe-clerk-" + i, Role.COUNTY_STAFF, "532527");
        }
        var byRegion = accounts.search(
                new AccountQuery("honghe-clerk", Role.COUNTY_STAFF, "532500", null),
                PageRequest.of(0, 2),
                admin().toViewer());
        assertThat(byRegion.getTotalElements()).isEqualTo(3);
        assertThat(byRegion.getContent()).hasSize(2);
        assertThat(accounts.search(
                                new AccountQuery("honghe-clerk", null, "530600", null),
                                PageRequest.of(0, 2),
                                admin().toViewer())
                        .getTotalElements())
                .isZero();
        assertThat(mvc.get().uri("/admin/accounts?q=honghe-clerk&region=532500").with(user(admin())))
                .hasStatusOk()
                .bodyText()
                .contains("honghe-clerk-0", "泸西县");
    }

    @Test
    void nobodyButAnAdminReachesTheServiceEither() {
        PortalUser reviewer = TestUsers.demo(accounts, "demo-reviewer");
        assertThatThrownBy(() -> accounts.search(
                        new AccountQuery(null, null, null, null), PageRequest.of(0, 5), reviewer.toViewer()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> accounts.resetPassword(admin().getId(), reviewer.toViewer()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anAdminCannotDisableOrDemoteThemselvesNorTheLastActiveAdmin() {
        PortalUser admin = admin();
        Viewer self = admin.toViewer();
        assertRefused(() -> accounts.setEnabled(admin.getId(), false, self), "account.notYourself");
        assertRefused(
                () -> accounts.update(
                        admin.getId(), new AccountCommand("demo-admin", "x", "REVIEWER", null, null, null), self),
                "account.notYourself");

        // in a transaction rolled back at the end: demo-admin made the only active administrator
        transaction.executeWithoutResult(status -> {
            repository.findAll((a, q, cb) -> cb.equal(a.get("role"), Role.ADMIN)).stream()
                    .filter(a -> !a.getId().equals(admin.getId()))
                    .forEach(Account::disable);
            Viewer anotherAdmin = new Viewer(-1L, "another-admin", Role.ADMIN, null);
            assertRefused(() -> accounts.setEnabled(admin.getId(), false, anotherAdmin), "account.lastAdmin");
            assertRefused(
                    () -> accounts.update(
                            admin.getId(),
                            new AccountCommand("demo-admin", "x", "REVIEWER", null, null, null),
                            anotherAdmin),
                    "account.lastAdmin");
            status.setRollbackOnly();
        });
        assertThat(TestUsers.demo(accounts, "demo-admin").isEnabled()).isTrue();
    }

    private MvcTestResult create(String username, String role, String province, String prefecture, String county) {
        return mvc.post()
                .uri("/admin/accounts")
                .with(csrf())
                .with(user(admin()))
                .param("username", username)
                .param("displayName", "测试")
                .param("role", role)
                .param("province", province)
                .param("prefecture", prefecture)
                .param("county", county)
                .exchange();
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        AccountRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
