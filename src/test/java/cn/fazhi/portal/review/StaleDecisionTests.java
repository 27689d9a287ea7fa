package cn.fazhi.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.report.internal.ReportView;
import cn.fazhi.portal.report.internal.SectionForm;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A decision is made on the report the reviewer saw. Reviewer A opens a submitted report; reviewer
 * B returns it; the clerk changes a value and submits again; A's page, still open, approves (or
 * returns): refused with 409 and a message, nothing changes. 芒市 (533103) is this test's county.
 */
@PortalTest
class StaleDecisionTests {

    private static final String COUNTY = "533103";
    private static final Pattern VERSION =
            Pattern.compile("id=\"approve-form\">.*?name=\"version\" value=\"(\\d+)\"", Pattern.DOTALL);

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Autowired
    ReportWorkflow workflow;

    @Autowired
    AuditService audit;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void anApprovalOrReturnFromAPageOpenedBeforeTheReportChangedIsRefused() throws Exception {
        PortalUser clerk = TestUsers.user(accounts, "stale-clerk-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        PortalUser reviewerA = TestUsers.user(accounts, "stale-reviewer-a", Role.REVIEWER, "530000");
        PortalUser reviewerB = TestUsers.user(accounts, "stale-reviewer-b", Role.REVIEWER, "533100");
        int year = reports.reportingYear();
        reports.openDraft(COUNTY, year, clerk.toViewer());
        entries.saveSection(
                COUNTY,
                year,
                SectionForm.of("LEADERSHIP", view(year).version(), Map.of("LEA_PARTY_MEETINGS", "4")),
                clerk.toViewer());
        entries.saveNarrative(
                COUNTY,
                year,
                view(year).version(),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                clerk.toViewer());
        assertThat(workflow.submit(COUNTY, year, view(year).version(), clerk.toViewer(), Locale.SIMPLIFIED_CHINESE))
                .isEmpty();

        // A opens the report: the decision forms carry the version shown
        String pageA = mvc.get()
                .uri(page(year))
                .with(user(reviewerA))
                .exchange()
                .getResponse()
                .getContentAsString();
        String seenByA = versionIn(pageA);
        assertThat(seenByA).isEqualTo(Integer.toString(view(year).version()));

        // B returns it, the clerk changes a value and submits again
        assertThat(decide(reviewerB, year, "/return", Map.of("comment", "请核对会议次数", "version", seenByA)))
                .hasStatus(HttpStatus.FOUND);
        entries.saveSection(
                COUNTY,
                year,
                SectionForm.of("LEADERSHIP", view(year).version(), Map.of("LEA_PARTY_MEETINGS", "40")),
                clerk.toViewer());
        assertThat(workflow.submit(COUNTY, year, view(year).version(), clerk.toViewer(), Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        int resubmitted = view(year).version();
        long approvals = approvals(year);

        // A's old page: approve and return are both refused, with the reason and a way to the current report
        MvcTestResult approve = decide(reviewerA, year, "/approve", Map.of("version", seenByA));
        assertThat(approve)
                .hasStatus(HttpStatus.CONFLICT)
                .bodyText()
                .contains("已被退回、修改或重新报送", "href=\"" + page(year) + "\"");
        MvcTestResult giveBack = decide(reviewerA, year, "/return", Map.of("comment", "旧页面退回", "version", seenByA));
        assertThat(giveBack).hasStatus(HttpStatus.CONFLICT);
        ReportView after = view(year);
        assertThat(after.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(after.version()).isEqualTo(resubmitted);
        assertThat(after.reviewComment()).isEqualTo("请核对会议次数");
        assertThat(approvals(year)).isEqualTo(approvals);

        // reopened, the page carries the new version, and the approval goes through
        String current = versionIn(mvc.get()
                .uri(page(year))
                .with(user(reviewerA))
                .exchange()
                .getResponse()
                .getContentAsString());
        assertThat(current).isEqualTo(Integer.toString(resubmitted));
        assertThat(decide(reviewerA, year, "/approve", Map.of("version", current)))
                .hasStatus(HttpStatus.FOUND);
        assertThat(view(year).status()).isEqualTo(ReportStatus.APPROVED);
        // and a reopening from a page older than the approval is refused the same way
        assertThat(decide(reviewerA, year, "/reopen", Map.of("reason", "旧页面", "version", current)))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(view(year).status()).isEqualTo(ReportStatus.APPROVED);
    }

    @Test
    void anOverlongCommentIsRefusedWithAMessage() {
        PortalUser clerk = TestUsers.user(accounts, "stale-clerk-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        PortalUser reviewer = TestUsers.user(accounts, "stale-reviewer-a", Role.REVIEWER, "530000");
        int year = 2019;
        if (reports.find(COUNTY, year, reviewer.toViewer()).isEmpty()) {
            reports.openDraft(COUNTY, year, clerk.toViewer());
            entries.saveNarrative(
                    COUNTY,
                    year,
                    view(year).version(),
                    Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                    clerk.toViewer());
            assertThat(workflow.submit(COUNTY, year, view(year).version(), clerk.toViewer(), Locale.SIMPLIFIED_CHINESE))
                    .isEmpty();
        }
        MvcTestResult tooLong = decide(
                reviewer,
                year,
                "/return",
                Map.of(
                        "comment",
                        "长".repeat(5001),
                        "version",
                        Integer.toString(view(year).version())));
        assertThat(tooLong).hasStatus(HttpStatus.FOUND);
        assertThat(RefusedDecision.keyOf(tooLong.getMvcResult().getFlashMap(), "returnForm", "comment"))
                .isEqualTo("review.commentTooLong");
        assertThat(view(year).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    /** How many approvals of the county's report of the year the audit log holds. */
    private long approvals(int year) {
        String id = jdbc.queryForObject(
                "select id from annual_report where county_code = ? and year = ?", String.class, COUNTY, year);
        return audit.historyOf("AnnualReport", id).stream()
                .map(AuditEntry::action)
                .filter("REPORT_APPROVED"::equals)
                .count();
    }

    private MvcTestResult decide(PortalUser reviewer, int year, String action, Map<String, String> params) {
        var request = mvc.post().uri(page(year) + action).with(csrf()).with(user(reviewer));
        params.forEach(request::param);
        return request.exchange();
    }

    private ReportView view(int year) {
        return reports.find(COUNTY, year, TestUsers.demo(accounts, "demo-admin").toViewer())
                .orElseThrow();
    }

    private static String page(int year) {
        return "/counties/" + COUNTY + "/reports/" + year;
    }

    private static String versionIn(String page) {
        Matcher m = VERSION.matcher(page);
        assertThat(m.find()).as("the approve form carries the version").isTrue();
        return m.group(1);
    }
}
