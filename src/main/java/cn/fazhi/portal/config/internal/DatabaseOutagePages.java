package cn.fazhi.portal.config.internal;

import cn.fazhi.portal.config.ErrorPages;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A request that fails because the database cannot be reached answers 503 with the page
 * {@code error/503.html} saying so, wherever it failed: in a controller (as a resolver, ahead of
 * the controller advice) or in a filter such as the login's or the session check's (as a filter
 * around Spring Security).
 *
 * <p>The 503 page shows the message whose key is in the request attribute {@value ErrorPages#MESSAGE}
 * (the convention of every error page), or its general "服务暂时不可用" text without one; anything
 * else answering 503 (a busy server) sets its own key.
 */
public final class DatabaseOutagePages extends OncePerRequestFilter implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutagePages.class);
    static final String DATABASE_MESSAGE = "error.503.database";
    /** Seconds a client should wait: about what a restart of the embedded server takes. */
    static final String RETRY_AFTER = "5";
    /** Around Spring Security (-100), so that its filters' failures are caught too. */
    public static final int FILTER_ORDER = -120;

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception failure) {
        if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
            return null;
        }
        try {
            send(request, response, failure);
        } catch (IOException e) {
            return null;
        }
        return new ModelAndView();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!DatabaseOutage.isCause(failure) || response.isCommitted()) {
                throw failure;
            }
            send(request, response, failure);
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Throwable failure)
            throws IOException {
        log.info(
                "503 for {} {}: the database cannot be reached ({})",
                request.getMethod(),
                request.getRequestURI(),
                failure.toString());
        response.setHeader("Retry-After", RETRY_AFTER);
        ErrorPages.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, DATABASE_MESSAGE);
    }

    @Override
    public int getOrder() {
        // after Boot's DefaultErrorAttributes (which records the failure and resolves nothing),
        // before @ExceptionHandler methods
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
