package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.SystemTest;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded server keeps what users entered across restarts, even after the portal was killed;
 * nobody connects without its password; and when its postmaster dies it is started again.
 */
@SystemTest
class EmbeddedPostgresServerTests {

    @TempDir
    Path folder;

    @Test
    void dataSurvivesARestart() throws Exception {
        Path dir = folder.resolve("postgres");
        EmbeddedPostgresServer first = EmbeddedPostgresServer.persistent(dir, 0);
        execute(first, "create table kept (v text); insert into kept values ('泸西县')");
        first.stop();

        EmbeddedPostgresServer second = EmbeddedPostgresServer.persistent(dir, 0);
        try {
            assertThat(query(second, "select v from kept")).isEqualTo("泸西县");
            assertThat(query(second, "show fsync")).isEqualTo("on");
            assertThat(query(second, "show synchronous_commit")).isEqualTo("on");
        } finally {
            second.stop();
        }
    }

    @Test
    void aKilledPortalsServerIsStoppedAndItsDataKept() throws Exception {
        Path dir = folder.resolve("killed");
        // a separate JVM runs the server and is killed hard, leaving its postmaster behind
        Process portal = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        KilledPortal.class.getName(),
                        dir.toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("killed.log").toFile())
                .start();
        Path ready = folder.resolve("ready");
        for (int i = 0; i < 600 && !Files.exists(ready) && portal.isAlive(); i++) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        try {
            assertThat(ready).as(Files.readString(folder.resolve("killed.log"))).exists();
        } finally {
            portal.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(dir.resolve("postmaster.pid")).exists();

        EmbeddedPostgresServer restarted = EmbeddedPostgresServer.persistent(dir, 0);
        try {
            assertThat(query(restarted, "select v from kept")).isEqualTo("before the kill");
        } finally {
            restarted.stop();
        }
    }

    @Test
    void nobodyConnectsWithoutThePassword() throws Exception {
        Path dir = folder.resolve("secured");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(dir, 0);
        try {
            assertRefusedWithoutPassword(server);
            assertPasswordKeptForTheOwnerOnly(server, dir);
            assertThat(query(server, "show listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(query(server, "show unix_socket_directories")).isEmpty();
            assertThat(query(
                            server,
                            "select rolpassword like 'SCRAM-SHA-256$%' from pg_authid where rolname = 'postgres'"))
                    .isEqualTo("t");
        } finally {
            server.stop();
        }
        // the same password next time
        EmbeddedPostgresServer again = EmbeddedPostgresServer.persistent(dir, 0);
        try {
            assertThat(again.connectionDetails().getPassword())
                    .isEqualTo(server.connectionDetails().getPassword());
            assertThat(query(again, "select 1")).isEqualTo("1");
        } finally {
            again.stop();
        }
    }

    @Test
    void theTestsThrowAwayServerWantsAPasswordToo() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.ephemeral();
        assertRefusedWithoutPassword(server);
        assertThat(server.connectionDetails().getJdbcUrl()).doesNotContain("password");
        assertThat(query(server, "select current_user")).isEqualTo("postgres");
    }

    @Test
    void aDataDirectoryThatTrustedEveryoneIsConvertedAtItsNextStart() throws Exception {
        Path dir = folder.resolve("old");
        // as the portal's earlier versions left it: initdb -A trust, zonky's defaults
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                        .setDataDirectory(dir)
                        .setCleanDataDirectory(false)
                        .setLocaleConfig("locale", "C")
                        .start();
                Connection c = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
                Statement s = c.createStatement()) {
            s.execute("create table kept (v text); insert into kept values ('昌宁县')");
        }
        assertThat(Files.readString(dir.resolve("pg_hba.conf"))).contains("trust");

        EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(dir, 0);
        try {
            assertRefusedWithoutPassword(server);
            assertPasswordKeptForTheOwnerOnly(server, dir);
            assertThat(query(server, "select v from kept")).isEqualTo("昌宁县");
        } finally {
            server.stop();
        }
    }

    @Test
    void aKilledPostmasterIsRestartedOnItsPortAndData() throws Exception {
        Path dir = folder.resolve("supervised");
        EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(
                dir, 0, new EmbeddedPostgresServer.Supervision(Duration.ofMillis(500), 1, Duration.ofMinutes(10)));
        try {
            execute(server, "create table kept (v text); insert into kept values ('栾川县')");
            int port = server.port();

            killPostmaster(dir);
            awaitState(server, s -> !server.running(), Duration.ofSeconds(5));
            awaitState(server, s -> server.running(), Duration.ofSeconds(60));
            assertThat(server.port()).isEqualTo(port);
            assertThat(query(server, "select v from kept")).isEqualTo("栾川县");

            // one restart allowed in the window: the second death is final
            killPostmaster(dir);
            awaitState(server, s -> s == EmbeddedPostgresServer.State.FAILED, Duration.ofSeconds(10));
            assertThat(server.running()).isFalse();
        } finally {
            server.stop();
        }
    }

    static void killPostmaster(Path dataDirectory) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                .get(0)
                .trim());
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(pid)).start();
        assertThat(kill.waitFor()).isZero();
    }

    static void awaitState(
            EmbeddedPostgresServer server, Predicate<EmbeddedPostgresServer.State> condition, Duration atMost)
            throws InterruptedException {
        long end = System.nanoTime() + atMost.toNanos();
        while (!condition.test(server.state()) && System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
        assertThat(condition.test(server.state()))
                .as("state %s", server.state())
                .isTrue();
    }

    static void assertRefusedWithoutPassword(EmbeddedPostgresServer server) throws SQLException {
        String url = server.connectionDetails().getJdbcUrl();
        assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:" + server.port() + "/");
        Properties noPassword = new Properties();
        noPassword.setProperty("user", "postgres");
        assertThatThrownBy(() -> DriverManager.getConnection(url, noPassword).close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() ->
                        DriverManager.getConnection(url, "postgres", "wrong").close())
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("password authentication failed");
        assertThatThrownBy(
                        () -> DriverManager.getConnection(url, "postgres", "").close())
                .isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(
                url, "postgres", server.connectionDetails().getPassword())) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    static void assertPasswordKeptForTheOwnerOnly(EmbeddedPostgresServer server, Path dir) throws Exception {
        Path file = server.passwordFile();
        assertThat(file).isEqualTo(dir.resolve("portal-db-password"));
        assertThat(Files.readString(file).trim())
                .isEqualTo(server.connectionDetails().getPassword())
                .hasSize(32);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)))
                .isEqualTo("rwx------");
        List<String> rules = Files.readAllLines(dir.resolve("pg_hba.conf")).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .toList();
        assertThat(rules).isNotEmpty().allSatisfy(rule -> assertThat(rule).endsWith("scram-sha-256"));
        assertThat(rules).noneMatch(rule -> rule.contains("trust"));
    }

    /** Main class of the portal that gets killed. */
    public static final class KilledPortal {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(dir, 0);
            execute(server, "create table kept (v text); insert into kept values ('before the kill')");
            new File(dir.getParent().toFile(), "ready").createNewFile();
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    static void execute(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
