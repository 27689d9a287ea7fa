package cn.fazhi.portal.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import org.springframework.http.ResponseCookie;

/**
 * The elderly-friendly display (适老模式: larger text, higher contrast, bigger click targets). The
 * browser keeps it in a cookie, so that it holds before a login and for anonymous visitors; an
 * account's own choice is written into that cookie at each login.
 */
public final class DisplayMode {

    static final String COOKIE = "portal-elderly";

    private DisplayMode() {}

    /** Whether this request's page is to be shown in the elderly-friendly display. */
    public static boolean isElderly(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        return cookies != null
                && Arrays.stream(cookies).anyMatch(c -> COOKIE.equals(c.getName()) && "1".equals(c.getValue()));
    }

    static void remember(HttpServletRequest request, HttpServletResponse response, boolean elderly) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        ResponseCookie cookie = ResponseCookie.from(COOKIE, elderly ? "1" : "0")
                .path(path)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .maxAge(Duration.ofDays(400))
                .build();
        response.addHeader("Set-Cookie", cookie.toString());
    }
}
