package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server keeps what users entered across restarts, even after the portal was killed. */
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
                "-cp", System.getProperty("java.class.path"),
                KilledPortal.class.getName(), dir.toString()))
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
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static String query(EmbeddedPostgresServer server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
