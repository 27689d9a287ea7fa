package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.internal.AccountService;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The elderly-friendly display (适老模式): a browser remembers it for anonymous visitors, an
 * account remembers it for its user, and a login brings the account's choice to a new browser.
 */
@PortalTest
class DisplayModeTests {

    private static final Cookie ELDERLY = new Cookie(DisplayMode.COOKIE, "1");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Test
    void anAnonymousVisitorsChoiceIsKeptByTheirBrowserAndEveryPageFollowsIt() {
        MvcTestResult chosen = mvc.post()
                .uri("/display-mode")
                .param("elderly", "true")
                .param("back", "/regions?x=1")
                .with(csrf())
                .exchange();
        assertThat(chosen).hasStatus(HttpStatus.SEE_OTHER).redirectedUrl().isEqualTo("/regions?x=1");
        assertThat(chosen)
                .cookies()
                .containsCookie(DisplayMode.COOKIE)
                .hasValue(DisplayMode.COOKIE, "1")
                .isHttpOnly(DisplayMode.COOKIE, true);

        assertThat(mvc.get().uri("/regions").cookie(ELDERLY))
                .bodyText()
                .containsPattern("<html[^>]*class=\"elderly\"")
                .containsPattern(
                        "id=\"display-mode\"[^>]*aria-pressed=\"true\"|aria-pressed=\"true\"[^>]*id=\"display-mode\"");
        assertThat(mvc.get().uri("/regions"))
                .bodyText()
                .doesNotContainPattern("<html[^>]*class=\"elderly\"")
                .contains("aria-pressed=\"false\"");
        // the English page names the switch in English
        assertThat(mvc.get().uri("/regions?lang=en")).bodyText().contains("Elderly-friendly mode");
    }

    @Test
    void theSwitchIsAPostOfThisPortalOnly() {
        assertThat(mvc.post().uri("/display-mode").param("elderly", "true")).hasStatus(HttpStatus.FORBIDDEN);
        for (String elsewhere :
                new String[] {"//evil.example/", "https://evil.example/", "/\\evil.example", "regions"}) {
            assertThat(mvc.post()
                            .uri("/display-mode")
                            .param("elderly", "true")
                            .param("back", elsewhere)
                            .with(csrf()))
                    .as(elsewhere)
                    .redirectedUrl()
                    .isEqualTo("/");
        }
        // the page's script changes the page itself and needs no page back
        assertThat(mvc.post()
                        .uri("/display-mode")
                        .param("elderly", "true")
                        .header("X-Display-In-Place", "1")
                        .with(csrf()))
                .hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void aUsersChoiceFollowsThemToTheNextBrowserTheyLogInFrom() {
        PortalUser clerk = TestUsers.user(accounts, "display-clerk", Role.COUNTY_STAFF, "530627");
        // before choosing, a login leaves the browser's own choice alone
        assertThat(login("display-clerk")).cookies().doesNotContainCookie(DisplayMode.COOKIE);

        assertThat(mvc.post()
                        .uri("/display-mode")
                        .param("elderly", "true")
                        .with(csrf())
                        .with(user(clerk)))
                .hasStatus(HttpStatus.SEE_OTHER);
        assertThat(login("display-clerk")).cookies().hasValue(DisplayMode.COOKIE, "1");

        assertThat(mvc.post()
                        .uri("/display-mode")
                        .param("elderly", "false")
                        .with(csrf())
                        .with(user(clerk))
                        .cookie(ELDERLY))
                .cookies()
                .hasValue(DisplayMode.COOKIE, "0");
        assertThat(login("display-clerk")).cookies().hasValue(DisplayMode.COOKIE, "0");
    }

    private MvcTestResult login(String username) {
        return mvc.post()
                .uri("/login")
                .param("username", username)
                .param("password", TestUsers.PASSWORD)
                .with(csrf())
                .with(request -> {
                    request.setRemoteAddr("10.78.0.1");
                    return request;
                })
                .exchange();
    }
}
