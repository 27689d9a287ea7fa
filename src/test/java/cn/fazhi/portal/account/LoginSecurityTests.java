package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Login, lockout, throttling, forced password change and CSRF through the real security filters. */
@PortalTest
class LoginSecurityTests {

    /** Each test logs in from addresses of its own, so that the per-address slowdown of one never hits another. */
    private static final AtomicInteger ADDRESS = new AtomicInteger(10);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AuditService audit;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void fiveFailuresInARowLockTheAccountUntilAnAdminUnlocksIt() {
        PortalUser clerk = TestUsers.user(accounts, "lockout-clerk", Role.COUNTY_STAFF, "530621");
        for (int i = 1; i <= 4; i++) {
            assertThat(login("lockout-clerk", "wrong-password-" + i, newAddress())).redirectedUrl().isEqualTo("/login?error");
        }
        assertThat(login("lockout-clerk", "wrong-password-5", newAddress())).redirectedUrl().isEqualTo("/login?locked");
        // while locked even the right password is refused, and the page says why
        assertThat(login("lockout-clerk", TestUsers.PASSWORD, newAddress())).redirectedUrl().isEqualTo("/login?locked");
        assertThat(mvc.get().uri("/login?locked=true")).bodyText().contains("该账号已暂时锁定");
        assertThat(actionsOf(clerk)).contains("ACCOUNT_LOCKED", "LOGIN_FAILURE");

        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        assertThat(mvc.post().uri("/admin/accounts/" + clerk.getId() + "/unlock").with(csrf()).with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(login("lockout-clerk", TestUsers.PASSWORD, newAddress())).redirectedUrl().isEqualTo("/");
        assertThat(actionsOf(clerk)).contains("ACCOUNT_UNLOCKED", "LOGIN_SUCCESS");
    }

    @Test
    void anUnknownUsernameLocksLikeAKnownOneSoTheAnswerRevealsNothing() {
        for (int i = 1; i <= 4; i++) {
            assertThat(login("nobody-by-this-name", "whatever-" + i, newAddress())).redirectedUrl().isEqualTo("/login?error");
        }
        assertThat(login("nobody-by-this-name", "whatever-5", newAddress())).redirectedUrl().isEqualTo("/login?locked");
    }

    @Test
    void anAddressThatKeepsFailingIsSlowedDown() {
        RequestPostProcessor address = newAddress();
        for (int i = 1; i <= LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            assertThat(login("slow-" + i, "wrong", address)).redirectedUrl().isNotEqualTo("/login?slow");
        }
        // past the free failures the next try from that address waits, without checking any password
        assertThat(login("demo-reviewer", "demo-pass-2026", address)).redirectedUrl().isEqualTo("/login?slow");
        // another address is not affected
        assertThat(login("demo-reviewer", "demo-pass-2026", newAddress())).redirectedUrl().isEqualTo("/");
    }

    @Test
    void aFirstLoginMustChangeThePasswordBeforeAnythingElse() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "first-login-clerk", Role.COUNTY_STAFF, "530621");
        MvcTestResult reset = mvc.post().uri("/admin/accounts/" + target.getId() + "/reset-password")
                .with(csrf()).with(user(admin)).exchange();
        String temporary = (String) reset.getMvcResult().getFlashMap().get("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);

        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.post().uri("/login").session(session).param("username", "first-login-clerk")
                .param("password", temporary).with(csrf()).with(newAddress()))
                .redirectedUrl().isEqualTo("/account/password");
        // every other page sends them back to the password form
        assertThat(mvc.get().uri("/counties/530621").session(session)).redirectedUrl().isEqualTo("/account/password");
        assertThat(mvc.get().uri("/account/password").session(session)).hasStatusOk().bodyText().contains("请先设置您自己的新密码");

        // the policy speaks next to the field, in Chinese
        assertThat(mvc.post().uri("/account/password").session(session).with(csrf())
                .param("currentPassword", temporary).param("newPassword", "1234567890").param("confirmPassword", "1234567890"))
                .hasStatusOk().bodyText().contains("太常见", "newPassword-error");
        assertThat(mvc.post().uri("/account/password").session(session).with(csrf())
                .param("currentPassword", temporary).param("newPassword", "Yunnan-Ludian-2026").param("confirmPassword", "Yunnan-Ludian-2027"))
                .hasStatusOk().bodyText().contains("两次输入的新密码不一致");

        assertThat(mvc.post().uri("/account/password").session(session).with(csrf())
                .param("currentPassword", temporary).param("newPassword", "Yunnan-Ludian-2026").param("confirmPassword", "Yunnan-Ludian-2026"))
                .redirectedUrl().isEqualTo("/");
        assertThat(mvc.get().uri("/counties/530621").session(session)).hasStatusOk();
        assertThat(actionsOf(target)).contains("PASSWORD_RESET", "PASSWORD_CHANGED");
        // and the new password is the one that works from now on
        assertThat(login("first-login-clerk", "Yunnan-Ludian-2026", newAddress())).redirectedUrl().isEqualTo("/");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "csrf-target", Role.REVIEWER, null);
        assertThat(mvc.post().uri("/admin/accounts/" + target.getId() + "/disable").with(user(admin)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(accounts.get(target.getId(), admin.toViewer()).enabled()).isTrue();
        assertThat(mvc.post().uri("/login").param("username", "demo-admin").param("password", "demo-pass-2026"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    /** Through the real server, so that the session cookie is Tomcat's own. */
    @Test
    void aLoginGetsANewSessionAndTheAccountPageShowsThePreviousLogin() throws Exception {
        TestUsers.user(accounts, "session-clerk", Role.COUNTY_STAFF, "532527");
        login("session-clerk", TestUsers.PASSWORD, address("10.88.0.7"));

        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String loginPage = http.send(HttpRequest.newBuilder(url("/login")).build(), BodyHandlers.ofString()).body();
        String before = sessionCookie(cookies);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        String form = "username=session-clerk&password=" + TestUsers.PASSWORD + "&_csrf=" + token.group(1);
        HttpResponse<String> loggedIn = http.send(HttpRequest.newBuilder(url("/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(cookies)).isNotNull().isNotEqualTo(before);

        String account = http.send(HttpRequest.newBuilder(url("/account")).build(), BodyHandlers.ofString()).body();
        assertThat(account).contains("上次登录", "来自 10.88.0.7");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    @Test
    void aSessionEndsWhenAnAdminDisablesOrChangesItsAccount() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser reviewer = TestUsers.user(accounts, "session-end-reviewer", Role.REVIEWER, "530000");
        accounts.setEnabled(reviewer.getId(), true, admin.toViewer());
        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.post().uri("/login").session(session).param("username", "session-end-reviewer")
                .param("password", TestUsers.PASSWORD).with(csrf()).with(newAddress())).redirectedUrl().isEqualTo("/");
        assertThat(mvc.get().uri("/account").session(session)).hasStatusOk();

        accounts.update(reviewer.getId(), new AccountCommand("session-end-reviewer", "x", "REVIEWER", "410000", null, null),
                admin.toViewer());
        assertThat(mvc.get().uri("/account").session(session)).redirectedUrl().isEqualTo("/login?expired");
        assertThat(mvc.get().uri("/login?expired=1")).bodyText().contains("请重新登录");

        // a fresh login carries the new scope; disabling ends that session too
        MockHttpSession again = new MockHttpSession();
        mvc.post().uri("/login").session(again).param("username", "session-end-reviewer")
                .param("password", TestUsers.PASSWORD).with(csrf()).with(newAddress()).exchange();
        assertThat(mvc.get().uri("/account").session(again)).hasStatusOk();
        accounts.setEnabled(reviewer.getId(), false, admin.toViewer());
        assertThat(mvc.get().uri("/account").session(again)).redirectedUrl().isEqualTo("/login?expired");
        accounts.update(reviewer.getId(), new AccountCommand("session-end-reviewer", "x", "REVIEWER", "530000", null, null),
                admin.toViewer());
        accounts.setEnabled(reviewer.getId(), true, admin.toViewer());
    }

    @Test
    void aDisabledAccountAnswersLikeAnUnknownOne() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "disabled-alike", Role.REVIEWER, null);
        accounts.setEnabled(target.getId(), false, admin.toViewer());
        for (int i = 1; i <= 4; i++) {
            assertThat(login("disabled-alike", TestUsers.PASSWORD, newAddress())).redirectedUrl().isEqualTo("/login?error");
        }
        assertThat(login("disabled-alike", TestUsers.PASSWORD, newAddress())).redirectedUrl().isEqualTo("/login?locked");
    }

    @Test
    void theLockLiftsAfterItsTimeAndCountingStartsAgain() {
        PortalUser clerk = TestUsers.user(accounts, "relock-clerk", Role.COUNTY_STAFF, "530621");
        for (int i = 1; i <= 5; i++) {
            login("relock-clerk", "wrong-" + i, newAddress());
        }
        // the lock of fifteen minutes has passed
        jdbc.update("update account set locked_until = now() - interval '1 minute' where id = ?", clerk.getId());
        assertThat(login("relock-clerk", "wrong-again", newAddress())).redirectedUrl().isEqualTo("/login?error");
        assertThat(login("relock-clerk", TestUsers.PASSWORD, newAddress())).redirectedUrl().isEqualTo("/");
    }

    @Test
    void parallelGuessesAreAllCounted() throws Exception {
        PortalUser clerk = TestUsers.user(accounts, "parallel-clerk", Role.COUNTY_STAFF, "530621");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var guesses = new java.util.ArrayList<java.util.concurrent.Future<MvcTestResult>>();
            for (int i = 0; i < 8; i++) {
                RequestPostProcessor address = newAddress();
                int n = i;
                guesses.add(pool.submit(() -> login("parallel-clerk", "guess-" + n, address)));
            }
            for (var guess : guesses) {
                assertThat(guess.get().getResponse().getStatus()).isEqualTo(302);
            }
        } finally {
            pool.shutdown();
        }
        Integer failures = jdbc.queryForObject("select failed_login_count from account where id = ?", Integer.class,
                clerk.getId());
        assertThat(failures).isEqualTo(8);
        assertThat(login("parallel-clerk", TestUsers.PASSWORD, newAddress())).redirectedUrl().isEqualTo("/login?locked");
    }

    @Test
    void logoutIsAudited() {
        PortalUser reviewer = TestUsers.user(accounts, "logout-reviewer", Role.REVIEWER, "530000");
        assertThat(mvc.post().uri("/logout").with(csrf()).with(user(reviewer))).redirectedUrl().isEqualTo("/login?logout");
        assertThat(actionsOf(reviewer)).contains("LOGOUT");
    }

    private MvcTestResult login(String username, String password, RequestPostProcessor address) {
        return mvc.post().uri("/login").param("username", username).param("password", password)
                .with(csrf()).with(address).exchange();
    }

    private static RequestPostProcessor newAddress() {
        return address("10.77." + (ADDRESS.get() / 250) + "." + (ADDRESS.incrementAndGet() % 250 + 1));
    }

    private static RequestPostProcessor address(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private java.util.List<String> actionsOf(PortalUser user) {
        return audit.historyOf("Account", user.getId().toString()).stream().map(AuditEntry::action).toList();
    }
}
