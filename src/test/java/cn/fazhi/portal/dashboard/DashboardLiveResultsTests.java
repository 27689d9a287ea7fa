package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.CatalogAdminService.TargetRow;
import cn.fazhi.portal.catalog.internal.TargetsForm;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dashboards keep computed scores and rankings in memory (issue 9), and stay live: every write
 * that can move a score — an approval, a reopening, a corrected value of an approved report, a new
 * target — shows on the next request, whoever wrote it (the portal or plain SQL). Drafts move
 * nothing; the database keeps each report's filled count itself.
 *
 * <p>Own data: three counties of 宁夏 (640000) in 2016, which no other test uses.
 */
@PortalTest
class DashboardLiveResultsTests {

    private static final String PROVINCE = "640000";
    private static final String HEAT_MAP = "/dashboards/heatmap?year=2016&area=" + PROVINCE + "&format=csv";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    CatalogAdminService catalogAdmin;

    @Autowired
    TransactionTemplate transactions;

    private PortalUser reviewer;
    private List<String> counties;
    private Map<String, String> names;

    @BeforeEach
    void ningxia() {
        reviewer = TestUsers.user(accounts, "live-reviewer-ningxia", Role.REVIEWER, PROVINCE);
        counties = jdbc.queryForList(
                "select code from region where province_code = ? and level = 'COUNTY'" + " order by code limit 4",
                String.class,
                PROVINCE);
        names = new HashMap<>();
        counties.forEach(
                c -> names.put(c, jdbc.queryForObject("select name from region where code = ?", String.class, c)));
        jdbc.update(
                "delete from annual_report where county_code in (select code from region where province_code = ?)"
                        + " and year in (2015, 2016)",
                PROVINCE);
    }

    @Test
    void everyChangeThatMovesAScoreShowsOnTheNextRequest() throws Exception {
        String a = counties.get(0), b = counties.get(1), c = counties.get(2);
        report(a, "APPROVED", 50);
        report(b, "APPROVED", 80);
        long cReport = report(c, "SUBMITTED", 100);
        assertThat(overall(a)).isEqualTo("0.50");
        assertThat(overall(b)).isEqualTo("0.80");
        assertThat(overall(c)).isEqualTo("—");
        assertThat(overall(a)).as("asked again: the kept result").isEqualTo("0.50");

        // an approval through the portal
        approve(c);
        assertThat(overall(c)).isEqualTo("1.00");

        // a value of an approved report corrected in SQL, outside the portal
        jdbc.update(
                "update indicator_value set value = 60 where report_id = (select id from annual_report"
                        + " where county_code = ? and year = 2016) and indicator_code = 'ENF_CERT_RATE'",
                a);
        assertThat(overall(a)).isEqualTo("0.60");

        // a reopened report no longer counts
        MockHttpServletResponse reopened = mvc.perform(post("/counties/" + b + "/reports/2016/reopen")
                        .param("reason", "数据有误")
                        .param("version", version(b))
                        .with(csrf())
                        .with(user(reviewer)))
                .andReturn()
                .getResponse();
        assertThat(reopened.getStatus()).isEqualTo(302);
        assertThat(overall(b)).isEqualTo("—");

        // a draft's values move nothing, though the status board's filled count follows them
        long before = generation();
        jdbc.update(
                "update indicator_value set value = 10 where report_id = (select id from annual_report"
                        + " where county_code = ? and year = 2016) and indicator_code = 'ENF_CERT_RATE'",
                b);
        jdbc.update(
                "insert into indicator_value (report_id, indicator_code, kind, value, source)"
                        + " select id, 'EMG_ACCIDENTS', 'COUNT', 3, 'TYPED' from annual_report where county_code = ? and year = 2016",
                b);
        assertThat(generation()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "select filled_count from annual_report where county_code = ? and year = 2016",
                        Integer.class,
                        b))
                .isEqualTo(2);
        assertThat(overall(a)).isEqualTo("0.60");
        assertThat(cReport).isPositive();
    }

    @Test
    void aNewTargetRescoresOnTheNextRequest() throws Exception {
        String a = counties.get(3);
        report(a, "APPROVED", 50);
        report(counties.get(0), "APPROVED", 90);
        assertThat(overall(a)).isEqualTo("0.50");
        PortalUser admin = TestUsers.user(accounts, "live-admin", Role.ADMIN, null);
        Viewer viewer = Viewer.of(admin);
        List<TargetRow> rows = catalogAdmin.targets(2016, false, viewer);
        try {
            TargetsForm form = form(rows);
            form.values().put("ENF_CERT_RATE", "50");
            catalogAdmin.saveTargets(2016, form, viewer);
            assertThat(overall(a)).as("50 meets a target of 50").isEqualTo("1.00");
        } finally {
            catalogAdmin.saveTargets(2016, form(rows), viewer);
        }
        assertThat(overall(a)).isEqualTo("0.50");
    }

    @Test
    void theDatabaseKeepsEachReportsFilledCount() {
        String county = counties.get(3);
        transactions.executeWithoutResult(tx -> {
            long report = report(county, "DRAFT", 50);
            assertThat(filled(report)).isEqualTo(1);
            jdbc.update(
                    "insert into indicator_value (report_id, indicator_code, kind, value, source, explanation) values"
                            + " (?, 'EMG_ACCIDENTS', 'COUNT', null, 'TYPED', '未统计'), (?, 'ENF_STAFF', 'COUNT', 40, 'TYPED', null)",
                    report,
                    report);
            assertThat(filled(report)).as("a blank is not filled").isEqualTo(2);
            jdbc.update(
                    "update indicator_value set value = 2 where report_id = ? and indicator_code = 'EMG_ACCIDENTS'",
                    report);
            assertThat(filled(report)).isEqualTo(3);
            jdbc.update(
                    "update indicator_value set value = null, explanation = '未统计' where report_id = ?"
                            + " and indicator_code = 'ENF_STAFF'",
                    report);
            assertThat(filled(report)).isEqualTo(2);
            jdbc.update("delete from indicator_value where report_id = ? and indicator_code = 'EMG_ACCIDENTS'", report);
            assertThat(filled(report)).isEqualTo(1);
            // an indicator retired from 2016 on no longer counts in 2016's reports
            jdbc.update("update indicator set last_year = 2015 where code = 'ENF_CERT_RATE'");
            assertThat(filled(report)).isZero();
            jdbc.update("update indicator set last_year = null where code = 'ENF_CERT_RATE'");
            assertThat(filled(report)).isEqualTo(1);
            // the database refuses a count below zero
            assertThat(jdbc.queryForObject(
                            "select count(*) from pg_constraint where conrelid = 'annual_report'::regclass"
                                    + " and pg_get_constraintdef(oid) like '%filled_count >= 0%'",
                            Integer.class))
                    .isEqualTo(1);
            tx.setRollbackOnly();
        });
    }

    private long report(String county, String status, int rate) {
        Long id = jdbc.queryForObject("""
                insert into annual_report (county_code, year, status, submission_deadline, submitted_at, approved_at)
                values (?, 2016, ?, date '2017-03-01',
                        case when ? <> 'DRAFT' then timestamptz '2017-02-10 10:00+08' end,
                        case when ? = 'APPROVED' then timestamptz '2017-02-20 10:00+08' end)
                returning id
                """, Long.class, county, status, status, status);
        jdbc.update(
                "insert into indicator_value (report_id, indicator_code, kind, value, source)"
                        + " values (?, 'ENF_CERT_RATE', 'RATE', ?, 'COMPUTED')",
                id,
                rate);
        return id;
    }

    private void approve(String county) throws Exception {
        MockHttpServletResponse approved = mvc.perform(post("/counties/" + county + "/reports/2016/approve")
                        .param("version", version(county))
                        .with(csrf())
                        .with(user(reviewer)))
                .andReturn()
                .getResponse();
        assertThat(approved.getStatus()).isEqualTo(302);
    }

    /** The version of the county's 2016 report, as its page would carry it to a decision. */
    private String version(String county) {
        return jdbc.queryForObject(
                "select version from annual_report where county_code = ? and year = 2016", String.class, county);
    }

    /**
     * The county's overall score in the heat map's CSV, as the page shows it: in the ranked table or
     * in the one of counties not ranked (数据不足), found by the columns' headers.
     */
    private String overall(String county) throws Exception {
        for (String table : List.of("heatmap", "insufficient")) {
            MockHttpServletResponse csv = mvc.perform(
                            get(HEAT_MAP + "&table=" + table).with(user(reviewer)))
                    .andReturn()
                    .getResponse();
            assertThat(csv.getStatus()).isEqualTo(200);
            List<CSVRecord> records = CSVFormat.DEFAULT
                    .builder()
                    .setIgnoreSurroundingSpaces(true)
                    .get()
                    .parse(new StringReader(
                            csv.getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "")))
                    .getRecords();
            List<String> headers = records.get(0).toList();
            int name = headers.indexOf("县（市、区）");
            int overall = headers.indexOf("总分");
            var row = records.stream()
                    .skip(1)
                    .filter(r -> r.get(name).equals(names.get(county)))
                    .findFirst();
            if (row.isPresent()) {
                return row.get().get(overall).replaceAll("[()]", "");
            }
        }
        throw new AssertionError(county + " in neither table");
    }

    private static TargetsForm form(List<TargetRow> rows) {
        Map<String, String> operators = new HashMap<>();
        Map<String, String> values = new HashMap<>();
        rows.forEach(r -> {
            operators.put(r.indicator().code(), r.operator() == null ? "" : r.operator());
            values.put(r.indicator().code(), r.value() == null ? "" : r.value());
        });
        return new TargetsForm("2016", operators, values);
    }

    private long generation() {
        return jdbc.queryForObject("select generation from report_data_generation", Long.class);
    }

    private int filled(long report) {
        return jdbc.queryForObject("select filled_count from annual_report where id = ?", Integer.class, report);
    }
}
