package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.config.internal.HeavyRequestLimiter;
import cn.fazhi.portal.config.internal.HeavyRequestLimits;
import jakarta.servlet.FilterChain;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

class HeavyRequestLimiterTests {

    private final HeavyRequestLimiter limiter = new HeavyRequestLimiter(
            List.of(new HeavyRoute(
                    HeavyRoute.Kind.IMPORT,
                    PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/upload"))),
            new HeavyRequestLimits(2, 1, 1, 1, Duration.ofMillis(200), Duration.ofSeconds(7)));

    @Test
    void requestsOverTheLimitWaitThenGet503WithRetryAfterAndThePlacesComeBack() throws Exception {
        CountDownLatch running = new CountDownLatch(2);
        CountDownLatch finish = new CountDownLatch(1);
        FilterChain blocking = (request, response) -> {
            running.countDown();
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<MockHttpServletResponse>> first = List.of(
                    threads.submit(() -> send("POST", "/upload", blocking)),
                    threads.submit(() -> send("POST", "/upload", blocking)));
            assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(limiter.available(HeavyRoute.Kind.IMPORT)).isZero();

            MockHttpServletResponse third = send("POST", "/upload", (req, res) -> {});
            assertThat(third.getStatus()).isEqualTo(503);
            assertThat(third.getHeader("Retry-After")).isEqualTo("7");
            assertThat(third.getStatus()).isEqualTo(503);

            // other routes and other kinds are not held up
            MockHttpServletResponse page = send("GET", "/upload", (req, res) -> {});
            assertThat(page.getStatus()).isEqualTo(200);

            finish.countDown();
            for (Future<MockHttpServletResponse> f : first) {
                assertThat(f.get(5, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
            }
            assertThat(limiter.available(HeavyRoute.Kind.IMPORT)).isEqualTo(2);
            assertThat(send("POST", "/upload", (req, res) -> {}).getStatus()).isEqualTo(200);
        } finally {
            finish.countDown();
            threads.shutdownNow();
        }
    }

    @Test
    void aFailingHandlerStillGivesItsPlaceBack() {
        FilterChain failing = (request, response) -> {
            throw new IllegalStateException("broken upload");
        };
        for (int i = 0; i < 3; i++) {
            try {
                send("POST", "/upload", failing);
            } catch (IllegalStateException expected) {
                // the handler's failure is the container's to answer
            }
        }
        assertThat(limiter.available(HeavyRoute.Kind.IMPORT)).isEqualTo(2);
    }

    private MockHttpServletResponse send(String method, String path, FilterChain chain) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            limiter.doFilter(request, response, chain);
        } catch (java.io.IOException | jakarta.servlet.ServletException e) {
            throw new IllegalStateException(e);
        }
        return response;
    }
}
