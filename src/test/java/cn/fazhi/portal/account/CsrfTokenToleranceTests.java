package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Why a tampered CSRF token gave a 500: Spring Security's masked-token handler throws when the
 * token unmasks to bytes that are not UTF-8. The portal's handler reads such a token as no token,
 * which the CSRF filter refuses with 403.
 */
class CsrfTokenToleranceTests {

    private static final CsrfToken TOKEN =
            new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "0b6f5e4e-6f5c-4c55-9b5a-1f0c2e8d7a31");

    @Test
    void aTamperedTokenIsNoTokenWhereTheStockHandlerThrows() {
        int thrown = 0;
        for (int i = 0; i < 50; i++) {
            MockHttpServletRequest request = tampered();
            try {
                new XorCsrfTokenRequestAttributeHandler().resolveCsrfTokenValue(request, TOKEN);
            } catch (IllegalArgumentException e) {
                thrown++;
            }
            assertThat(new CsrfTokenTolerance().resolveCsrfTokenValue(request, TOKEN))
                    .isNotEqualTo(TOKEN.getToken());
        }
        assertThat(thrown).as("the stock handler's failure this guards against").isPositive();
    }

    @Test
    void anUntouchedTokenStillMatches() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("_csrf", masked());
        assertThat(new CsrfTokenTolerance().resolveCsrfTokenValue(request, TOKEN))
                .isEqualTo(TOKEN.getToken());
    }

    /** A request carrying the masked token with its first four characters replaced. */
    private static MockHttpServletRequest tampered() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setParameter("_csrf", "AAAA" + masked().substring(4));
        return request;
    }

    /** The token as a page carries it: masked afresh each time. */
    private static String masked() {
        MockHttpServletRequest page = new MockHttpServletRequest("GET", "/login");
        new CsrfTokenTolerance().handle(page, new MockHttpServletResponse(), () -> TOKEN);
        return ((CsrfToken) page.getAttribute(CsrfToken.class.getName())).getToken();
    }
}
