package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import cn.fazhi.portal.review.RefusedDecision;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Published versions that never vanish (issue 18, point 1): reopening an approved report leaves its
 * approved version public, marked 更正中, in the report's page, the public ranking and the public
 * downloads; the correction's approval publishes version 2 with its public note, version 1 stays
 * readable, what changed is listed, and every round's submission time is kept.
 */
@PortalTest
class ReportVersionTests {

    /** A county and year no other test uses: 西藏 拉萨 城关区 2019. */
    static final String COUNTY = "540102";

    static final int YEAR = 2019;
    static final String STAFF = "ENF_STAFF";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    CatalogService catalogs;

    @Autowired
    TransactionTemplate transaction;

    PortalUser reviewer;

    @BeforeEach
    void anApprovedReport() {
        reviewer = TestUsers.user(accounts, "version-reviewer-xizang", Role.REVIEWER, "540000");
        jdbc.update("delete from annual_report where county_code = ? and year = ?", COUNTY, YEAR);
        Instant submitted = LocalDate.of(YEAR + 1, 2, 20)
                .atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        transaction.executeWithoutResult(status -> {
            Catalog catalog = catalogs.forYear(YEAR);
            AnnualReport report = AnnualReport.open(COUNTY, YEAR, ReportingPeriods.legalDeadline(YEAR), submitted);
            report.enterTyped(catalog.indicator(STAFF).orElseThrow(), new BigDecimal("120"), null, null, submitted);
            report.writeNarrative("第一版举措", "第一版不足", "第一版安排", "第一版职责", submitted);
            report.submit(null, submitted);
            reports.save(report);
            report.approve(null, submitted.plusSeconds(86_400), null, catalog, null);
        });
    }

    @AfterEach
    void removeIt() {
        // versions go only with their report
        jdbc.update("delete from annual_report where county_code = ? and year = ?", COUNTY, YEAR);
    }

    @Test
    void aCorrectionNeverUnpublishesAndItsApprovalAddsVersionTwo() throws Exception {
        String base = "/counties/" + COUNTY + "/reports/" + YEAR;
        String reason = "内部理由：执法人员数含协管人员，须更正";
        assertThat(mvc.perform(post(base + "/reopen")
                                .with(user(reviewer))
                                .with(csrf())
                                .param("version", String.valueOf(workingVersion()))
                                .param("reason", reason))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);

        // the clerk corrects the figure and submits again, a round of its own
        Instant resubmitted = Instant.now().minusSeconds(60);
        transaction.executeWithoutResult(status -> {
            AnnualReport report = reports.findByCountyCodeAndYear(COUNTY, YEAR).orElseThrow();
            report.enterTyped(
                    catalogs.forYear(YEAR).indicator(STAFF).orElseThrow(),
                    new BigDecimal("95"),
                    null,
                    null,
                    resubmitted);
            report.writeNarrative("第二版举措", "第一版不足", "第一版安排", "第一版职责", resubmitted);
            report.submit(null, resubmitted);
        });

        // meanwhile the public reads version 1, marked 更正中, in the page, the downloads and the ranking
        Document page = page(get(base));
        assertThat(page.select("#value-" + STAFF + " [data-testid=value]").text())
                .isEqualTo("120");
        assertThat(page.select("#correcting").text()).contains("更正中", "第 1 版");
        assertThat(page.text()).doesNotContain(reason).doesNotContain("第二版举措");
        MockHttpServletResponse csv =
                mvc.perform(get(base + "/report.csv")).andReturn().getResponse();
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
                .contains("120")
                .doesNotContain("第二版举措");
        assertThat(java.net.URLDecoder.decode(csv.getHeader("Content-Disposition"), StandardCharsets.UTF_8))
                .contains("-v1-更正中.csv");
        assertThat(page(get(base + "/print")).select("#version-note").text()).contains("更正中", "第 1 版");
        assertThat(page(get("/counties/" + COUNTY)).select("#reports").text()).contains("第 1 版", "更正中");
        assertThat(rankingLine()).contains("120", "城关区（更正中）");

        // the correction's approval publishes version 2 with its public note
        assertThat(mvc.perform(post(base + "/approve")
                                .with(user(reviewer))
                                .with(csrf())
                                .param("version", String.valueOf(workingVersion()))
                                .param("publicNote", "更正了执法人员数"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
        page = page(get(base));
        assertThat(page.select("#value-" + STAFF + " [data-testid=value]").text())
                .isEqualTo("95");
        assertThat(page.select("#correcting")).isEmpty();
        assertThat(page.select("#versions tbody tr").eachAttr("data-version")).containsExactly("1", "2");
        assertThat(page.select("#versions").text()).contains("更正了执法人员数");
        assertThat(page.text()).doesNotContain(reason);
        assertThat(rankingLine()).contains("95").doesNotContain("更正中");

        // the ranking as it stood: yesterday version 1 counted, before its approval nothing did
        String yesterday = LocalDate.now(cn.fazhi.portal.config.TimeConfiguration.CHINA)
                .minusDays(1)
                .toString();
        assertThat(rankingLine(yesterday)).contains("120").doesNotContain("95");
        assertThat(rankingLine(LocalDate.of(YEAR + 1, 2, 20).toString()))
                .contains("城关区")
                .doesNotContain("120");
        Document asOf = page(get("/dashboards/ranking")
                .param("year", String.valueOf(YEAR))
                .param("area", "540000")
                .param("indicator", STAFF)
                .param("asOf", yesterday));
        assertThat(asOf.select("#as-of").text()).contains("截至 " + yesterday);
        assertThat(page(get("/dashboards/ranking")
                                .param("year", String.valueOf(YEAR))
                                .param("area", "540000")
                                .param("asOf", "2020-13-45"))
                        .select("#as-of")
                        .text())
                .contains("截至 " + LocalDate.now(cn.fazhi.portal.config.TimeConfiguration.CHINA));

        // version 1 is still there, page and document
        Document first = page(get(base).param("version", "1"));
        assertThat(first.select("#value-" + STAFF + " [data-testid=value]").text())
                .isEqualTo("120");
        assertThat(first.select("#shown-version").text()).contains("第 1 版");
        assertThat(page(get(base + "/print")).select("#version-note").text()).contains("第 2 版");
        assertThat(page(get(base + "/print").param("version", "1"))
                        .select("tr.figure[data-indicator=" + STAFF + "]")
                        .text())
                .contains("120");

        MockHttpServletResponse word = mvc.perform(get(base + "/document.docx").param("version", "1"))
                .andReturn()
                .getResponse();
        assertThat(word.getStatus()).isEqualTo(200);
        try (var document = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                        new java.io.ByteArrayInputStream(word.getContentAsByteArray()));
                var extractor = new org.apache.poi.xwpf.extractor.XWPFWordExtractor(document)) {
            assertThat(extractor.getText()).contains("第一版举措").doesNotContain("第二版举措");
        }

        // what changed: the value, old → new, and the narrative part
        Document changes = page(get(base + "/versions/2/changes"));
        assertThat(changes.select("#changed-values tr[data-indicator=" + STAFF + "]")
                        .text())
                .contains("120", "95");
        assertThat(changes.select(".changed-text").eachAttr("data-part")).containsExactly("measures");
        assertThat(changes.select("#public-note").text()).contains("更正了执法人员数");
        assertThat(changes.text()).doesNotContain(reason);
        assertThat(mvc.perform(get(base + "/versions/3/changes"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
        assertThat(mvc.perform(get(base).param("version", "7"))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);

        // the reviewer sees both rounds' submissions; the public does not see the rounds
        Document internal = page(get(base).with(user(reviewer)));
        assertThat(internal.select("#submissions li")).hasSize(2);
        assertThat(page.select("#submissions")).isEmpty();

        // the database keeps a version as it was
        Long version = jdbc.queryForObject(
                "select published_version_id from annual_report where county_code = ? and year = ?",
                Long.class,
                COUNTY,
                YEAR);
        assertThatThrownBy(() -> jdbc.update("update report_version set public_note = 'x' where id = ?", version))
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.update("delete from report_version_value where version_id = ?", version))
                .hasMessageContaining("never deleted");
    }

    @Test
    void aFirstApprovalHasNoPublicNote() throws Exception {
        String base = "/counties/" + COUNTY + "/reports/" + YEAR;
        jdbc.update("delete from annual_report where county_code = ? and year = ?", COUNTY, YEAR);
        transaction.executeWithoutResult(status -> {
            Catalog catalog = catalogs.forYear(YEAR);
            AnnualReport report = AnnualReport.open(COUNTY, YEAR, ReportingPeriods.legalDeadline(YEAR), Instant.now());
            report.writeNarrative("举措", "不足", "安排", "职责", Instant.now());
            report.submit(null, Instant.now());
            reports.save(report);
        });
        var refused = mvc.perform(post(base + "/approve")
                        .with(user(reviewer))
                        .with(csrf())
                        .param("version", String.valueOf(workingVersion()))
                        .param("publicNote", "不该有"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(302);
        assertThat(RefusedDecision.keyOf(refused.getFlashMap(), "approvalForm", "publicNote"))
                .isEqualTo("review.publicNoteOnlyForCorrection");
        assertThat(jdbc.queryForObject(
                        "select count(*) from report_version v join annual_report r on r.id = v.report_id"
                                + " where r.county_code = ? and r.year = ?",
                        Integer.class,
                        COUNTY,
                        YEAR))
                .isZero();
    }

    private int workingVersion() {
        return jdbc.queryForObject(
                "select version from annual_report where county_code = ? and year = ?", Integer.class, COUNTY, YEAR);
    }

    /** The county's line of the public ranking of the indicator in its province. */
    private String rankingLine() throws Exception {
        return rankingLine(null);
    }

    /** The same, as the ranking stood at the end of a day, or now (null). */
    private String rankingLine(String asOf) throws Exception {
        MockHttpServletRequestBuilder request = get("/dashboards/ranking")
                .param("year", String.valueOf(YEAR))
                .param("area", "540000")
                .param("indicator", STAFF)
                .param("format", "csv");
        if (asOf != null) {
            request.param("asOf", asOf);
        }
        return text(request).lines().filter(l -> l.contains("城关区")).findFirst().orElse("");
    }

    private String text(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(text(request));
    }
}
