package cn.fazhi.portal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.IndicatorTextsForm;
import cn.fazhi.portal.report.ReportService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The modules publish what happened as events (config.AuditedEvent) and the audit log listens in the
 * publisher's transaction: a change and its audit entry are committed together or not at all, with
 * the actor and address of the request, and the entry is the one the direct calls used to write
 * (action, entity, id, before and after). Each test works on a county of its own.
 */
@PortalTest
class AuditedEventsTests {

    @Autowired
    TestFixtures fixtures;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    ReportService reports;

    @Autowired
    CatalogAdminService catalogAdmin;

    @Autowired
    CatalogService catalogs;

    @Test
    void aSubmittedAndApprovedReportLeavesTheSameAuditRowsAsBeforeWithWhoDidIt() {
        String county = fixtures.freshCounty();
        int year = fixtures.reportingYear();
        PortalUser clerk = fixtures.clerkWithDraft(county, year);
        PortalUser reviewer = fixtures.reviewerOf(TestFixtures.FRESH_PROVINCE);
        long id = reportId(county, year);
        // the four narrative parts are all a report without figures needs to be submitted
        jdbc.update("""
                update annual_report set measures_text = '措施', problems_text = '问题', next_year_plan_text = '计划',
                       leaders_duty_text = '述法' where id = ?""", id);

        assertThat(post(clerk, county, year, "/submit")).hasStatus3xxRedirection();
        assertThat(post(reviewer, county, year, "/approve")).hasStatus3xxRedirection();

        // the fixture opened the draft outside any login or request: nobody, as the direct call had it
        assertThat(entries(id, "REPORT_CREATED", null, null, """
                        {"county": "%s", "year": %d, "status": "DRAFT"}""".formatted(county, year)))
                .isEqualTo(1);
        assertThat(entries(id, "REPORT_SUBMITTED", clerk.getUsername(), """
                        {"status": "DRAFT"}""", """
                        {"status": "SUBMITTED"}"""))
                .isEqualTo(1);
        assertThat(entries(id, "REPORT_APPROVED", reviewer.getUsername(), """
                        {"status": "SUBMITTED"}""", """
                        {"status": "APPROVED", "version": 1}"""))
                .isEqualTo(1);
        // from the request's address, as the direct calls took it
        assertThat(jdbc.queryForObject(
                        "select client_address from audit_event where entity_type = 'AnnualReport' and entity_id = ?"
                                + " and action = 'REPORT_APPROVED'",
                        String.class,
                        Long.toString(id)))
                .isEqualTo("127.0.0.1");
    }

    @Test
    void aChangeRolledBackLeavesNoAuditRowAndOneCommittedLeavesIt() {
        String county = fixtures.freshCounty();
        int year = fixtures.reportingYear();
        PortalUser clerk = fixtures.clerkOf(county);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                    reports.openDraft(county, year, clerk.toViewer());
                    // the entry is written in the change's transaction, not after it
                    assertThat(createdEntries(county)).isEqualTo(1);
                    throw new IllegalStateException("something after the change fails");
                }))
                .isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.queryForObject(
                        "select count(*) from annual_report where county_code = ?", Integer.class, county))
                .isZero();
        assertThat(createdEntries(county)).as("rolled back with the change").isZero();

        reports.openDraft(county, year, clerk.toViewer());
        assertThat(createdEntries(county)).isEqualTo(1);
    }

    @Test
    void aCatalogueChangeIsReadAtOnceInItsTransactionAndForgottenWhenItRollsBack() {
        PortalUser admin = fixtures.admin("audited-events");
        int year = fixtures.reportingYear();
        IndicatorDef indicator = catalogs.forYear(year).indicators().get(0);
        String code = indicator.code();
        long changesBefore = catalogueEntries(code);

        transaction.executeWithoutResult(status -> {
            catalogAdmin.editTexts(
                    code,
                    new IndicatorTextsForm(
                            "事件测试名称", indicator.nameEn(), indicator.definitionZh(), indicator.definitionEn()),
                    admin.toViewer());
            assertThat(catalogs.forYear(year).indicator(code).orElseThrow().nameZh())
                    .as("the changing transaction reads its change")
                    .isEqualTo("事件测试名称");
            assertThat(catalogueEntries(code)).isEqualTo(changesBefore + 1);
            status.setRollbackOnly();
        });

        assertThat(catalogs.forYear(year).indicator(code).orElseThrow().nameZh())
                .as("the edition read inside the rolled-back transaction is not served")
                .isEqualTo(indicator.nameZh());
        assertThat(catalogueEntries(code)).isEqualTo(changesBefore);
    }

    private long reportId(String county, int year) {
        return jdbc.queryForObject(
                "select id from annual_report where county_code = ? and year = ?", Long.class, county, year);
    }

    private MvcTestResult post(PortalUser who, String county, int year, String action) {
        String version = Integer.toString(jdbc.queryForObject(
                "select version from annual_report where county_code = ? and year = ?", Integer.class, county, year));
        return mvc.post()
                .uri("/counties/" + county + "/reports/" + year + action)
                .with(csrf())
                .with(user(who))
                .param("version", version)
                .exchange();
    }

    /** How many entries of the report say exactly this (compared as JSON, as PostgreSQL stores it). */
    private int entries(long reportId, String action, String actor, String before, String after) {
        return jdbc.queryForObject("""
                select count(*) from audit_event
                 where entity_type = 'AnnualReport' and entity_id = ? and action = ? and actor is not distinct from ?
                   and before_state is not distinct from ?::jsonb and after_state is not distinct from ?::jsonb""", Integer.class, Long.toString(reportId), action, actor, before, after);
    }

    private int createdEntries(String county) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where action = 'REPORT_CREATED' and after_state ->> 'county' = ?",
                Integer.class,
                county);
    }

    private long catalogueEntries(String code) {
        return jdbc.queryForObject(
                "select count(*) from audit_event where entity_type = 'Indicator' and entity_id = ?"
                        + " and action = 'INDICATOR_CHANGED'",
                Long.class,
                code);
    }
}
