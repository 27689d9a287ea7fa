package cn.fazhi.portal.account;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two checks on every request of a logged-in user. A session whose account was disabled, had
 * its role, scope or password changed since the login ends here (the user logs in again and gets
 * what the account may do now). And after a first login or an administrator's reset, the user can
 * do nothing but choose a new password (or log out) until they have. Static files are public and
 * pass unchecked.
 */
class PasswordChangeRequired extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/images/", "/favicon.ico");
    private static final List<String> ALLOWED = List.of(PASSWORD_PAGE, "/logout", "/login", "/error");

    private final SessionStamps stamps;

    PasswordChangeRequired(SessionStamps stamps) {
        this.stamps = stamps;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (matches(path, STATIC) || auth == null || !(auth.getPrincipal() instanceof PortalUser user)) {
            chain.doFilter(request, response);
            return;
        }
        if (!stamps.stillValid(user.getId(), user.getSecurityStamp())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (user.isMustChangePassword() && !matches(path, ALLOWED)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean matches(String path, List<String> prefixesAndPaths) {
        return prefixesAndPaths.stream().anyMatch(a -> a.endsWith("/") ? path.startsWith(a) : path.equals(a));
    }
}
