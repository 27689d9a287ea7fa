package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V22 keeps which custom figure a value was promoted from as data; the promotions made before it were
 * only in the audit log, so V22 reads them from there once. On a brand-new database of the test
 * server, migrated up to V20, given a promotion as the audit log had it, then migrated to the end.
 */
@PortalTest
class CustomFigurePromotionMigrationTests {

    @Autowired
    JdbcConnectionDetails connection;

    @Autowired
    JdbcTemplate portalDb;

    private final String database = "promotion_" + UUID.randomUUID().toString().replace("-", "");

    @AfterEach
    void dropDatabase() {
        portalDb.execute("drop database if exists " + database + " with (force)");
    }

    @Test
    void thePromotionsInTheAuditLogBecomeRows() {
        portalDb.execute("create database " + database);
        String url = connection.getJdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
        DriverManagerDataSource dataSource =
                new DriverManagerDataSource(url, connection.getUsername(), connection.getPassword());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .target("20")
                .load()
                .migrate();
        JdbcTemplate db = new JdbcTemplate(dataSource);
        long report = db.queryForObject("""
                insert into annual_report (county_code, year, submission_deadline)
                values ('532527', 2016, date '2017-03-01') returning id""", Long.class);
        db.update("""
                insert into audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state)
                values (timestamptz '2026-05-01 10:00+08', 'demo-admin', 'VALUE_PROMOTED', 'IndicatorValue', ?,
                        '{"customFigure": 4711, "section": "CAPACITY", "name": "法治培训人次"}'::jsonb,
                        '{"value": "1200", "explanation": null}'::jsonb)""", report + "/TST_LAW_TRAINEES");
        // another action, and a promotion of a report that no longer exists, are not promotions to keep
        db.update("""
                insert into audit_event (action, entity_type, entity_id, before_state)
                values ('VALUE_CHANGED', 'IndicatorValue', ?, '{"customFigure": 4712}'::jsonb),
                       ('VALUE_PROMOTED', 'IndicatorValue', '999999999/TST_LAW_TRAINEES', '{"customFigure": 4713}'::jsonb)""", report + "/TST_LAW_TRAINEES");

        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(db.queryForList("select custom_figure_id, report_id, indicator_code from custom_figure_promotion"))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("custom_figure_id")).isEqualTo(4711L);
                    assertThat(row.get("report_id")).isEqualTo(report);
                    assertThat(row.get("indicator_code")).isEqualTo("TST_LAW_TRAINEES");
                });
    }
}
