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
 * do nothing but choose a new password (or log out) until they have.
 */
class PasswordChangeRequired extends OncePerRequestFilter {

    static final String PASSWORD_PAGE = "/account/password";
    private static final List<String> ALLOWED = List.of(PASSWORD_PAGE, "/logout", "/login", "/error", "/webjars/",
            "/css/", "/js/", "/images/", "/favicon.ico");

    private final AccountService accounts;

    PasswordChangeRequired(AccountService accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PortalUser user
                && !accounts.sessionStillValid(user.getId(), user.getSecurityStamp())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (auth != null && auth.getPrincipal() instanceof PortalUser user && user.isMustChangePassword()
                && ALLOWED.stream().noneMatch(a -> a.endsWith("/") ? path.startsWith(a) : path.equals(a))) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
