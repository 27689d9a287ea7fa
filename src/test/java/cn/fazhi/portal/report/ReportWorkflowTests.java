package cn.fazhi.portal.report;

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
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ReportForm;
import cn.fazhi.portal.review.RefusedDecision;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Every transition of a report, and the illegal ones, by role and state, over HTTP with CSRF. */
@PortalTest
class ReportWorkflowTests {

    private static final String COUNTY = "530103";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reportService;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditService audit;

    @Test
    @SuppressWarnings("unchecked")
    void draftSubmittedReturnedResubmittedApprovedReopened() {
        PortalUser clerk = TestUsers.user(accounts, "workflow-clerk", Role.COUNTY_STAFF, COUNTY);
        PortalUser reviewer = TestUsers.demo(accounts, "demo-reviewer");
        PortalUser outsider = TestUsers.user(accounts, "workflow-reviewer-henan", Role.REVIEWER, "410000");
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        int year = reportService.reportingYear();
        reportService.openDraft(COUNTY, year, clerk.toViewer());

        // an error and no narrative: submission is refused with the reasons
        save(clerk, "LEADERSHIP", Map.of("values[LEA_SUPERVISION_ISSUES]", "3", "values[LEA_ISSUES_RECTIFIED]", "5"));
        MvcTestResult blocked = post(clerk, "/submit", Map.of("version", version()));
        assertThat(blocked).redirectedUrl().endsWith("/edit");
        assertThat((List<Object>) blocked.getMvcResult().getFlashMap().get("submitBlocked"))
                .containsExactly("submit.hasErrors", "submit.narrativeMissing");
        assertThat(status()).isEqualTo(ReportStatus.DRAFT);
        // approving a draft is illegal whoever asks
        assertThat(post(reviewer, "/approve", Map.of("version", version()))).hasStatus(HttpStatus.CONFLICT);

        save(clerk, "LEADERSHIP", Map.of("values[LEA_SUPERVISION_ISSUES]", "3", "values[LEA_ISSUES_RECTIFIED]", "3"));
        save(
                clerk,
                ReportForm.NARRATIVE,
                Map.of("measures", "开展法治督察", "problems", "基层力量薄弱", "nextYearPlan", "加强培训", "leadersDuty", "主要负责人述法"));
        assertThat(post(clerk, "/submit", Map.of("version", version())))
                .redirectedUrl()
                .isEqualTo("/counties/" + COUNTY + "/reports/" + year);
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);
        // submitted: read-only for the clerk
        assertThat(post(
                        clerk,
                        "/edit",
                        Map.of("section", "LEADERSHIP", "version", version(), "values[LEA_PARTY_MEETINGS]", "1")))
                .hasStatus(HttpStatus.CONFLICT);

        // nobody but a reviewer in scope decides
        assertThat(post(clerk, "/approve", Map.of("version", version()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(outsider, "/approve", Map.of("version", version()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(admin, "/approve", Map.of("version", version()))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(clerk, "/return", Map.of("comment", "自己退回", "version", version())))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);

        // a return needs a comment
        assertThat(RefusedDecision.keyOf(
                        post(reviewer, "/return", Map.of("comment", " ", "version", version()))
                                .getMvcResult()
                                .getFlashMap(),
                        "returnForm",
                        "comment"))
                .isEqualTo("review.commentRequired");
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);
        post(reviewer, "/return", Map.of("comment", "请补充督察问题整改的说明", "version", version()));
        assertThat(status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(mvc.get()
                        .uri("/counties/" + COUNTY + "/reports/" + year + "/edit")
                        .with(user(clerk)))
                .bodyText()
                .contains("请补充督察问题整改的说明");
        assertThat(post(reviewer, "/return", Map.of("comment", "再退一次", "version", version())))
                .hasStatus(HttpStatus.CONFLICT);

        save(clerk, "LEADERSHIP", Map.of("explanations[LEA_ISSUES_RECTIFIED]", "3 个问题均已整改到位"));
        // an explanation alone leaves the value as it was
        java.math.BigDecimal rectified = transaction.execute(s -> reports.findByCountyCodeAndYear(COUNTY, year)
                .orElseThrow()
                .entries()
                .get("LEA_ISSUES_RECTIFIED")
                .value());
        assertThat(rectified).isEqualByComparingTo("3");
        post(clerk, "/submit", Map.of("version", version()));
        assertThat(status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(mvc.get().uri("/counties/" + COUNTY + "/reports/" + year)).hasStatus(HttpStatus.NOT_FOUND);

        post(reviewer, "/approve", Map.of("version", version()));
        assertThat(status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(mvc.get().uri("/counties/" + COUNTY + "/reports/" + year)).hasStatusOk();
        assertThat(post(clerk, "/submit", Map.of("version", version()))).hasStatus(HttpStatus.CONFLICT);

        // reopening: never the clerk, always with a reason, audited
        assertThat(post(clerk, "/reopen", Map.of("reason", "想改", "version", version())))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(outsider, "/reopen", Map.of("reason", "越权", "version", version())))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(RefusedDecision.keyOf(
                        post(admin, "/reopen", Map.of("version", version()))
                                .getMvcResult()
                                .getFlashMap(),
                        "reopenForm",
                        "reason"))
                .isEqualTo("review.reasonRequired");
        assertThat(status()).isEqualTo(ReportStatus.APPROVED);
        post(admin, "/reopen", Map.of("reason", "发现执法数据口径错误", "version", version()));
        assertThat(status()).isEqualTo(ReportStatus.RETURNED);
        // reopening never unpublishes (issue 18): the public keeps the approved version, marked 更正中,
        // without the reason
        assertThat(mvc.get().uri("/counties/" + COUNTY + "/reports/" + year))
                .hasStatusOk()
                .bodyText()
                .contains("更正中")
                .doesNotContain("发现执法数据口径错误");

        Long id = transaction.execute(
                s -> reports.findByCountyCodeAndYear(COUNTY, year).orElseThrow().getId());
        // newest first
        assertThat(audit.historyOf("AnnualReport", id.toString()))
                .extracting(AuditEntry::action)
                .containsSubsequence(
                        "REPORT_REOPENED",
                        "REPORT_APPROVED",
                        "REPORT_SUBMITTED",
                        "REPORT_RETURNED",
                        "REPORT_SUBMITTED",
                        "REPORT_CREATED");
        assertThat(audit.historyOf("AnnualReport", id.toString()))
                .filteredOn(e -> e.action().equals("REPORT_REOPENED"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("demo-admin");
                    assertThat(e.afterState()).contains("发现执法数据口径错误");
                });
    }

    @Test
    void theReviewQueueShowsSubmittedReportsInScopeFirst() {
        PortalUser reviewer = TestUsers.demo(accounts, "demo-reviewer");
        assertThat(mvc.get().uri("/review?status=SUBMITTED&year=2023").with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("鲁甸县");
        PortalUser outsider = TestUsers.user(accounts, "queue-reviewer-henan", Role.REVIEWER, "410000");
        assertThat(mvc.get().uri("/review?status=SUBMITTED&year=2023").with(user(outsider)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("鲁甸县");
        assertThat(mvc.get().uri("/review").with(user(TestUsers.demo(accounts, "demo-clerk"))))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    private void save(PortalUser clerk, String section, Map<String, String> fields) {
        Map<String, String> all = new java.util.HashMap<>(fields);
        all.put("section", section);
        all.put("version", version());
        assertThat(post(clerk, "/edit", all)).hasStatus(HttpStatus.FOUND);
    }

    private MvcTestResult post(PortalUser who, String action, Map<String, String> params) {
        var request = mvc.post()
                .uri("/counties/" + COUNTY + "/reports/" + reportService.reportingYear() + action)
                .with(csrf())
                .with(user(who));
        params.forEach(request::param);
        return request.exchange();
    }

    private String version() {
        return Integer.toString(
                transaction.execute(s -> reports.findByCountyCodeAndYear(COUNTY, reportService.reportingYear())
                        .orElseThrow()
                        .getVersion()));
    }

    private ReportStatus status() {
        return transaction.execute(s -> reports.findByCountyCodeAndYear(COUNTY, reportService.reportingYear())
                .orElseThrow()
                .getStatus());
    }
}
