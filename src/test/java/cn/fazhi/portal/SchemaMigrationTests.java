package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The migrations on a brand-new, empty database of the test server: they run, the reference data
 * is complete, and the schema refuses invalid data by itself.
 */
@PortalTest
class SchemaMigrationTests {

    @Autowired
    JdbcConnectionDetails connection;

    @Autowired
    JdbcTemplate portalDb;

    private String database;
    private JdbcTemplate fresh;

    @BeforeEach
    void createEmptyDatabase() {
        database = "fresh_" + UUID.randomUUID().toString().replace("-", "");
        portalDb.execute("create database " + database);
        String url = connection.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(url, connection.getUsername(), connection.getPassword());
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isGreaterThanOrEqualTo(2);
        fresh = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        portalDb.execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void referenceDataIsComplete() {
        assertThat(count("select count(*) from region")).isEqualTo(3212);
        assertThat(count("select count(*) from region where level = 'PROVINCE'"))
                .isEqualTo(34);
        assertThat(count("select count(*) from region where level = 'PREFECTURE'"))
                .isEqualTo(333);
        assertThat(count("select count(*) from region where level = 'COUNTY'")).isEqualTo(2845);
        assertThat(count("select count(*) from section")).isEqualTo(10);
        assertThat(count("select count(*) from indicator")).isEqualTo(112);
        assertThat(count("select count(*) from indicator where numerator_code is not null"))
                .isEqualTo(17);
        assertThat(count("select count(*) from validation_rule")).isEqualTo(19);
        // the empty database holds no demo data: that comes only with the demo profile
        assertThat(count("select count(*) from annual_report")).isZero();
        assertThat(count("select count(*) from account")).isZero();
    }

    @Test
    void regionTreeIsDenormalisedConsistently() {
        // 泸西县 lies in 红河州 in 云南省; 东城区 of 北京市 has no prefecture
        assertThat(fresh.queryForMap("select province_code, prefecture_code from region where code = '532527'"))
                .containsEntry("province_code", "530000")
                .containsEntry("prefecture_code", "532500");
        assertThat(fresh.queryForMap("select province_code, prefecture_code from region where code = '110101'"))
                .containsEntry("province_code", "110000")
                .containsEntry("prefecture_code", null);
        assertThat(count("""
                select count(*) from region c join region p on p.code = c.parent_code
                where c.level = 'COUNTY' and p.level = 'COUNTY'""")).isZero();
    }

    @Test
    void databaseRefusesInvalidData() {
        long report = fresh.queryForObject("""
                insert into annual_report (county_code, year, submission_deadline)
                values ('532527', 2023, date '2024-03-01') returning id""", Long.class);

        // a second report of the same county and year
        assertRefused("insert into annual_report (county_code, year, submission_deadline) "
                + "values ('532527', 2023, date '2024-03-01')");
        // a province is not a reporting county
        assertRefused("insert into annual_report (county_code, year, submission_deadline) "
                + "values ('530000', 2023, date '2024-03-01')");
        // an unknown status
        assertRefused("insert into annual_report (county_code, year, status, submission_deadline) "
                + "values ('530621', 2023, 'LOST', date '2024-03-01')");
        // a negative count, a decimal count, a rate over 100
        assertRefused(value(report, "ENF_STAFF", "COUNT", "-1"));
        assertRefused(value(report, "ENF_STAFF", "COUNT", "1.5"));
        assertRefused(value(report, "ENF_CERT_RATE", "RATE", "100.5"));
        // a kind that is not the indicator's own
        assertRefused(value(report, "ENF_STAFF", "RATE", "5"));
        // an indicator that does not exist
        assertRefused(value(report, "NO_SUCH_INDICATOR", "COUNT", "5"));
        // a clerk must be scoped to a county, a reviewer to a province or prefecture
        assertRefused(
                "insert into account (username, display_name, password_hash, role, scope_region_code, scope_level) "
                        + "values ('clerk-x', 'x', 'x', 'COUNTY_STAFF', '530000', 'PROVINCE')");
        assertRefused(
                "insert into account (username, display_name, password_hash, role, scope_region_code, scope_level) "
                        + "values ('clerk-y', 'y', 'y', 'COUNTY_STAFF', '532527', 'PROVINCE')");

        fresh.update(value(report, "ENF_STAFF", "COUNT", "120"));
        fresh.update(value(report, "ENF_CERT_RATE", "RATE", "99.5"));
        assertThat(count("select count(*) from indicator_value")).isEqualTo(2);
    }

    @Test
    void auditEventsCannotBeChangedOrDeleted() {
        fresh.update("insert into audit_event (actor, action) values ('demo-admin', 'LOGIN')");
        assertRefused("update audit_event set actor = 'someone-else'");
        assertRefused("delete from audit_event");
        assertRefused("truncate audit_event");
        assertThat(fresh.queryForObject("select actor from audit_event", String.class))
                .isEqualTo("demo-admin");
    }

    private static String value(long report, String indicator, String kind, String value) {
        return "insert into indicator_value (report_id, indicator_code, kind, value, source) values (" + report + ", '"
                + indicator + "', '" + kind + "', " + value + ", 'TYPED')";
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> fresh.update(sql)).as(sql).isInstanceOf(DataAccessException.class);
    }

    private long count(String sql) {
        return fresh.queryForObject(sql, Long.class);
    }
}
