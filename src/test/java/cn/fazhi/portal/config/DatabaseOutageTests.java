package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalApplication;
import cn.fazhi.portal.SystemTest;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

/**
 * Kill the database under a running portal: pages and the login answer 503 within seconds,
 * health says DOWN, and once the supervised server is back the same portal answers again.
 *
 * <p>On a server and a portal of this test's own (the shared test database must never die):
 * a durable embedded server in a temporary directory, restarted 8 s after its death so that the
 * outage lasts long enough to be seen, and the whole application started on it.
 */
@SystemTest
class DatabaseOutageTests {

    private static final Duration PROMPTLY = Duration.ofSeconds(5);

    @TempDir
    Path folder;

    @Test
    void whileTheDatabaseIsDownPagesAnswer503AndThePortalRecoversByItself() throws Exception {
        EmbeddedPostgresServer database = EmbeddedPostgresServer.persistent(
                folder.resolve("pg"),
                0,
                new EmbeddedPostgresServer.Supervision(Duration.ofSeconds(8), 5, Duration.ofMinutes(10)));
        ConfigurableApplicationContext portal = null;
        try {
            portal = new SpringApplicationBuilder(PortalApplication.class)
                    .initializers(context -> context.getBeanFactory()
                            .registerSingleton("testClassesExcluded", new TestClassesExcluded()))
                    .run(
                            "--server.port=0",
                            "--server.address=127.0.0.1",
                            "--spring.main.banner-mode=off",
                            "--portal.embedded-postgres.enabled=false",
                            "--spring.datasource.url="
                                    + database.connectionDetails().getJdbcUrl(),
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password="
                                    + database.connectionDetails().getPassword());
            Client client = new Client(
                    ((WebServerApplicationContext) portal).getWebServer().getPort());
            assertThat(client.get("/counties/532527").statusCode()).isEqualTo(200);
            assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
            String csrf = client.csrfOfLoginPage();

            EmbeddedPostgresServerTests.killPostmaster(folder.resolve("pg"));

            long start = System.nanoTime();
            HttpResponse<String> page = client.get("/counties/532527");
            assertThat(page.statusCode()).isEqualTo(503);
            assertThat(page.body()).contains("暂时无法连接数据库，请稍后再试");
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);

            start = System.nanoTime();
            HttpResponse<String> health = client.get("/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);

            // not "wrong password", not a 500: the login could not be checked
            start = System.nanoTime();
            HttpResponse<String> login = client.post(
                    "/login",
                    "username=nobody-here&password=whatever-it-is&_csrf="
                            + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
            assertThat(login.statusCode()).isEqualTo(503);
            assertThat(login.body()).contains("暂时无法连接数据库");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(PROMPTLY);

            // the supervised server comes back; the same portal answers again
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            int status = 0;
            while (System.nanoTime() < end
                    && (status = client.get("/counties/532527").statusCode()) != 200) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            assertThat(status).isEqualTo(200);
            assertThat(database.running()).isTrue();
            assertThat(client.get("/actuator/health").statusCode()).isEqualTo(200);
        } finally {
            if (portal != null) {
                portal.close();
            }
            database.stop();
        }
    }

    /** Plain HTTP as a browser sends it (asking for HTML), with cookies for the login form's session. */
    private static final class Client {
        private final HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        private final String base;

        Client(int port) {
            this.base = "http://127.0.0.1:" + port;
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Accept", "text/html,*/*")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
            return http.send(
                    HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .header("Accept", "text/html,*/*")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        String csrfOfLoginPage() throws IOException, InterruptedException {
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(get("/login").body());
            assertThat(token.find()).as("the login form's CSRF token").isTrue();
            return token.group(1);
        }
    }

    /** The application as it ships: none of the tests' configurations (their own database among them). */
    static final class TestClassesExcluded extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURL().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesExcluded;
        }

        @Override
        public int hashCode() {
            return TestClassesExcluded.class.hashCode();
        }
    }
}
