package cn.fazhi.portal.config.internal;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.util.FileSystemUtils;

/**
 * A real PostgreSQL server run from the JVM when no database server is configured.
 *
 * <p>One server per data directory and JVM: Spring test contexts are cached and closed in any
 * order, so the server outlives them and stops with the JVM (a shutdown hook).
 *
 * <p>Nobody gets in without the password ({@link EmbeddedPostgresSecurity}): any local account
 * could otherwise connect as superuser. And the server is supervised: when its postmaster dies it
 * is started again on the same port and data directory, a limited number of times
 * ({@link Supervision}), so that the portal, whose pool reconnects by itself, recovers without a
 * restart.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Map<Path, EmbeddedPostgresServer> RUNNING = new ConcurrentHashMap<>();
    // zonky holds a file lock on this file while its JVM runs the server
    private static final String ZONKY_LOCK_FILE = "epg-lock";
    static final String USER = "postgres";
    private static final String DATABASE = "postgres";
    private static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    /** What the server does as it runs. */
    public enum State {
        RUNNING,
        /** the postmaster died; it is being started again */
        RESTARTING,
        /** it died too often: supervision gave up, the portal must be restarted */
        FAILED,
        STOPPED
    }

    /**
     * How the postmaster is restarted when it dies.
     *
     * @param restartDelay how long to wait after its death: its server processes notice the death
     *        and exit, freeing the shared memory a new postmaster needs
     * @param maxRestarts at most this many restarts (tried, successful or not) within {@code window}
     */
    public record Supervision(Duration restartDelay, int maxRestarts, Duration window) {
        public static final Supervision DEFAULT = new Supervision(Duration.ofSeconds(2), 5, Duration.ofMinutes(10));
    }

    private final Path dataDirectory;
    private final boolean durable;
    private final String password;
    private final Supervision supervision;
    private final ScheduledExecutorService supervisor;
    private final Thread shutdownHook;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    private volatile EmbeddedPostgres postgres;
    private volatile ProcessHandle postmaster;
    private volatile List<ProcessHandle> serverProcesses = List.of();
    private volatile State state = State.RUNNING;
    private Instant downSince;
    private final int port;

    private EmbeddedPostgresServer(Path dataDirectory, boolean durable, int port, Supervision supervision)
            throws IOException {
        this.dataDirectory = dataDirectory;
        this.durable = durable;
        this.supervision = supervision;
        this.password =
                EmbeddedPostgresSecurity.readPassword(dataDirectory).orElseGet(EmbeddedPostgresSecurity::newPassword);
        this.postgres = launch(port);
        this.port = postgres.getPort();
        this.postmaster = postmasterProcess();
        this.shutdownHook = new Thread(this::stopQuietly, "embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        this.supervisor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "embedded-postgres-supervisor");
            t.setDaemon(true);
            return t;
        });
        supervisor.scheduleWithFixedDelay(
                this::supervise, CHECK_INTERVAL.toMillis(), CHECK_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A server keeping its data in {@code dataDirectory}, durable across restarts. */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port) {
        return persistent(dataDirectory, port, Supervision.DEFAULT);
    }

    /** A durable server restarted as {@code supervision} says when it dies. */
    public static EmbeddedPostgresServer persistent(Path dataDirectory, int port, Supervision supervision) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(
                dir,
                d -> start(() -> {
                    Files.createDirectories(d);
                    stopOrphanedPostmaster(d);
                    return new EmbeddedPostgresServer(d, true, port, supervision);
                }));
    }

    /** A throw-away server for tests: a fresh data directory that is deleted when the JVM ends. */
    public static EmbeddedPostgresServer ephemeral() {
        return RUNNING.computeIfAbsent(
                Path.of("<ephemeral>"),
                d -> start(() -> new EmbeddedPostgresServer(
                        Files.createTempDirectory("portal-pg-"), false, 0, Supervision.DEFAULT)));
    }

    /**
     * A URL that connects by itself: it carries the user and the password, for direct JDBC use by
     * tools and tests. Never log it; Boot gets {@link #connectionDetails()} instead.
     */
    public String jdbcUrl() {
        return url() + "?user=" + USER + "&password=" + password;
    }

    public int port() {
        return port;
    }

    /** What Boot needs to build its pool, Flyway and JPA on this server (the password separate from the URL). */
    public JdbcConnectionDetails connectionDetails() {
        return new PostgresConnection(url(), USER, password);
    }

    /** The file holding the superuser's password ({@value EmbeddedPostgresSecurity#PASSWORD_FILE}, mode 0600). */
    public Path passwordFile() {
        return EmbeddedPostgresSecurity.passwordFile(dataDirectory);
    }

    public State state() {
        return state;
    }

    /** The postmaster runs and supervision has nothing to do. */
    public boolean running() {
        return state == State.RUNNING && isAlive(postmaster);
    }

    /** Stops the server now rather than at JVM exit; a later call for the same directory starts it anew. */
    public void stop() {
        RUNNING.values().remove(this);
        supervisor.shutdownNow();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or ran
        }
        synchronized (this) {
            if (state == State.STOPPED) {
                return;
            }
            state = State.STOPPED;
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop the embedded PostgreSQL", e);
            } finally {
                if (!durable) {
                    deleteQuietly(dataDirectory);
                }
            }
        }
    }

    /** The data directory of a durable server; empty for a throw-away one. */
    public Optional<Path> dataDirectory() {
        return durable ? Optional.of(dataDirectory) : Optional.empty();
    }

    private String url() {
        // the address it listens on, not "localhost", which may resolve to ::1 first
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    @FunctionalInterface
    private interface Starter {
        EmbeddedPostgresServer start() throws IOException;
    }

    private static EmbeddedPostgresServer start(Starter starter) {
        try {
            return starter.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private EmbeddedPostgres launch(int port) throws IOException {
        boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // the machine's locale may not be installed; C is always there, the encoding stays UTF-8
                .setLocaleConfig("locale", "C")
                .setServerConfig("timezone", "Asia/Shanghai")
                // zonky checks that the server is up by connecting: with the password
                .setConnectConfig("password", password)
                .setDataDirectoryCustomizer(dir -> EmbeddedPostgresSecurity.secure(dir.toPath(), password, fresh));
        EmbeddedPostgresSecurity.configure(builder);
        if (durable) {
            // zonky tunes for throw-away test data; a user's reports must survive a power cut
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        Path passwordForInitdb =
                fresh ? EmbeddedPostgresSecurity.initdbWithPassword(builder, dataDirectory, password) : null;
        try {
            EmbeddedPostgres started = builder.start();
            log.info(
                    "Embedded PostgreSQL running on 127.0.0.1:{}{}",
                    started.getPort(),
                    durable ? " with its data in " + dataDirectory : " (throw-away data)");
            return started;
        } finally {
            if (passwordForInitdb != null) {
                Files.deleteIfExists(passwordForInitdb);
            }
        }
    }

    /** The postmaster, from the first line of {@code postmaster.pid}. */
    private ProcessHandle postmasterProcess() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                    .orElseThrow(() -> new IllegalStateException("The embedded PostgreSQL is not running"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("Cannot find the embedded PostgreSQL's postmaster in " + dataDirectory, e);
        }
    }

    /** Alive and not a zombie (a dead postmaster whose parent has not collected it yet). */
    private static boolean isAlive(ProcessHandle process) {
        if (process == null || !process.isAlive()) {
            return false;
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
            char status = stat.charAt(stat.lastIndexOf(')') + 2);
            return status != 'Z' && status != 'X';
        } catch (IOException | RuntimeException e) {
            return process.isAlive(); // no /proc here
        }
    }

    /** Called every second by the supervisor thread; never throws, or the schedule would stop. */
    private void supervise() {
        try {
            synchronized (this) {
                if (state == State.STOPPED || state == State.FAILED) {
                    return;
                }
                if (state == State.RUNNING) {
                    if (isAlive(postmaster)) {
                        // remembered so that they can be ended if the postmaster dies and they linger
                        serverProcesses = postmaster.children().toList();
                        return;
                    }
                    state = State.RESTARTING;
                    downSince = Instant.now();
                    log.error(
                            "The embedded PostgreSQL (postmaster pid {}) has stopped; restarting it in {}",
                            postmaster.pid(),
                            supervision.restartDelay());
                    return;
                }
                if (Duration.between(downSince, Instant.now()).compareTo(supervision.restartDelay()) >= 0) {
                    restart();
                }
            }
        } catch (Throwable e) {
            log.error("Supervision of the embedded PostgreSQL failed", e);
        }
    }

    private void restart() {
        Instant now = Instant.now();
        while (!restarts.isEmpty() && restarts.peekFirst().isBefore(now.minus(supervision.window()))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= supervision.maxRestarts()) {
            state = State.FAILED;
            log.error(
                    "The embedded PostgreSQL died again after {} restart(s) within {}: no more restarts; "
                            + "restart the portal after checking the server's log",
                    restarts.size(),
                    supervision.window());
            return;
        }
        restarts.addLast(now);
        // a server process still attached to the old shared memory keeps a new postmaster from starting
        serverProcesses.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        log.info("Releasing the dead server's data directory (zonky's failure to stop it, logged next, is expected)");
        try {
            // its pg_ctl stop fails (nothing to stop); what matters is that zonky's lock is released
            postgres.close();
        } catch (IOException | RuntimeException e) {
            log.debug("Closing the dead embedded PostgreSQL", e);
        }
        try {
            postgres = launch(port);
            postmaster = postmasterProcess();
            serverProcesses = List.of();
            state = State.RUNNING;
            log.warn(
                    "The embedded PostgreSQL is running again (postmaster pid {}); restart {} of at most {} within {}",
                    postmaster.pid(),
                    restarts.size(),
                    supervision.maxRestarts(),
                    supervision.window());
        } catch (IOException | RuntimeException e) {
            downSince = Instant.now();
            log.error("Restarting the embedded PostgreSQL failed; trying again in {}", supervision.restartDelay(), e);
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            log.warn("Could not stop the embedded PostgreSQL", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            log.warn("Could not delete the embedded PostgreSQL's throw-away data in {}", dir);
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
        try (FileChannel channel = FileChannel.open(
                        dir.resolve(ZONKY_LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock == null) {
                throw new IllegalStateException(
                        "The embedded database in " + dir + " is in use by another running portal; stop it first");
            }
            List<String> lines = Files.readAllLines(pidFile);
            long pid = lines.isEmpty() ? -1 : Long.parseLong(lines.get(0).trim());
            Optional<ProcessHandle> postmaster = ProcessHandle.of(pid)
                    .filter(p ->
                            p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
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
