package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.SystemTest;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * H1 of issue 16: 64 concurrent downloads of one 10 MB evidence file ran a 512 MB heap out of
 * memory. Here the portal runs in a JVM of its own with half that heap, exiting on
 * OutOfMemoryError, its own embedded PostgreSQL and the demo data, and the evidence limit raised
 * to 64 so that all 64 downloads of a 10 MB file run at once rather than queue: every one comes
 * back whole, and the portal still answers its health check.
 */
@SystemTest
class EvidenceDownloadHeapTests {

    static final int TEN_MB = 10 * 1024 * 1024;
    static final int DOWNLOADS = 64;
    static final String PASSWORD = "demo-pass-2026";

    @TempDir
    Path folder;

    @Test
    void sixtyFourDownloadsOfATenMegabyteFileAtOnceFitA256MegabyteHeap() throws Exception {
        int port = freePort();
        Path log = folder.resolve("portal.log");
        Process portal = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx256m",
                        "-XX:+ExitOnOutOfMemoryError",
                        "-cp",
                        portalClassPath(),
                        "cn.fazhi.portal.PortalApplication",
                        "--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--portal.embedded-postgres.data-directory=" + folder.resolve("postgres"),
                        "--portal.heavy-requests.evidence=" + DOWNLOADS))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            Client clerk = new Client(port);
            clerk.awaitHealthy(portal, log);
            clerk.login("demo-clerk");
            byte[] file = EvidenceFiles.largePdf(TEN_MB);
            String sha256 = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(file));
            String evidence = clerk.uploadToAnOpenFinding("扫描件.pdf", file);

            ExecutorService pool = Executors.newFixedThreadPool(DOWNLOADS);
            List<Future<String>> downloads = new ArrayList<>();
            try {
                for (int i = 0; i < DOWNLOADS; i++) {
                    downloads.add(pool.submit((Callable<String>) () -> clerk.download(evidence)));
                }
                List<String> outcomes = new ArrayList<>();
                for (Future<String> download : downloads) {
                    outcomes.add(download.get(5, TimeUnit.MINUTES));
                }
                assertThat(portal.isAlive())
                        .as("the portal is still running; its log:%n%s", Client.tail(log))
                        .isTrue();
                assertThat(outcomes)
                        .as("status, size and SHA-256 of each download")
                        .hasSize(DOWNLOADS)
                        .containsOnly("200 " + TEN_MB + " " + sha256);
            } finally {
                pool.shutdownNow();
            }
            assertThat(clerk.get("/actuator/health").body()).contains("UP");
            assertThat(Files.readString(log)).doesNotContain("OutOfMemoryError");
        } finally {
            portal.destroy();
            if (!portal.waitFor(60, TimeUnit.SECONDS)) {
                portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    /**
     * The portal's classes and libraries without the tests' own classes (their configurations
     * would replace the portal's database with the tests').
     */
    private static String portalClassPath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).endsWith(Path.of("target", "test-classes")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A browser's session with the portal: a cookie jar, and the CSRF token of the last page read. */
    private static final class Client {

        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

        private final int port;
        private final HttpClient http;

        Client(int port) {
            this.port = port;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .cookieHandler(new CookieManager())
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        void awaitHealthy(Process portal, Path log) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline) {
                assertThat(portal.isAlive())
                        .as("the portal started; its log:%n%s", tail(log))
                        .isTrue();
                try {
                    if (get("/actuator/health").statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                // asked again soon: the portal answers within a tenth of a second of being up
                Thread.sleep(100);
            }
            throw new AssertionError("the portal did not start in 5 minutes; its log:\n" + tail(log));
        }

        void login(String username) throws Exception {
            String form = "username=" + username + "&password=" + PASSWORD + "&_csrf="
                    + token(get("/login").body());
            HttpResponse<String> response = http.send(
                    request("/login")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        }

        /** Uploads the file to the first finding of the clerk's that takes it; the evidence's address. */
        String uploadToAnOpenFinding(String name, byte[] content) throws Exception {
            Set<String> findings = new LinkedHashSet<>();
            Matcher link =
                    Pattern.compile("/findings/(\\d+)").matcher(get("/findings").body());
            while (link.find()) {
                findings.add(link.group(1));
            }
            for (String finding : findings) {
                String page = "/findings/" + finding;
                String before = get(page).body();
                if (!before.contains("id=\"evidence-form\"")) {
                    continue;
                }
                HttpResponse<String> response = http.send(
                        request(page + "/evidence")
                                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                                .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(token(before), name, content)))
                                .build(),
                        BodyHandlers.ofString());
                assertThat(response.statusCode()).as("upload to %s", page).isEqualTo(302);
                Matcher evidence = Pattern.compile(page + "/evidence/(\\d+)")
                        .matcher(get(page).body());
                String last = null;
                while (evidence.find()) {
                    last = evidence.group();
                }
                assertThat(last).as("the evidence on %s", page).isNotNull();
                return last;
            }
            throw new AssertionError("no finding of the demo clerk takes evidence: " + findings);
        }

        /** "status size sha256" of one download, read as it arrives (64 files of 10 MB are not kept). */
        String download(String path) throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try {
                HttpResponse<InputStream> response = http.send(request(path).build(), BodyHandlers.ofInputStream());
                try (InputStream body = response.body()) {
                    byte[] buffer = new byte[64 * 1024];
                    for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                        digest.update(buffer, 0, read);
                        size += read;
                    }
                }
                return response.statusCode() + " " + size + " " + HexFormat.of().formatHex(digest.digest());
            } catch (IOException e) {
                // the portal closed the connection or is gone
                return "failed after " + size + " bytes: " + e;
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(request(path).build(), BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofMinutes(2));
        }

        private static final String BOUNDARY = "----evidence-heap-test";

        private static byte[] multipart(String csrf, String name, byte[] content) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                            + "\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                            + name
                            + "\"\r\nContent-Type: application/pdf\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(content);
            body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return body.toByteArray();
        }

        private static String token(String page) {
            Matcher token = CSRF.matcher(page);
            assertThat(token.find()).as("a CSRF token on the page").isTrue();
            return token.group(1);
        }

        private static String tail(Path log) {
            try {
                String text = Files.readString(log);
                return text.substring(Math.max(0, text.length() - 4000));
            } catch (IOException e) {
                return "(no log: " + e + ")";
            }
        }
    }
}
