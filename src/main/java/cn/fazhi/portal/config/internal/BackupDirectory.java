package cn.fazhi.portal.config.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A folder of dump files (备份目录): {@code fazhi-portal-20261207-023000Z.zip}, named by the UTC
 * time of the snapshot so that their names sort by age.
 *
 * <p>A dump is written to a {@code .part} file and renamed when complete, so a file with the final
 * name is always whole. A lock file in the folder keeps two dumps from running at once, whether
 * from the portal's daily job or a command line in another process.
 */
public final class BackupDirectory {

    static final Pattern DUMP_NAME = Pattern.compile("fazhi-portal-\\d{8}-\\d{6}Z\\.zip");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String LOCK_FILE = ".backup-lock";
    private static final String PART = ".part";

    /** Another dump into the same folder is still being written. */
    public static final class BackupInProgressException extends IllegalStateException {
        BackupInProgressException(Path directory) {
            super("A backup into " + directory + " is already running");
        }
    }

    /** Where a connection comes from; the directory closes it. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final Path directory;
    private final Clock clock;

    public BackupDirectory(Path directory) {
        this(directory, Clock.systemUTC());
    }

    BackupDirectory(Path directory, Clock clock) {
        this.directory = directory.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path path() {
        return directory;
    }

    /** The result of one dump: its file and what it holds. */
    public record Written(Path file, BackupManifest manifest) {}

    /**
     * Writes a new dump; when {@code keep} &gt; 0, then deletes the oldest dumps beyond the newest
     * {@code keep}.
     *
     * @throws BackupInProgressException when another dump into this folder is running
     */
    public Written write(ConnectionSource source, int keep) throws IOException, SQLException {
        createPrivately(directory);
        try (FileChannel channel = FileChannel.open(
                        directory.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            // a .part left by a dump that died with its process
            try (Stream<Path> files = Files.list(directory)) {
                for (Path part : files.filter(f -> f.getFileName().toString().endsWith(PART))
                        .toList()) {
                    Files.deleteIfExists(part);
                }
            }
            Path file = freshName();
            Path part = file.resolveSibling(file.getFileName() + PART);
            BackupManifest manifest;
            try (Connection connection = source.open();
                    OutputStream out = Files.newOutputStream(createPrivateFile(part), StandardOpenOption.WRITE)) {
                manifest = DatabaseDump.write(connection, out);
            } catch (IOException | SQLException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            try (FileChannel written = FileChannel.open(part, StandardOpenOption.WRITE)) {
                written.force(true);
            }
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
            if (keep > 0) {
                prune(keep);
            }
            return new Written(file, manifest);
        }
    }

    /** The dumps in this folder, oldest first. */
    public List<Path> dumps() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(
                            f -> DUMP_NAME.matcher(f.getFileName().toString()).matches())
                    .sorted()
                    .toList();
        }
    }

    /*
     * A dump holds what the database holds, password hashes included: like PostgreSQL's own data
     * directory, the folder and its files are for the portal's OS user alone (where the file system
     * has POSIX permissions).
     */
    private static void createPrivately(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        if (posix(folder.getParent())) {
            Files.createDirectories(
                    folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(folder);
        }
    }

    private static Path createPrivateFile(Path file) throws IOException {
        return posix(file.getParent())
                ? Files.createFile(
                        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createFile(file);
    }

    private static boolean posix(Path existing) {
        Path probe = existing;
        while (probe != null && !Files.exists(probe)) {
            probe = probe.getParent();
        }
        return probe != null
                && probe.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private void prune(int keep) throws IOException {
        List<Path> dumps = dumps();
        for (Path old : dumps.subList(0, Math.max(0, dumps.size() - keep))) {
            Files.deleteIfExists(old);
        }
    }

    private Path freshName() {
        while (true) {
            Path file = directory.resolve("fazhi-portal-" + STAMP.format(clock.instant()) + ".zip");
            if (!Files.exists(file)) {
                return file;
            }
            // two dumps within one second: the names must stay distinct and sorted by time
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while naming a backup", e);
            }
        }
    }

    private FileLock tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new BackupInProgressException(directory);
            }
            return lock;
        } catch (OverlappingFileLockException e) {
            // held by this JVM: the daily job and a call from elsewhere in the portal
            throw new BackupInProgressException(directory);
        }
    }
}
