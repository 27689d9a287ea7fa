package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.internal.AccountRuleException;
import cn.fazhi.portal.account.internal.AccountService;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The password policy wherever a password is chosen: one's own change and the administrator's reset. */
@PortalTest
class PasswordChangeTests {

    /** Six strong passwords, P1 to P6. */
    private static final List<String> STRONG = List.of(
            "Lantern-river-quietly-41",
            "Copper-meadow-whistle-52",
            "Harbour-violet-trumpet-63",
            "Glacier-pepper-almanac-74",
            "Orchard-velvet-compass-85",
            "Marble-thistle-lagoon-96");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Test
    void noneOfTheLastFivePasswordsMayBeChosenAgain() {
        PortalUser clerk = TestUsers.user(accounts, "history-clerk", Role.COUNTY_STAFF, "530621");
        Viewer viewer = clerk.toViewer();
        String current = TestUsers.PASSWORD;
        for (String next : STRONG.subList(0, 5)) {
            accounts.changeOwnPassword(viewer, current, next);
            current = next;
        }
        // P5 is the current one; P1 to P4 are in the history
        assertRefused(() -> accounts.changeOwnPassword(viewer, STRONG.get(4), STRONG.get(4)), "password.unchanged");
        for (String earlier : STRONG.subList(0, 4)) {
            assertRefused(() -> accounts.changeOwnPassword(viewer, STRONG.get(4), earlier), "password.reused");
        }
        // a sixth: now P1 is six passwords back and may come again, P2 may not
        accounts.changeOwnPassword(viewer, STRONG.get(4), STRONG.get(5));
        assertRefused(() -> accounts.changeOwnPassword(viewer, STRONG.get(5), STRONG.get(1)), "password.reused");
        accounts.changeOwnPassword(viewer, STRONG.get(5), STRONG.get(0));
    }

    @Test
    void theFormSaysWhyNextToTheFieldInBothLanguages() {
        PortalUser clerk = TestUsers.user(accounts, "policy-form-clerk", Role.COUNTY_STAFF, "530621");
        for (String weak :
                List.of("Password1!", "P@ssw0rd2026", "Welcome@123", "Qwerty@123", "Passw0rd!!", "demo-pass-2026")) {
            assertThat(change(clerk, weak, "")).hasStatusOk().bodyText().contains("newPassword-error");
        }
        assertThat(change(clerk, "demo-pass-2026", "")).bodyText().contains("新密码不能包含公开的演示密码");
        assertThat(change(clerk, "policy-form-clerk-river", "")).bodyText().contains("新密码不能包含用户名");
        assertThat(change(clerk, "Fazhi-lantern-river-9", "")).bodyText().contains("新密码不能包含平台名称");
        assertThat(change(clerk, "Passw0rd!!", "?lang=en"))
                .bodyText()
                .contains("The new password needs at least 12 characters.");
        assertThat(change(clerk, "P@ssw0rd2026", "?lang=en"))
                .bodyText()
                .contains("newPassword-error", "Please choose another");
        assertThat(change(clerk, "Orchard-velvet-compass-85", ""))
                .redirectedUrl()
                .isEqualTo("/");
    }

    @Test
    void temporaryPasswordsFollowThePolicy() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "reset-policy-clerk", Role.COUNTY_STAFF, "530621");
        for (int i = 0; i < 5; i++) {
            String temporary = accounts.resetPassword(target.getId(), admin.toViewer());
            assertThat(temporary).matches("[A-Za-z0-9]{4}-[A-Za-z0-9]{4}-[A-Za-z0-9]{4}");
            assertThat(accounts.passwordProblems("reset-policy-clerk", temporary))
                    .isEmpty();
        }
    }

    private MvcTestResult change(PortalUser user, String newPassword, String query) {
        return mvc.post()
                .uri("/account/password" + query)
                .with(csrf())
                .with(user(user))
                .param("currentPassword", TestUsers.PASSWORD)
                .param("newPassword", newPassword)
                .param("confirmPassword", newPassword)
                .exchange();
    }

    private static void assertRefused(Runnable action, String key) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(
                        AccountRuleException.class,
                        e -> assertThat(e.messageKey()).isEqualTo(key));
    }
}
