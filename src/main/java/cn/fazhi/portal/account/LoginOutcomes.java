package cn.fazhi.portal.account;

import cn.fazhi.portal.audit.AuditService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
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
    private final PasswordEncoder passwordEncoder;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect = new SavedRequestAwareAuthenticationSuccessHandler();

    /** A hash of nothing anyone types, checked so that refusals take as long as a password check. */
    private final String timingHash;

    LoginOutcomes(AccountService accounts, LoginThrottle throttle, AuditService audit, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.audit = audit;
        this.passwordEncoder = passwordEncoder;
        this.timingHash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
        redirect.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        // the address keeps its failures: one good login must not buy an attacker ten more guesses
        accounts.recordLogin(authentication.getName(), AuditService.clientAddress(request))
                .ifPresent(elderly -> DisplayMode.remember(request, response, elderly));
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
        if (!"BAD_CREDENTIALS".equals(reason)) {
            // these are refused before the password is checked: spend the same time as a check would
            passwordEncoder.matches(request.getParameter("password") == null ? "" : request.getParameter("password"),
                    timingHash);
        }
        Optional<Boolean> known = accounts.recordFailedLogin(username, reason);
        boolean locked;
        if (known.isEmpty()) {
            audit.recordAs(null, "LOGIN_FAILURE", "Account",
                    username.length() > 40 ? username.substring(0, 40) : username, null, null);
            locked = throttle.unknownUserFailed(username);
        } else {
            // a disabled account answers like a username that does not exist
            locked = "DISABLED".equals(reason) ? throttle.unknownUserFailed(username) : known.get();
        }
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

        /** The same matcher the login filter uses, so that no spelling of the path slips past. */
        private static final RequestMatcher LOGIN = PathPatternRequestMatcher.withDefaults()
                .matcher(HttpMethod.POST, "/login");

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !LOGIN.matches(request);
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
