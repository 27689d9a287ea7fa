package cn.fazhi.portal.config.internal;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.DigestUtils;

/**
 * How the embedded PostgreSQL keeps other local users out: its superuser has a random password,
 * kept in {@value #PASSWORD_FILE} inside the data directory (mode 0600; the directory itself is
 * 0700); every line of {@code pg_hba.conf} asks for it (scram-sha-256); the server listens on
 * 127.0.0.1 only and has no Unix socket.
 *
 * <p>zonky's initdb always writes {@code trust}; its extra initdb options are passed as "locale"
 * options ({@code --name=value}), so {@code --auth} and {@code --pwfile} go that way, and the later
 * {@code --auth} wins over zonky's {@code -A trust}. {@code pg_hba.conf} is written anew before every
 * start, which also converts a data directory created by an earlier version of the portal (trust
 * for everyone): its superuser gets a password in single-user mode, where no connection is open.
 */
public final class EmbeddedPostgresSecurity {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresSecurity.class);
    public static final String PASSWORD_FILE = "portal-db-password";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    static final String PG_HBA = """
            # Written by the portal before every start of its embedded PostgreSQL (EmbeddedPostgresServer):
            # a password for everyone (in %s next to this file), from 127.0.0.1 only; the server opens
            # no Unix socket. Edits here are overwritten.
            local   all          all                   scram-sha-256
            host    all          all    127.0.0.1/32   scram-sha-256
            local   replication  all                   scram-sha-256
            host    replication  all    127.0.0.1/32   scram-sha-256
            """.formatted(PASSWORD_FILE);

    private EmbeddedPostgresSecurity() {}

    static Path passwordFile(Path dataDirectory) {
        return dataDirectory.resolve(PASSWORD_FILE);
    }

    static Optional<String> readPassword(Path dataDirectory) throws IOException {
        Path file = passwordFile(dataDirectory);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        String password = Files.readString(file, StandardCharsets.UTF_8).trim();
        return password.isEmpty() ? Optional.empty() : Optional.of(password);
    }

    /** 32 letters and digits (about 186 bits): nothing to quote in SQL, a URL or a shell. */
    static String newPassword() {
        StringBuilder password = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Loopback only, no Unix socket (the default one is in /tmp, open to every local user). */
    static void configure(EmbeddedPostgres.Builder builder) {
        builder.setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("unix_socket_directories", "")
                .setServerConfig("password_encryption", "scram-sha-256");
    }

    /**
     * Has initdb give the superuser {@code password} and write scram-sha-256 everywhere. initdb
     * reads the password from a file, which must be outside the (still empty) data directory: a
     * 0600 file beside it, which the caller deletes once the server started.
     */
    static Path initdbWithPassword(EmbeddedPostgres.Builder builder, Path dataDirectory, String password)
            throws IOException {
        Path parent = dataDirectory.toAbsolutePath().getParent();
        Path file = posix()
                ? Files.createTempFile(parent, ".initdb-", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(parent, ".initdb-", ".tmp");
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        builder.setLocaleConfig("auth", "scram-sha-256").setLocaleConfig("pwfile", file.toString());
        return file;
    }

    /**
     * Run by zonky after initdb and before each start of the postmaster: the password file and
     * {@code pg_hba.conf}. A data directory without the password file (an earlier version's, or
     * the file was deleted) gets {@code password} set in single-user mode first.
     */
    static void secure(Path dataDirectory, String password, boolean freshlyInitialised) {
        try {
            Path file = passwordFile(dataDirectory);
            if (!Files.exists(file)) {
                if (!freshlyInitialised) {
                    log.warn(
                            "The embedded database in {} has no password file: giving its superuser a new "
                                    + "password and requiring it from now on",
                            dataDirectory);
                    setPasswordInSingleUserMode(dataDirectory, password);
                }
                writeOwnerOnly(file, password + "\n");
            }
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), PG_HBA, StandardCharsets.UTF_8);
            if (posix()) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not secure the embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix()) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void setPasswordInSingleUserMode(Path dataDirectory, String password) throws IOException {
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            // as zonky runs every PostgreSQL program when the JVM is root (PostgreSQL refuses root)
            command.addAll(List.of("unshare", "-U"));
        }
        command.addAll(List.of(
                postgresProgram().toString(),
                "--single",
                "-D",
                dataDirectory.toString(),
                "-c",
                "password_encryption=scram-sha-256",
                "postgres"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (OutputStream in = process.getOutputStream()) {
            in.write(("ALTER ROLE postgres PASSWORD '" + password + "'\n").getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0 || output.contains("ERROR")) {
                process.destroyForcibly();
                throw new IOException("Could not set the embedded PostgreSQL's password: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while setting the embedded PostgreSQL's password", e);
        }
    }

    /**
     * The {@code postgres} program zonky unpacked: it keeps the binaries in
     * {@code <working dir>/PG-<MD5 of the bundle>}, and has unpacked them before it calls us.
     */
    private static Path postgresProgram() throws IOException {
        String os = System.getProperty("os.name").toLowerCase();
        String system = os.contains("win") ? "Windows" : os.contains("mac") ? "Darwin" : "Linux";
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        String digest;
        try (InputStream bundle = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
            digest = DigestUtils.md5DigestAsHex(bundle);
        }
        Path working = Path.of(System.getProperty(
                "ot.epg.working-dir",
                Path.of(System.getProperty("java.io.tmpdir"), "embedded-pg").toString()));
        Path program = working.resolve("PG-" + digest)
                .resolve("bin")
                .resolve("Windows".equals(system) ? "postgres.exe" : "postgres");
        if (!Files.isExecutable(program)) {
            throw new IOException("PostgreSQL's program is not where zonky unpacks it: " + program);
        }
        return program;
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
