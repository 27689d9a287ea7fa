package cn.fazhi.portal.config.internal;

import cn.fazhi.portal.config.ErrorPages;
import cn.fazhi.portal.config.HeavyRoute;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds the heavy requests of each kind that run at once (并发上限), so that many clerks uploading
 * in the same minute queue for a moment or are told to come back, instead of exhausting the heap
 * together. A request over the limit waits up to {@link HeavyRequestLimits#queueWait()} for a place,
 * then gets 503 with {@code Retry-After} and the error page.
 *
 * <p>Runs first of the portal's filters, before an upload's body is parsed by anyone.
 */
@Component
@Order(-300)
@EnableConfigurationProperties(HeavyRequestLimits.class)
public class HeavyRequestLimiter extends OncePerRequestFilter {

    /** The message key the 503 page shows ({@link ErrorPages}): busy, not broken. */
    static final String BUSY_MESSAGE = "error.busy";

    private static final Logger log = LoggerFactory.getLogger(HeavyRequestLimiter.class);

    private final List<HeavyRoute> routes;
    private final HeavyRequestLimits limits;
    private final Map<HeavyRoute.Kind, Semaphore> places = new EnumMap<>(HeavyRoute.Kind.class);

    public HeavyRequestLimiter(List<HeavyRoute> routes, HeavyRequestLimits limits) {
        this.routes = List.copyOf(routes);
        this.limits = limits;
        for (HeavyRoute.Kind kind : HeavyRoute.Kind.values()) {
            places.put(kind, new Semaphore(Math.max(1, limits.of(kind)), true));
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return kindOf(request).isEmpty();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HeavyRoute.Kind kind = kindOf(request).orElseThrow();
        Semaphore place = places.get(kind);
        boolean acquired;
        try {
            acquired = place.tryAcquire(limits.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            log.info(
                    "Busy: {} {} refused, {} {} requests already running",
                    request.getMethod(),
                    request.getRequestURI(),
                    limits.of(kind),
                    kind);
            response.setHeader(
                    "Retry-After", Long.toString(Math.max(1, limits.retryAfter().toSeconds())));
            ErrorPages.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, BUSY_MESSAGE);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            place.release();
        }
    }

    /** Places still free for a kind; for tests and health. */
    public int available(HeavyRoute.Kind kind) {
        return places.get(kind).availablePermits();
    }

    private Optional<HeavyRoute.Kind> kindOf(HttpServletRequest request) {
        for (HeavyRoute route : routes) {
            if (route.matcher().matches(request)) {
                return Optional.of(route.kind());
            }
        }
        return Optional.empty();
    }
}
