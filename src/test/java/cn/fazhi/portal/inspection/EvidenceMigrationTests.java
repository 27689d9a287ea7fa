package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V13 on a database that already holds evidence files whole: each is cut into pieces that add up to
 * the same bytes (same size, same SHA-256), and a name with a right-to-left override is tidied.
 */
@PortalTest
class EvidenceMigrationTests {

    @Autowired
    JdbcConnectionDetails connection;

    @Autowired
    JdbcTemplate portalDb;

    private String database;

    @AfterEach
    void dropDatabase() {
        portalDb.execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void filesStoredWholeAreCutIntoPiecesThatAddUpToThem() throws Exception {
        database = "evidence_" + UUID.randomUUID().toString().replace("-", "");
        portalDb.execute("create database " + database);
        String url = connection.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(url, connection.getUsername(), connection.getPassword());
        // every migration before V13, whichever they are
        MigrationVersion before = Arrays.stream(Flyway.configure()
                        .dataSource(dataSource)
                        .locations("classpath:db/migration")
                        .load()
                        .info()
                        .all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(MigrationVersion.fromVersion("13")) < 0)
                .max(MigrationVersion::compareTo)
                .orElseThrow();
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target(before)
                .load()
                .migrate();
        JdbcTemplate db = new JdbcTemplate(dataSource);

        long account = db.queryForObject("""
                insert into account (username, display_name, password_hash, role)
                values ('migration-admin', '迁移', 'x', 'ADMIN') returning id""", Long.class);
        long inspection = db.queryForObject("""
                insert into inspection (county_code, year, kind, started_on, inspecting_body)
                values ('532527', 2025, 'SPECIAL', date '2025-05-01', '红河州委依法治州办') returning id""", Long.class);
        long finding = db.queryForObject("""
                insert into inspection_finding (inspection_id, description, severity, deadline)
                values (?, '执法案卷不规范', 'MINOR', date '2025-07-01') returning id""", Long.class, inspection);
        byte[] large = new byte[600_000];
        new Random(13).nextBytes(large);
        byte[] small = {'%', 'P', 'D', 'F'};
        long first = store(db, finding, "整改报告.pdf", large, account);
        long second = store(db, finding, "x\u202Egnp.pdf", small, account);

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(db.queryForList(
                        "select octet_length(bytes) from finding_evidence_chunk where evidence_id = ?"
                                + " order by seq",
                        Integer.class,
                        first))
                .containsExactly(262144, 262144, 600_000 - 2 * 262144);
        assertThat(db.queryForList(
                        "select octet_length(bytes) from finding_evidence_chunk where evidence_id = ?",
                        Integer.class,
                        second))
                .containsExactly(4);
        for (long id : new long[] {first, second}) {
            assertThat(db.queryForObject("""
                    select encode(sha256(string_agg(c.bytes, ''::bytea order by c.seq)), 'hex') = e.sha256
                        and sum(octet_length(c.bytes)) = e.size_bytes
                    from finding_evidence e join finding_evidence_chunk c on c.evidence_id = e.id
                    where e.id = ? group by e.id, e.sha256, e.size_bytes""", Boolean.class, id)).isTrue();
        }
        assertThat(db.queryForObject("select file_name from finding_evidence where id = ?", String.class, second))
                .isEqualTo("x_gnp.pdf");
        assertThat(db.queryForObject(
                        "select count(*) from information_schema.columns"
                                + " where table_name = 'finding_evidence' and column_name = 'content'",
                        Long.class))
                .isZero();
    }

    private static long store(JdbcTemplate db, long finding, String name, byte[] content, long account)
            throws Exception {
        String sha256 =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        return db.queryForObject("""
                insert into finding_evidence (finding_id, file_name, file_type, size_bytes, sha256, content, uploaded_by)
                values (?, ?, 'PDF', ?, ?, ?, ?) returning id""", Long.class, finding, name, content.length, sha256, content, account);
    }
}
