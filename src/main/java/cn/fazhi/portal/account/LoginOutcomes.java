package cn.fazhi.portal.account;

import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.account.internal.LoggedOut;
import cn.fazhi.portal.account.internal.LoginThrottle;
import cn.fazhi.portal.config.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What happens around a login. Before the password is checked, {@link LoginThrottle} decides whether
 * this address may try this username now (else the page says how many seconds to wait); a failure
 * is audited against the account when there is one (never with the typed username otherwise); a
 * success forgets the address's failures on that account and is audited; logouts are audited. The
 * login page never says whether the username exists.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutHandler {

    /** The request attribute carrying the throttle's subject from the filter to the outcome. */
    static final String SUBJECT = LoginOutcomes.class.getName() + ".subject";

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final PasswordEncoder passwordEncoder;
    private final SavedRequestAwareAuthenticationSuccessHandler redirect =
            new SavedRequestAwareAuthenticationSuccessHandler();

    /** A hash of nothing anyone types, checked so that refusals take as long as a password check. */
    private final String timingHash;

    LoginOutcomes(
            AccountService accounts,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.events = events;
        this.passwordEncoder = passwordEncoder;
        this.timingHash = passwordEncoder.encode(java.util.UUID.randomUUID().toString());
        redirect.setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(
            HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        String address = ClientAddress.of(request);
        throttle.succeeded(subjectOf(request, authentication.getName()), address);
        accounts.recordLogin(authentication.getName(), address)
                .ifPresent(elderly -> DisplayMode.remember(request, response, elderly));
        if (authentication.getPrincipal() instanceof PortalUser user && user.isMustChangePassword()) {
            response.sendRedirect(request.getContextPath() + PasswordChangeRequired.PASSWORD_PAGE);
            return;
        }
        redirect.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = AccountService.normalise(request.getParameter("username"));
        String reason = exception instanceof DisabledException ? "DISABLED" : "BAD_CREDENTIALS";
        if (!"BAD_CREDENTIALS".equals(reason)) {
            // refused before the password is checked: spend the same time as a check would
            passwordEncoder.matches(
                    request.getParameter("password") == null ? "" : request.getParameter("password"), timingHash);
        }
        accounts.recordFailedLogin(username, reason);
        Duration wait = throttle.failed(subjectOf(request, username), ClientAddress.of(request));
        response.sendRedirect(
                request.getContextPath() + "/login?error" + (wait.isZero() ? "" : "&wait=" + seconds(wait)));
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PortalUser user) {
            events.publishEvent(new LoggedOut(user.getId(), user.getUsername()));
        }
    }

    /** The filter that asks the throttle before every login. */
    ThrottleFilter throttleFilter() {
        return new ThrottleFilter(this);
    }

    private LoginThrottle.Subject subjectOf(HttpServletRequest request, String username) {
        if (request.getAttribute(SUBJECT) instanceof LoginThrottle.Subject subject) {
            return subject;
        }
        String normalised = AccountService.normalise(username);
        return throttle.subjectFor(accounts.enabledAccountId(normalised), normalised);
    }

    /** Whole seconds, rounded up: "wait 0 seconds" would be a lie. */
    static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds() + (wait.toNanosPart() > 0 ? 1 : 0));
    }

    /**
     * Before a login is even tried: an address that must wait for this username is sent back with
     * the number of seconds, without any password being checked.
     */
    static final class ThrottleFilter extends OncePerRequestFilter {

        /** The same matcher the login filter uses, so that no spelling of the path slips past. */
        private static final RequestMatcher LOGIN =
                PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/login");

        private final LoginOutcomes outcomes;

        ThrottleFilter(LoginOutcomes outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !LOGIN.matches(request);
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            LoginThrottle.Subject subject = outcomes.subjectOf(request, request.getParameter("username"));
            Duration wait = outcomes.throttle.attempt(subject, ClientAddress.of(request));
            if (!wait.isZero()) {
                long seconds = seconds(wait);
                response.setHeader("Retry-After", Long.toString(seconds));
                response.sendRedirect(request.getContextPath() + "/login?wait=" + seconds);
                return;
            }
            request.setAttribute(SUBJECT, subject);
            chain.doFilter(request, response);
        }
    }
}
