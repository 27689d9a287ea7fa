package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.account.internal.AccountCommand;
import cn.fazhi.portal.account.internal.AccountQuery;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.account.internal.AccountStatus;
import cn.fazhi.portal.account.internal.LoginFailureRow;
import cn.fazhi.portal.account.internal.LoginThrottle;
import cn.fazhi.portal.account.internal.PasswordPolicy;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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

/**
 * Login, throttling (issue 16: a stranger's guesses never keep the owner out), audit of failures,
 * forced password change and CSRF through the real security filters.
 */
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

    @Autowired
    TestClock clock;

    @LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void someoneElsesWrongPasswordsDoNotKeepTheOwnerOut() {
        for (int strangersFailures : new int[] {5, 20}) {
            String owner = "owned-clerk-" + strangersFailures;
            TestUsers.user(accounts, owner, Role.COUNTY_STAFF, "530621");
            try {
                RequestPostProcessor stranger = newAddress();
                for (int i = 1; i <= strangersFailures; i++) {
                    // the stranger waits out its own slowdown each time, so that all its guesses count
                    assertThat(loginWaiting(owner, "wrong-password-" + i, stranger))
                            .redirectedUrl()
                            .startsWith("/login?error");
                }
                // the owner, from their own address: at most a short hold, then in with the right password
                RequestPostProcessor ownersAddress = newAddress();
                MvcTestResult first = login(owner, TestUsers.PASSWORD, ownersAddress);
                if (!"/".equals(first.getMvcResult().getResponse().getRedirectedUrl())) {
                    assertThat(first).redirectedUrl().startsWith("/login?wait=");
                    long hold = waitOf(first);
                    assertThat(hold).isBetween(1L, LoginThrottle.MAX_HOLD.toSeconds());
                    assertThat(first.getResponse().getHeader("Retry-After")).isEqualTo(Long.toString(hold));
                    clock.advance(Duration.ofSeconds(hold));
                }
                assertThat(login(owner, TestUsers.PASSWORD, ownersAddress))
                        .redirectedUrl()
                        .isEqualTo("/");
                if (strangersFailures == 20) {
                    // while the stranger still waits its fifteen minutes
                    assertThat(login(owner, "wrong-again", stranger))
                            .redirectedUrl()
                            .startsWith("/login?wait=");
                }
            } finally {
                clock.reset();
            }
        }
    }

    @Test
    void theFailingAddressIsSlowedExponentially() {
        String username = "slowed-clerk";
        TestUsers.user(accounts, username, Role.COUNTY_STAFF, "530621");
        RequestPostProcessor address = newAddress();
        try {
            assertThat(login(username, "wrong-1", address)).redirectedUrl().isEqualTo("/login?error");
            assertThat(login(username, "wrong-2", address)).redirectedUrl().isEqualTo("/login?error");
            // the third failure: from now on this address waits, doubling with every failure
            assertThat(login(username, "wrong-3", address)).redirectedUrl().isEqualTo("/login?error&wait=1");
            long expected = 1;
            for (int i = 4; i <= 9; i++) {
                // trying too early checks no password, not even the right one
                MvcTestResult early = login(username, TestUsers.PASSWORD, address);
                assertThat(early).redirectedUrl().isEqualTo("/login?wait=" + expected);
                clock.advance(Duration.ofSeconds(expected));
                expected *= 2;
                assertThat(login(username, "wrong-" + i, address))
                        .redirectedUrl()
                        .isEqualTo("/login?error&wait=" + expected);
            }
            assertThat(expected).isEqualTo(64);
            // the page says how long, whatever the username
            assertThat(mvc.get().uri("/login?wait=64")).hasStatusOk().bodyText().contains("请等待 64 秒后再试");
            assertThat(mvc.get().uri("/login?wait=64&lang=en"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("Please wait 64 seconds");
            assertThat(mvc.get().uri("/login?wait=abc")).hasStatusOk();
            // it never grows past fifteen minutes
            for (int i = 0; i < 12; i++) {
                clock.advance(LoginThrottle.MAX_WAIT);
                login(username, "wrong-more-" + i, address);
            }
            assertThat(login(username, TestUsers.PASSWORD, address))
                    .redirectedUrl()
                    .isEqualTo("/login?wait=" + LoginThrottle.MAX_WAIT.toSeconds());
            clock.advance(LoginThrottle.MAX_WAIT);
            assertThat(login(username, TestUsers.PASSWORD, address))
                    .redirectedUrl()
                    .isEqualTo("/");
            // the success forgets that address's failures
            assertThat(login(username, "one-typo", address)).redirectedUrl().isEqualTo("/login?error");
        } finally {
            clock.reset();
        }
    }

    @Test
    void anUnknownUsernameIsSlowedExactlyLikeAKnownOne() {
        TestUsers.user(accounts, "known-alike", Role.REVIEWER, null);
        try {
            List<String> known = slowdownSeen("known-alike");
            List<String> unknown = slowdownSeen("nobody-by-this-name-" + System.nanoTime());
            assertThat(unknown).isEqualTo(known);
            assertThat(known).contains("/login?error&wait=1", "/login?wait=1");
        } finally {
            clock.reset();
        }
    }

    /** Three failures and two early tries from one address, then a try from another. */
    private List<String> slowdownSeen(String username) {
        RequestPostProcessor address = newAddress();
        List<String> seen = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            seen.add(login(username, "wrong-" + i, address).getResponse().getRedirectedUrl());
        }
        seen.add(login(username, "wrong-4", address).getResponse().getRedirectedUrl());
        seen.add(login(username, "wrong-5", newAddress())
                .getResponse()
                .getRedirectedUrl()
                .replaceFirst("wait=[0-9]+", "wait=N"));
        clock.advance(Duration.ofMinutes(20));
        return seen;
    }

    @Test
    void anAddressSprayingManyUsernamesIsSlowedDown() {
        RequestPostProcessor address = newAddress();
        for (int i = 1; i <= LoginThrottle.FREE_USERNAMES_PER_ADDRESS; i++) {
            assertThat(login("spray-" + i + "-" + System.nanoTime(), "wrong", address))
                    .redirectedUrl()
                    .isEqualTo("/login?error");
        }
        // past the free usernames the next try from that address waits, without checking any password
        assertThat(login("demo-reviewer", "demo-pass-2026", address))
                .redirectedUrl()
                .startsWith("/login?wait=");
        // another address is not affected
        assertThat(login("demo-reviewer", "demo-pass-2026", newAddress()))
                .redirectedUrl()
                .isEqualTo("/");
    }

    @Test
    void anAdministratorSeesTheFailuresByAddressAndClearsThem() {
        PortalUser clerk = TestUsers.user(accounts, "watched-clerk", Role.COUNTY_STAFF, "530621");
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        try {
            login("watched-clerk", "wrong-x", address("10.66.0.5"));
            for (int i = 1; i <= 8; i++) {
                loginWaiting("watched-clerk", "wrong-" + i, address("10.66.0.4"));
            }
            watchedAndCleared(clerk, admin);
        } finally {
            clock.reset();
        }
    }

    private void watchedAndCleared(PortalUser clerk, PortalUser admin) {
        assertThat(mvc.get().uri("/admin/accounts/" + clerk.getId()).with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("login-failures", "10.66.0.4", "10.66.0.5", "登录受限", "该地址下次可尝试", "现在即可");
        assertThat(accounts.loginFailures(clerk.getId(), admin.toViewer()))
                .extracting(LoginFailureRow::address, LoginFailureRow::failures)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("10.66.0.4", 8),
                        org.assertj.core.groups.Tuple.tuple("10.66.0.5", 1));
        assertThat(accounts.search(
                        new AccountQuery("watched-clerk", null, null, AccountStatus.LOCKED),
                        org.springframework.data.domain.PageRequest.of(0, 5),
                        admin.toViewer()))
                .hasSize(1);
        assertThat(login("watched-clerk", TestUsers.PASSWORD, address("10.66.0.4")))
                .redirectedUrl()
                .startsWith("/login?wait=");

        assertThat(mvc.post()
                        .uri("/admin/accounts/" + clerk.getId() + "/unlock")
                        .with(csrf())
                        .with(user(admin)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(accounts.loginFailures(clerk.getId(), admin.toViewer())).isEmpty();
        assertThat(accounts.search(
                        new AccountQuery("watched-clerk", null, null, AccountStatus.LOCKED),
                        org.springframework.data.domain.PageRequest.of(0, 5),
                        admin.toViewer()))
                .isEmpty();
        assertThat(login("watched-clerk", TestUsers.PASSWORD, address("10.66.0.4")))
                .redirectedUrl()
                .isEqualTo("/");
        assertThat(actionsOf(clerk)).contains("LOGIN_FAILURE", "ACCOUNT_UNLOCKED", "LOGIN_SUCCESS");
        // nobody but an administrator sees them
        assertThatThrownBy(() -> accounts.loginFailures(clerk.getId(), clerk.toViewer()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aFailedLoginIsAuditedAgainstTheAccountAndTheTypedTextNeverKept() {
        PortalUser clerk = TestUsers.user(accounts, "audited-clerk", Role.COUNTY_STAFF, "530621");
        long before = jdbc.queryForObject(
                "select count(*) from audit_event where action = 'LOGIN_FAILURE' " + "and entity_id = ?",
                Long.class,
                clerk.getId().toString());
        login("audited-clerk", "wrong-password", newAddress());
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'LOGIN_FAILURE' " + "and entity_id = ?",
                        Long.class,
                        clerk.getId().toString()))
                .isEqualTo(before + 1);

        // a password typed into the username box
        String typed = "Secret-Typed-" + System.nanoTime();
        String from = "10.66.1." + (ADDRESS.incrementAndGet() % 250 + 1);
        long fromThere =
                jdbc.queryForObject("select count(*) from audit_event where client_address = ?", Long.class, from);
        login(typed, "whatever", address(from));
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_event where action = 'LOGIN_FAILURE' "
                                + "and client_address = ? and entity_id is null",
                        Long.class,
                        from))
                .isEqualTo(fromThere + 1);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where strpos(lower(concat_ws(' ', actor, entity_id,
                    before_state::text, after_state::text)), lower(?)) > 0""", Long.class, typed)).isZero();
    }

    @Test
    void aFirstLoginMustChangeThePasswordBeforeAnythingElse() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "first-login-clerk", Role.COUNTY_STAFF, "530621");
        MvcTestResult reset = mvc.post()
                .uri("/admin/accounts/" + target.getId() + "/reset-password")
                .with(csrf())
                .with(user(admin))
                .exchange();
        String temporary = (String) reset.getMvcResult().getFlashMap().get("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);

        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(session)
                        .param("username", "first-login-clerk")
                        .param("password", temporary)
                        .with(csrf())
                        .with(newAddress()))
                .redirectedUrl()
                .isEqualTo("/account/password");
        // every other page sends them back to the password form
        assertThat(mvc.get().uri("/counties/530621").session(session))
                .redirectedUrl()
                .isEqualTo("/account/password");
        assertThat(mvc.get().uri("/account/password").session(session))
                .hasStatusOk()
                .bodyText()
                .contains("请先设置您自己的新密码");

        // the policy speaks next to the field, in Chinese
        assertThat(mvc.post()
                        .uri("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", temporary)
                        .param("newPassword", "P@ssw0rd2026")
                        .param("confirmPassword", "P@ssw0rd2026"))
                .hasStatusOk()
                .bodyText()
                .contains("newPassword-error", "请换一个");
        assertThat(mvc.post()
                        .uri("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", temporary)
                        .param("newPassword", "Passw0rd!!")
                        .param("confirmPassword", "Passw0rd!!"))
                .hasStatusOk()
                .bodyText()
                .contains("newPassword-error", "至少需要 12 位");
        assertThat(mvc.post()
                        .uri("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", temporary)
                        .param("newPassword", "Lantern-river-quietly-47")
                        .param("confirmPassword", "Lantern-river-quietly-48"))
                .hasStatusOk()
                .bodyText()
                .contains("两次输入的新密码不一致");

        assertThat(mvc.post()
                        .uri("/account/password")
                        .session(session)
                        .with(csrf())
                        .param("currentPassword", temporary)
                        .param("newPassword", "Lantern-river-quietly-47")
                        .param("confirmPassword", "Lantern-river-quietly-47"))
                .redirectedUrl()
                .isEqualTo("/");
        assertThat(mvc.get().uri("/counties/530621").session(session)).hasStatusOk();
        assertThat(actionsOf(target)).contains("PASSWORD_RESET", "PASSWORD_CHANGED");
        // and the new password is the one that works from now on
        assertThat(login("first-login-clerk", "Lantern-river-quietly-47", newAddress()))
                .redirectedUrl()
                .isEqualTo("/");
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "csrf-target", Role.REVIEWER, null);
        assertThat(mvc.post()
                        .uri("/admin/accounts/" + target.getId() + "/disable")
                        .with(user(admin)))
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
        String loginPage = http.send(HttpRequest.newBuilder(url("/login")).build(), BodyHandlers.ofString())
                .body();
        String before = sessionCookie(cookies);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage);
        assertThat(token.find()).isTrue();
        String form = "username=session-clerk&password=" + TestUsers.PASSWORD + "&_csrf=" + token.group(1);
        HttpResponse<String> loggedIn = http.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(sessionCookie(cookies)).isNotNull().isNotEqualTo(before);

        String account = http.send(HttpRequest.newBuilder(url("/account")).build(), BodyHandlers.ofString())
                .body();
        assertThat(account).contains("上次登录", "来自 10.88.0.7");
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String sessionCookie(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    @Test
    void aSessionEndsWhenAnAdminDisablesOrChangesItsAccount() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser reviewer = TestUsers.user(accounts, "session-end-reviewer", Role.REVIEWER, "530000");
        accounts.setEnabled(reviewer.getId(), true, admin.toViewer());
        MockHttpSession session = new MockHttpSession();
        assertThat(mvc.post()
                        .uri("/login")
                        .session(session)
                        .param("username", "session-end-reviewer")
                        .param("password", TestUsers.PASSWORD)
                        .with(csrf())
                        .with(newAddress()))
                .redirectedUrl()
                .isEqualTo("/");
        assertThat(mvc.get().uri("/account").session(session)).hasStatusOk();

        accounts.update(
                reviewer.getId(),
                new AccountCommand("session-end-reviewer", "x", "REVIEWER", "410000", null, null),
                admin.toViewer());
        assertThat(mvc.get().uri("/account").session(session)).redirectedUrl().isEqualTo("/login?expired");
        assertThat(mvc.get().uri("/login?expired=1")).bodyText().contains("请重新登录");

        // a fresh login carries the new scope; disabling ends that session too
        MockHttpSession again = new MockHttpSession();
        mvc.post()
                .uri("/login")
                .session(again)
                .param("username", "session-end-reviewer")
                .param("password", TestUsers.PASSWORD)
                .with(csrf())
                .with(newAddress())
                .exchange();
        assertThat(mvc.get().uri("/account").session(again)).hasStatusOk();
        accounts.setEnabled(reviewer.getId(), false, admin.toViewer());
        assertThat(mvc.get().uri("/account").session(again)).redirectedUrl().isEqualTo("/login?expired");
        accounts.update(
                reviewer.getId(),
                new AccountCommand("session-end-reviewer", "x", "REVIEWER", "530000", null, null),
                admin.toViewer());
        accounts.setEnabled(reviewer.getId(), true, admin.toViewer());
    }

    @Test
    void aDisabledAccountAnswersLikeAnUnknownOne() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        PortalUser target = TestUsers.user(accounts, "disabled-alike", Role.REVIEWER, null);
        accounts.setEnabled(target.getId(), false, admin.toViewer());
        try {
            List<String> disabled = slowdownSeen("disabled-alike");
            assertThat(disabled).isEqualTo(slowdownSeen("nobody-alike-" + System.nanoTime()));
            // the right password too: the answer never says the account exists
            assertThat(disabled.get(0)).isEqualTo("/login?error");
            assertThat(login("disabled-alike", TestUsers.PASSWORD, newAddress()))
                    .redirectedUrl()
                    .isEqualTo("/login?error");
            // audited against the account, which exists
            assertThat(jdbc.queryForObject(
                            "select count(*) from audit_event where action = 'LOGIN_FAILURE' "
                                    + "and entity_id = ? and after_state ->> 'reason' = 'DISABLED'",
                            Long.class,
                            target.getId().toString()))
                    .isPositive();
        } finally {
            clock.reset();
            accounts.setEnabled(target.getId(), true, admin.toViewer());
        }
    }

    @Test
    void parallelGuessesFromOneAddressAreAllCounted() throws Exception {
        PortalUser clerk = TestUsers.user(accounts, "parallel-clerk", Role.COUNTY_STAFF, "530621");
        RequestPostProcessor address = newAddress();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        int toldToWait = 0;
        try {
            var guesses = new ArrayList<java.util.concurrent.Future<MvcTestResult>>();
            for (int i = 0; i < 8; i++) {
                int n = i;
                guesses.add(pool.submit(() -> login("parallel-clerk", "guess-" + n, address)));
            }
            for (var guess : guesses) {
                String url = guess.get().getResponse().getRedirectedUrl();
                assertThat(url).startsWith("/login?");
                toldToWait += url.startsWith("/login?wait=") ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        Integer counted = jdbc.queryForObject(
                "select failures from login_failure where account_id = ?", Integer.class, clerk.getId());
        // every guess that was checked was counted first; the rest were told to wait
        assertThat(counted).isEqualTo(8 - toldToWait);
        assertThat(toldToWait).isGreaterThanOrEqualTo(4);
    }

    @Test
    void logoutIsAudited() {
        PortalUser reviewer = TestUsers.user(accounts, "logout-reviewer", Role.REVIEWER, "530000");
        assertThat(mvc.post().uri("/logout").with(csrf()).with(user(reviewer)))
                .redirectedUrl()
                .isEqualTo("/login?logout");
        assertThat(actionsOf(reviewer)).contains("LOGOUT");
    }

    private MvcTestResult login(String username, String password, RequestPostProcessor address) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", password)
                .with(csrf())
                .with(address)
                .exchange();
    }

    /** Logs in, waiting out (on the test clock) whatever the throttle asks first. */
    private MvcTestResult loginWaiting(String username, String password, RequestPostProcessor address) {
        MvcTestResult result = login(username, password, address);
        for (int i = 0; i < 3 && result.getResponse().getRedirectedUrl().startsWith("/login?wait="); i++) {
            clock.advance(Duration.ofSeconds(waitOf(result)));
            result = login(username, password, address);
        }
        return result;
    }

    private static long waitOf(MvcTestResult result) {
        Matcher wait =
                Pattern.compile("wait=([0-9]+)").matcher(result.getResponse().getRedirectedUrl());
        assertThat(wait.find()).isTrue();
        return Long.parseLong(wait.group(1));
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
        return audit.historyOf("Account", user.getId().toString()).stream()
                .map(AuditEntry::action)
                .toList();
    }
}
