package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.SystemTest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, H1, as it happened: the portal in a JVM of its own with a 512 MB heap (and
 * {@code -XX:+ExitOnOutOfMemoryError}, as documented for production), the demo clerk logged in over
 * real HTTP, the attacker's upload and three concurrent hostile uploads, while
 * {@code /actuator/health} is asked every 200 ms. Every upload is refused with a message or told to
 * come back (503 with Retry-After), never 500; health answers 200 within two seconds throughout, and
 * the process is alive at the end.
 */
@SystemTest
class ExcelUploadHeapTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final String COUNTY = "532527";

    @TempDir
    static Path temp;

    static Process portal;
    static List<ProcessHandle> tree = List.of();
    static String base;
    static Path log;

    @BeforeAll
    static void startPortal() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        log = Path.of("target", "excel-upload-heap-portal.log").toAbsolutePath();
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                classPath(),
                "cn.fazhi.portal.PortalApplication",
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--spring.profiles.active=demo",
                "--portal.embedded-postgres.data-directory=" + temp.resolve("postgres")));
        portal = new ProcessBuilder(command)
                .directory(temp.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (true) {
            assertThat(portal.isAlive()).as("the portal started (see %s)", log).isTrue();
            tree = portal.descendants().toList();
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/actuator/health"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    break;
                }
            } catch (IOException e) {
                // not listening yet
            }
            assertThat(System.nanoTime())
                    .as("the portal answers within 5 minutes (see %s)", log)
                    .isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    @AfterAll
    static void stopPortal() throws InterruptedException {
        if (portal == null) {
            return;
        }
        List<ProcessHandle> processes = new ArrayList<>(tree);
        processes.addAll(portal.descendants().toList());
        // a gentle stop first: the portal's shutdown stops its embedded PostgreSQL
        portal.destroy();
        if (!portal.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            portal.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
        for (ProcessHandle process : processes) {
            if (process.isAlive()) {
                process.destroy();
            }
        }
        // PostgreSQL detaches from the JVM that starts it: a portal that died without its shutdown
        // (an OutOfMemoryError exits at once) leaves it running on this test's data directory
        String dataDirectory = temp.resolve("postgres").toString();
        ProcessHandle.allProcesses()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(dataDirectory))
                        .orElse(false))
                .forEach(processes::add);
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroy);
        // until they have all exited, or for ten seconds at most before the hard kill
        CompletableFuture.allOf(processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new))
                .completeOnTimeout(null, 10, java.util.concurrent.TimeUnit.SECONDS)
                .join();
        processes.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void theHostileUploadsAreRefusedAndThePortalKeepsAnswering() throws Exception {
        HttpClient clerk = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        String login = "username=demo-clerk&password=demo-pass-2026&_csrf="
                + token(get(clerk, "/login").body());
        HttpResponse<String> loggedIn = clerk.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(login))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).isEqualTo(302);
        assertThat(loggedIn.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        // this year's report of the clerk's county, opened as a draft if it is not yet
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() - 1;
        String csrf = token(get(clerk, "/").body());
        HttpResponse<String> opened = clerk.send(
                HttpRequest.newBuilder(url("/reports"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "countyCode=" + COUNTY + "&year=" + year + "&_csrf=" + csrf))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(opened.statusCode()).isEqualTo(302);
        String editPage = "/counties/" + COUNTY + "/reports/" + year + "/edit";
        assertThat(get(clerk, editPage).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> form = clerk.send(
                HttpRequest.newBuilder(url("/counties/" + COUNTY + "/reports/" + year + "/report.xlsx"))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(form.statusCode()).isEqualTo(200);

        byte[] attack = HostileWorkbooks.withExtraSheets(form.body(), 10, 19L * 1024 * 1024);
        byte[] smaller = HostileWorkbooks.withExtraSheets(form.body(), 5, 19L * 1024 * 1024);
        byte[] lying = HostileWorkbooks.lyingAboutSizes(smaller);
        assertThat(attack.length).isBetween(4_000_000, 5 * 1024 * 1024);
        assertThat(smaller.length).isBetween(2_000_000, 3_000_000);

        HttpClient watcher =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        List<String> healthProblems = Collections.synchronizedList(new ArrayList<>());
        List<Long> healthMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean watching = new AtomicBoolean(true);
        // one permit per health answer: the test waits for answers after the uploads, not for a time
        Semaphore answered = new Semaphore(0);
        Thread health = new Thread(
                () -> {
                    while (watching.get()) {
                        long start = System.nanoTime();
                        try {
                            int status = watcher.send(
                                            HttpRequest.newBuilder(url("/actuator/health"))
                                                    .timeout(Duration.ofSeconds(2))
                                                    .build(),
                                            HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (status != 200) {
                                healthProblems.add("status " + status);
                            }
                        } catch (IOException e) {
                            healthProblems.add(e.toString());
                        } catch (InterruptedException e) {
                            return;
                        }
                        healthMillis.add((System.nanoTime() - start) / 1_000_000);
                        answered.release();
                        try {
                            Thread.sleep(200);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "health-watcher");
        health.start();
        List<HttpResponse<String>> answers = new ArrayList<>();
        try {
            String uploadToken = token(get(clerk, editPage).body());
            answers.add(upload(clerk, year, uploadToken, attack));
            for (byte[] file : List.of(smaller, lying)) {
                List<CompletableFuture<HttpResponse<String>>> concurrent = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    concurrent.add(CompletableFuture.supplyAsync(() -> upload(clerk, year, uploadToken, file)));
                }
                concurrent.forEach(f -> answers.add(f.join()));
            }
            // the portal still answers its health check after the last upload
            answered.drainPermits();
            assertThat(answered.tryAcquire(2, 30, java.util.concurrent.TimeUnit.SECONDS))
                    .isTrue();
        } finally {
            watching.set(false);
            health.join(5000);
        }

        for (HttpResponse<String> answer : answers) {
            if (answer.statusCode() == 503) {
                assertThat(answer.headers().firstValue("Retry-After")).isPresent();
            } else {
                assertThat(answer.statusCode()).as("an upload's answer").isEqualTo(200);
                assertThat(answer.body()).contains("文件未导入", "解压后");
            }
        }
        assertThat(answers.get(0).statusCode()).as("the attacker's file, alone").isEqualTo(200);
        assertThat(healthProblems).as("health answers").isEmpty();
        assertThat(healthMillis)
                .as("health was asked throughout")
                .hasSizeGreaterThan(3)
                .allSatisfy(millis -> assertThat(millis).isLessThan(2000));
        assertThat(portal.isAlive()).as("the portal is alive").isTrue();
        assertThat(get(clerk, editPage).statusCode()).isEqualTo(200);
        System.out.printf(
                "ExcelUploadHeapTests: answers %s, health max %d ms over %d checks%n",
                answers.stream().map(HttpResponse::statusCode).toList(),
                healthMillis.stream().mapToLong(Long::longValue).max().orElse(0),
                healthMillis.size());
    }

    private static HttpResponse<String> upload(HttpClient http, int year, String csrf, byte[] file) {
        String boundary = "----excel-heap-test-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                        + "\r\n--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.xlsx\"\r\n"
                        + "Content-Type: " + XLSX + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            return http.send(
                    HttpRequest.newBuilder(url("/counties/" + COUNTY + "/reports/" + year + "/import"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .timeout(Duration.ofSeconds(60))
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(
                    "no answer to an upload; the portal is " + (portal.isAlive() ? "alive" : "dead") + " (see " + log
                            + ")",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI url(String path) {
        return URI.create(base + path);
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    /**
     * The test JVM's class path without the test classes: scanned by the portal, the tests' own
     * configurations (a test database, a test clock) would join the application.
     */
    private static String classPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
