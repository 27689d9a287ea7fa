package cn.fazhi.portal.config;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * A real PostgreSQL server run from the JVM when no database server is configured.
 *
 * <p>One server per data directory and JVM: Spring test contexts are cached and closed in any
 * order, so the server outlives them and stops with the JVM (zonky's shutdown hook).
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    // zonky holds a file lock on this file while its JVM runs the server
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /** A server keeping its data in {@code dataDirectory}, durable across restarts. */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(dir, d -> start(d, port, true));
    }

    /** A throw-away server for tests: a fresh data directory that is deleted when the JVM ends. */
    public static EmbeddedPostgresServer ephemeral() {
        return RUNNING.computeIfAbsent(Path.of("<ephemeral>"), d -> start(null, 0, false));
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    /** What Boot needs to build its pool, Flyway and JPA on this server. */
    public JdbcConnectionDetails connectionDetails() {
        return new PostgresConnection(jdbcUrl(), "postgres", "");
    }

    /** Stops the server now rather than at JVM exit; a later call for the same directory starts it anew. */
    public void stop() {
        RUNNING.values().remove(this);
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
        }
    }

    public Optional<Path> dataDirectory() {
        return Optional.ofNullable(dataDirectory);
    }

    private static EmbeddedPostgresServer start(Path dir, int port, boolean durable) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the machine's locale may not be installed; C is always there, the encoding stays UTF-8
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("timezone", "Asia/Shanghai");
            if (durable) {
                Files.createDirectories(dir);
                stopOrphanedPostmaster(dir);
                // zonky tunes for throw-away test data; a user's reports must survive a power cut
                builder.setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on");
            }
            EmbeddedPostgres postgres = builder.start();
            log.info("Embedded PostgreSQL running on port {}{}", postgres.getPort(),
                    durable ? " with its data in " + dir : " (throw-away data)");
            return new EmbeddedPostgresServer(postgres, dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    /**
     * A hard kill of the JVM leaves the postmaster running on the data directory, and the next
     * start would fail. Stop it, but only when no live JVM still holds zonky's lock.
     */
    private static void stopOrphanedPostmaster(Path dir) throws IOException {
        Path pidFile = dir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(dir.resolve(ZONKY_LOCK_FILE),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException("The embedded database in " + dir
                        + " is in use by another running portal; stop it first");
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (postmaster.isPresent()) {
                log.warn("Stopping the PostgreSQL server (pid {}) left running by a killed portal", pid);
                // SIGTERM: smart shutdown; its clients died with the old JVM
                postmaster.get().destroy();
                postmaster.get().onExit().get(30, TimeUnit.SECONDS);
            }
            Files.deleteIfExists(pidFile);
        } catch (NumberFormatException e) {
            Files.deleteIfExists(pidFile);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping an orphaned postmaster", e);
        } catch (Exception e) {
            if (e instanceof IllegalStateException ise) {
                throw ise;
            }
            throw new IllegalStateException("Could not stop the orphaned postmaster in " + dir, e);
        }
    }
}
