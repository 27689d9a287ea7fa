package cn.fazhi.portal.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.function.Supplier;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's masked (XOR) CSRF tokens, with a token that cannot be unmasked treated as a
 * wrong token. The stock handler throws {@link IllegalArgumentException} when a tampered token
 * still decodes from Base64 but unmasks to bytes that are not UTF-8 ({@code 'AAAA' + token[4:]}
 * does): the request then ended in a 500 with a stack trace in the log instead of the 403 of any
 * other wrong token.
 */
final class CsrfTokenTolerance implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
        masked.handle(request, response, token);
    }

    @Override
    public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
        try {
            return masked.resolveCsrfTokenValue(request, token);
        } catch (IllegalArgumentException undecodable) {
            return null; // no usable token: the CSRF filter refuses the request with 403
        }
    }
}
