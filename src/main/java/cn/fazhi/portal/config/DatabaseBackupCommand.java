package cn.fazhi.portal.config;

import cn.fazhi.portal.config.internal.BackupDirectory;
import cn.fazhi.portal.config.internal.BackupManifest;
import cn.fazhi.portal.config.internal.BackupProperties;
import cn.fazhi.portal.config.internal.DatabaseDump;
import cn.fazhi.portal.config.internal.EmbeddedPostgresProperties;
import cn.fazhi.portal.config.internal.EmbeddedPostgresSecurity;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * The command-line backup and restore (备份与恢复): {@code java -jar fazhi-portal.jar --backup[=DIR]}
 * writes a dump and exits; {@code --restore=FILE} loads one into an empty embedded data directory and
 * exits. Neither starts the web server, the feature modules or the demo data: only the configuration
 * is read (application.properties, environment, other {@code --name=value} arguments), so that the
 * portal's own settings of the data directory or the database apply.
 */
public final class DatabaseBackupCommand {

    private static final Logger log = LoggerFactory.getLogger(DatabaseBackupCommand.class);
    private static final String BACKUP = "--backup";
    private static final String RESTORE = "--restore";
    private static final String LOCK_FILE = "epg-lock";

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int REFUSED = 2;

    private DatabaseBackupCommand() {}

    /** Whether the arguments ask for a backup or a restore rather than the portal. */
    public static boolean requested(String... args) {
        return value(args, BACKUP).isPresent() || value(args, RESTORE).isPresent();
    }

    /** Runs the backup or the restore the arguments ask for; the exit status of the command. */
    public static int run(String... args) {
        Optional<String> backup = value(args, BACKUP);
        Optional<String> restore = value(args, RESTORE);
        if (backup.isPresent() == restore.isPresent()) {
            log.error("Give either --backup[=DIR] or --restore=FILE");
            return REFUSED;
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .registerShutdownHook(false)
                .run(args)) {
            Environment environment = context.getEnvironment();
            EmbeddedPostgresProperties embedded = context.getBean(EmbeddedPostgresProperties.class);
            BackupProperties backups = context.getBean(BackupProperties.class);
            return backup.isPresent()
                    ? backup(
                            backup.get().isEmpty() ? backups.directory() : Path.of(backup.get()), environment, embedded)
                    : restore(Path.of(restore.get()), environment, embedded);
        } catch (Refused e) {
            log.error(e.getMessage());
            return REFUSED;
        } catch (Exception e) {
            log.error("Failed: {}", e.getMessage(), e);
            return FAILED;
        }
    }

    private static int backup(Path target, Environment environment, EmbeddedPostgresProperties embedded)
            throws IOException, SQLException {
        BackupDirectory directory = new BackupDirectory(target);
        BackupDirectory.Written written;
        String url = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(url)) {
            String username = environment.getProperty("spring.datasource.username");
            String password = environment.getProperty("spring.datasource.password");
            written = write(directory, () -> DriverManager.getConnection(url, username, password));
        } else {
            Path data = embedded.dataDirectory().toAbsolutePath().normalize();
            if (!Files.exists(data.resolve("PG_VERSION"))) {
                throw new Refused("There is no embedded database in " + data
                        + " (set portal.embedded-postgres.data-directory, or spring.datasource.url for a server)");
            }
            Optional<Integer> otherProcess = runByAnotherProcess(data);
            if (otherProcess.isPresent()) {
                // the running portal's server: it listens on 127.0.0.1, its password is in the data directory
                String serverUrl = "jdbc:postgresql://127.0.0.1:" + otherProcess.get() + "/postgres";
                String password = readPassword(data);
                log.info("The portal is running: dumping its database through port {}", otherProcess.get());
                written = write(directory, () -> DriverManager.getConnection(serverUrl, "postgres", password));
            } else {
                boolean startedHere = !runningInThisJvm(data);
                EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(data, 0);
                try {
                    written = write(directory, () -> connect(server.connectionDetails()));
                } finally {
                    if (startedHere) {
                        server.stop();
                    }
                }
            }
        }
        log.info(
                "Backup written: {} ({} tables, {} rows, {} large objects, schema version {})",
                written.file(),
                written.manifest().tables().size(),
                written.manifest().totalRows(),
                written.manifest().largeObjects().size(),
                written.manifest().flywayVersion());
        return DONE;
    }

    private static BackupDirectory.Written write(BackupDirectory directory, BackupDirectory.ConnectionSource source)
            throws IOException, SQLException {
        try {
            return directory.write(source, 0);
        } catch (BackupDirectory.BackupInProgressException e) {
            throw new Refused(e.getMessage());
        }
    }

    private static int restore(Path file, Environment environment, EmbeddedPostgresProperties embedded)
            throws IOException, SQLException {
        if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            throw new Refused("--restore loads a dump into the embedded database's data directory; "
                    + "spring.datasource.url points at a server of your own: unset it (or use PostgreSQL's own tools)");
        }
        if (!Files.isRegularFile(file)) {
            throw new Refused("No such dump file: " + file);
        }
        BackupManifest manifest;
        try {
            manifest = DatabaseDump.readManifest(file);
        } catch (IOException | RuntimeException e) {
            throw new Refused(file + " is not a readable portal dump: " + e.getMessage());
        }
        if (manifest.flywayVersion() == null) {
            throw new Refused(file + " is the dump of a database the portal never migrated: nothing to restore");
        }
        Path data = embedded.dataDirectory().toAbsolutePath().normalize();
        if (Files.exists(data) && (!Files.isDirectory(data) || !isEmpty(data))) {
            throw new Refused("The data directory " + data + " is not empty: a dump is restored only into an empty "
                    + "one (move the old one aside, or choose another with "
                    + "--portal.embedded-postgres.data-directory=DIR)");
        }
        log.info(
                "Restoring {} (taken {}, schema version {}, {} rows) into {}",
                file,
                manifest.createdAt(),
                manifest.flywayVersion(),
                manifest.totalRows(),
                data);
        EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(data, 0);
        try {
            JdbcConnectionDetails details = server.connectionDetails();
            String locations = environment.getProperty("spring.flyway.locations", "classpath:db/migration");
            Flyway.configure()
                    .dataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword())
                    .locations(StringUtils.commaDelimitedListToStringArray(locations))
                    .target(manifest.flywayVersion())
                    .load()
                    .migrate();
            try (Connection connection = connect(details)) {
                DatabaseDump.restore(file, connection);
            }
            server.stop();
        } catch (IOException | SQLException | RuntimeException e) {
            // the directory was empty: leave it so, and a corrected restore can run again
            server.stop();
            deleteContents(data);
            throw e;
        }
        log.info(
                "Restored {} rows of {} tables into {}; start the portal on it as usual",
                manifest.totalRows(),
                manifest.tables().size(),
                data);
        return DONE;
    }

    /**
     * The port of the server another process (a running portal) runs on {@code data}: zonky holds
     * its lock file while the server runs, and PostgreSQL writes the port in the fourth line of
     * {@code postmaster.pid}.
     */
    private static Optional<Integer> runByAnotherProcess(Path data) throws IOException {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return Optional.empty();
        }
        try (FileChannel channel =
                        FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            if (lock != null) {
                return Optional.empty();
            }
        } catch (OverlappingFileLockException e) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
        if (lines.size() < 4 || !lines.get(3).trim().matches("\\d+")) {
            throw new Refused("A running portal uses the embedded database in " + data
                    + ", and its postmaster.pid names no port: stop the portal first, or rely on its daily dump");
        }
        return Optional.of(Integer.valueOf(lines.get(3).trim()));
    }

    /** Whether this JVM runs the embedded server on {@code data} already (a test): then it is left running. */
    private static boolean runningInThisJvm(Path data) throws IOException {
        if (!Files.exists(data.resolve("postmaster.pid"))) {
            return false;
        }
        try (FileChannel channel =
                        FileChannel.open(data.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock()) {
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** The embedded server's password, empty for a data directory from before it had one. */
    private static String readPassword(Path data) throws IOException {
        Path file = data.resolve(EmbeddedPostgresSecurity.PASSWORD_FILE);
        return Files.exists(file) ? Files.readString(file).trim() : "";
    }

    private static Connection connect(JdbcConnectionDetails details) throws SQLException {
        return DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(), details.getPassword());
    }

    private static boolean isEmpty(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isEmpty();
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(Comparator.reverseOrder())
                    .filter(p -> !p.equals(directory))
                    .toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** {@code --name=value} or {@code --name} alone (empty value). */
    private static Optional<String> value(String[] args, String name) {
        return Arrays.stream(args)
                .filter(a -> a.equals(name) || a.startsWith(name + "="))
                .map(a -> a.length() > name.length() ? a.substring(name.length() + 1) : "")
                .reduce((first, second) -> second);
    }

    /** A request the command will not carry out, with the reason; exit status {@link #REFUSED}. */
    private static final class Refused extends IllegalStateException {
        Refused(String message) {
            super(message);
        }
    }

    /** Only the settings: no component scan, no auto-configuration. */
    @EnableConfigurationProperties({EmbeddedPostgresProperties.class, BackupProperties.class})
    static final class Settings {}
}
