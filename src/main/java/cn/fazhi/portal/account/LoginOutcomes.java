package cn.fazhi.portal.account;

import cn.fazhi.portal.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around a login: failures are counted (the account locks after five in a row, the
 * address is slowed after ten), successes reset the count and are audited, logouts are audited.
 * The login page then says "locked" or "wrong username or password", never whether the
 * username exists.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomes(AccountService accounts, LoginThrottle throttle, AuditService audit) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        redirect.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        accounts.recordLogin(authentication.getName(), AuditService.clientAddress(request));
        throttle.succeededFrom(AuditService.clientAddress(request));
        if (authentication.getPrincipal() instanceof PortalUser user && user.isMustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PasswordChangeRequired.PASSWORD_PAGE);
            return;
        }
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = AccountService.normalise(request.getParameter("username"));
        throttle.failedFrom(AuditService.clientAddress(request));
        String reason = exception instanceof LockedException ? "LOCKED"
                : exception instanceof DisabledException ? "DISABLED" : "BAD_CREDENTIALS";
        boolean locked = accounts.recordFailedLogin(username, reason)
                .orElseGet(() -> {
                    audit.recordAs(null, "LOGIN_FAILURE", "Account",
                            username.length() > 40 ? username.substring(0, 40) : username, null, null);
                    return throttle.unknownUserFailed(username);
                });
        response.sendRedirect(request.getContextPath() + (locked ? "/login?locked" : "/login?error"));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            audit.recordAs(user.getUsername(), "LOGOUT", "Account", user.getId(), null, null);
        }
    }

    /** Before a login is even tried: an address that keeps failing waits, doubling up to a minute. */
    static final class ThrottleFilter extends OncePerRequestFilter {

        private final LoginThrottle throttle;

        ThrottleFilter(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod())
                    && "/login".equals(request.getRequestURI().substring(request.getContextPath().length())));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Duration wait = throttle.waitFor(AuditService.clientAddress(request));
            if (!wait.isZero()) {
                response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
                response.sendRedirect(request.getContextPath() + "/login?slow");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
