package cn.fazhi.portal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.fazhi.portal.SystemTest;
import cn.fazhi.portal.config.internal.BackupDirectory;
import cn.fazhi.portal.config.internal.BackupManifest;
import cn.fazhi.portal.config.internal.DatabaseDump;
import cn.fazhi.portal.config.internal.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;

/**
 * Backup, wipe, restore: every table comes back with the same rows (count and checksum of its
 * content), the sequences where they were, the large objects and the triggers intact. Each test runs
 * its own embedded database in a temporary folder, never the shared test database.
 */
@SystemTest
class DatabaseBackupTests {

    @TempDir
    Path folder;

    @Test
    void backupWipeRestoreGivesBackEveryTableAsItWas() throws Exception {
        Path data = folder.resolve("postgres");
        EmbeddedPostgresServer source = EmbeddedPostgresServer.persistent(data, 0);
        Map<String, String> before;
        String version;
        byte[] largeObject;
        try {
            migrate(source);
            fill(source);
            before = contents(source);
            version = version(source);
            largeObject = bytes(source, "select lo_get(min(oid)) from pg_largeobject_metadata");
            assertThat(before)
                    .containsKeys(
                            "account",
                            "audit_event",
                            "finding_evidence",
                            "finding_evidence_chunk",
                            "audit_chain",
                            "sequence:account_id_seq");
            assertThat(before.get("account")).doesNotStartWith("0 ");

            // a server this JVM runs already is used as it is and left running
            int status = DatabaseBackupCommand.run(
                    "--backup=" + folder.resolve("while-running"), "--portal.embedded-postgres.data-directory=" + data);
            assertThat(status).isEqualTo(DatabaseBackupCommand.DONE);
            assertThat(query(source, "select 1")).isEqualTo("1");
        } finally {
            source.stop();
        }
        // the usual case: the portal is stopped, the command starts the server and stops it again
        int status = DatabaseBackupCommand.run(
                "--backup=" + folder.resolve("backups"), "--portal.embedded-postgres.data-directory=" + data);
        assertThat(status).isEqualTo(DatabaseBackupCommand.DONE);
        List<Path> dumps = new BackupDirectory(folder.resolve("backups")).dumps();
        assertThat(dumps).hasSize(1);
        BackupManifest manifest = DatabaseDump.readManifest(dumps.get(0));
        // the same rows give the same bytes
        assertThat(DatabaseDump.readManifest(new BackupDirectory(folder.resolve("while-running"))
                                .dumps()
                                .get(0))
                        .tables())
                .isEqualTo(manifest.tables());
        assertThat(manifest.flywayVersion()).isEqualTo(version);
        assertThat(manifest.largeObjects()).hasSize(1);
        // referenced tables come before the tables referring to them
        List<String> order =
                manifest.tables().stream().map(BackupManifest.Table::name).toList();
        assertThat(order.indexOf("region")).isLessThan(order.indexOf("account"));
        assertThat(order.indexOf("account")).isLessThan(order.indexOf("finding_evidence"));

        deleteTree(data);
        status = DatabaseBackupCommand.run(
                "--restore=" + dumps.get(0), "--portal.embedded-postgres.data-directory=" + data);
        assertThat(status).isEqualTo(DatabaseBackupCommand.DONE);

        EmbeddedPostgresServer restored = EmbeddedPostgresServer.persistent(data, 0);
        try {
            assertThat(contents(restored)).isEqualTo(before);
            assertThat(version(restored)).isEqualTo(version);
            assertThat(bytes(restored, "select lo_get(min(oid)) from pg_largeobject_metadata"))
                    .isEqualTo(largeObject);
            // the triggers were off only while loading: the audit log is append-only again
            assertThatThrownBy(() -> execute(restored, "update audit_event set action = 'EDITED'"))
                    .hasMessageContaining("append-only");
            // identities continue after the restored rows
            execute(
                    restored,
                    "insert into account (username, display_name, password_hash, role) "
                            + "values ('backup-after', '恢复后', 'x', 'ADMIN')");
            assertThat(query(restored, "select count(distinct id) = count(*) from account"))
                    .isEqualTo("t");
        } finally {
            restored.stop();
        }
    }

    @Test
    void aRunningPortalsDatabaseIsDumpedThroughItsServer() throws Exception {
        Path data = folder.resolve("running");
        Path ready = folder.resolve("ready");
        Process portal = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        RunningPortal.class.getName(),
                        data.toString(),
                        ready.toString()))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("running.log").toFile())
                .start();
        try {
            for (int i = 0; i < 1200 && !Files.exists(ready) && portal.isAlive(); i++) {
                TimeUnit.MILLISECONDS.sleep(100);
            }
            assertThat(ready)
                    .as(Files.readString(folder.resolve("running.log")))
                    .exists();

            int status = DatabaseBackupCommand.run(
                    "--backup=" + folder.resolve("backups"), "--portal.embedded-postgres.data-directory=" + data);

            assertThat(status).isEqualTo(DatabaseBackupCommand.DONE);
            Path dump = new BackupDirectory(folder.resolve("backups")).dumps().get(0);
            assertThat(DatabaseDump.readManifest(dump).tables())
                    .singleElement()
                    .satisfies(t -> assertThat(t.name() + " " + t.rows()).isEqualTo("kept 1"));
            assertThat(portal.isAlive()).isTrue();
        } finally {
            portal.destroy();
            portal.waitFor(60, TimeUnit.SECONDS);
        }
    }

    /** A portal in another process: it runs the embedded server on a data directory until stopped. */
    public static final class RunningPortal {
        public static void main(String[] args) throws Exception {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(Path.of(args[0]), 0);
            execute(server, "create table kept (v text); insert into kept values ('运行中')");
            Files.createFile(Path.of(args[1]));
            Thread.sleep(TimeUnit.MINUTES.toMillis(5));
        }
    }

    @Test
    void aRestoreRefusesADataDirectoryThatIsNotEmpty() throws Exception {
        Path dump = folder.resolve("fake.zip");
        try (OutputStream out = Files.newOutputStream(dump);
                ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(DatabaseDump.MANIFEST));
            zip.write("""
                    {"format": "%s", "createdAt": "2026-12-07T02:30:00Z", "flywayVersion": "10",
                     "postgresVersion": "17.6", "tables": [], "sequences": [], "largeObjects": []}
                    """.formatted(DatabaseDump.FORMAT).getBytes());
            zip.closeEntry();
        }
        Path data = Files.createDirectories(folder.resolve("in-use"));
        Files.writeString(data.resolve("PG_VERSION"), "17");

        int status =
                DatabaseBackupCommand.run("--restore=" + dump, "--portal.embedded-postgres.data-directory=" + data);

        assertThat(status).isEqualTo(DatabaseBackupCommand.REFUSED);
        try (Stream<Path> files = Files.list(data)) {
            assertThat(files.toList()).containsExactly(data.resolve("PG_VERSION"));
        }
    }

    @Test
    void aFileThatIsNotADumpIsRefused() throws Exception {
        Path notADump = Files.writeString(folder.resolve("notes.zip"), "not a zip");
        assertThat(DatabaseBackupCommand.run(
                        "--restore=" + notADump,
                        "--portal.embedded-postgres.data-directory=" + folder.resolve("empty")))
                .isEqualTo(DatabaseBackupCommand.REFUSED);
        assertThat(folder.resolve("empty")).doesNotExist();
    }

    @Test
    void theDailyFolderKeepsTheNewestDumpsAndNeverWritesTwoAtOnce() throws Exception {
        EmbeddedPostgresServer server = EmbeddedPostgresServer.persistent(folder.resolve("small"), 0);
        try {
            execute(server, "create table kept (v text); insert into kept values ('泸西县')");
            BackupDirectory directory = new BackupDirectory(folder.resolve("daily"));
            List<Path> written = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                written.add(directory.write(() -> connect(server), 2).file());
            }
            assertThat(directory.dumps()).containsExactly(written.get(1), written.get(2));
            // a dump holds password hashes: for the portal's OS user alone
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written.get(2))))
                    .isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory.path())))
                    .isEqualTo("rwx------");
            assertThat(DatabaseDump.readManifest(written.get(2)).tables())
                    .singleElement()
                    .satisfies(t -> assertThat(t.rows()).isEqualTo(1));

            try (FileChannel channel =
                            FileChannel.open(directory.path().resolve(".backup-lock"), StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                assertThatThrownBy(() -> directory.write(() -> connect(server), 2))
                        .isInstanceOf(BackupDirectory.BackupInProgressException.class);
            }
            assertThat(directory.dumps()).hasSize(2);
        } finally {
            server.stop();
        }
    }

    private static void migrate(EmbeddedPostgresServer server) {
        JdbcConnectionDetails details = server.connectionDetails();
        Flyway.configure()
                .dataSource(details.getJdbcUrl(), details.getUsername(), details.getPassword())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    /** Rows of every awkward kind: NULLs, tabs, line breaks, backslashes, Chinese, JSON, bytes 0–255. */
    private static void fill(EmbeddedPostgresServer server) throws SQLException {
        execute(server, """
                insert into account (username, display_name, password_hash, role, scope_region_code, scope_level)
                values ('backup-admin', '备份 管理员', E'{bcrypt}a\\tb', 'ADMIN', null, null),
                       ('backup-clerk', E'多行\\n名字 \\\\ 反斜杠', 'x', 'COUNTY_STAFF', '532527', 'COUNTY');
                insert into audit_event (actor, client_address, action, entity_type, entity_id, before_state, after_state)
                values ('backup-admin', '127.0.0.1', 'BACKUP_TEST', 'ACCOUNT', '1', null,
                        '{"text": "tab\\there, 泸西县, \\\\ and \\"quotes\\""}'),
                       (null, null, 'BACKUP_TEST', null, null, '{"n": 1.5}', '[]');
                insert into annual_report (county_code, year, measures_text, submission_deadline)
                values ('532527', 2031, E'第一行\\n第二行\\t制表\\\\', date '2032-03-01');
                insert into indicator_value (report_id, indicator_code, kind, value, explanation, source)
                select r.id, i.code, i.kind, 12, E'说明\\r\\n', 'TYPED'
                from annual_report r, (select code, kind from indicator where kind = 'COUNT' order by code limit 3) i
                where r.county_code = '532527' and r.year = 2031;
                insert into inspection (county_code, year, kind, started_on, inspecting_body)
                values ('532527', 2031, 'ON_SITE', date '2031-05-01', '云南省依法治省办');
                insert into inspection_finding (inspection_id, description, severity, deadline)
                select id, '整改', 'MINOR', date '2031-09-30' from inspection where year = 2031;
                with evidence as (
                    insert into finding_evidence (finding_id, file_name, file_type, size_bytes, sha256, uploaded_by)
                    select f.id, '证据 1.pdf', 'PDF', 256, repeat('a', 64),
                           (select id from account where username = 'backup-admin')
                    from inspection_finding f where f.description = '整改'
                    returning id)
                insert into finding_evidence_chunk (evidence_id, seq, bytes)
                select evidence.id, 0, (select string_agg(set_byte('\\x00'::bytea, 0, b), ''::bytea order by b)
                                        from generate_series(0, 255) b)
                from evidence;
                update region set name = name || '（改）' where code = '532527';
                delete from validation_rule where code = 'VR_HEARINGS';
                select lo_from_bytea(0, '\\xdeadbeef00'::bytea);
                """);
    }

    /** Every table's row count and checksum of its rows, and every sequence's position. */
    private static Map<String, String> contents(EmbeddedPostgresServer server) throws SQLException {
        Map<String, String> contents = new TreeMap<>();
        try (Connection c = connect(server);
                Statement s = c.createStatement()) {
            s.execute("set timezone = 'UTC'");
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("select tablename from pg_tables where schemaname = current_schema() "
                    + "and tablename <> 'flyway_schema_history'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '' order by "
                        + "t::text), '')) from " + DatabaseDump.ident(table) + " t")) {
                    rs.next();
                    contents.put(table, rs.getLong(1) + " " + rs.getString(2));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "select sequencename, last_value from pg_sequences " + "where schemaname = current_schema()")) {
                while (rs.next()) {
                    contents.put("sequence:" + rs.getString(1), String.valueOf(rs.getObject(2)));
                }
            }
        }
        return contents;
    }

    private static String version(EmbeddedPostgresServer server) throws SQLException {
        try (Connection c = connect(server)) {
            return DatabaseDump.flywayVersion(c);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        JdbcConnectionDetails details = server.connectionDetails();
        return DriverManager.getConnection(details.getJdbcUrl(), details.getUsername(), details.getPassword());
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = connect(server);
                Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String query(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = connect(server);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static byte[] bytes(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (Connection c = connect(server);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBytes(1);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
