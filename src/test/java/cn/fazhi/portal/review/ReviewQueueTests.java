package cn.fazhi.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.review.internal.QueueRow;
import cn.fazhi.portal.review.internal.ReviewQueue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The review queue: a reviewer sees the counties of their scope only, by default the reports
 * waiting for a decision, filtered by year, status and area, a page at a time. The data are this
 * test's own: reports of 2015 and 2016 of 白银市 (6204) and 天水市 (6205) in 甘肃省, a province no
 * other test reports in.
 */
@PortalTest
class ReviewQueueTests {

    private static final String BAIYIN = "620400";
    private static final String TIANSHUI = "620500";

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
    ReviewQueue queue;

    PortalUser province;
    PortalUser baiyin;

    @BeforeEach
    void reports() {
        // in this order, so that the oldest submission is 白银区's
        submitted("620402", 2015); // 白银区
        submitted("620502", 2015); // 秦州区
        submitted("620403", 2016); // 平川区
        draft("620421", 2015); // 靖远县
        draft("620503", 2015); // 麦积区
        province = TestUsers.user(accounts, "queue-reviewer-gansu", Role.REVIEWER, "620000");
        baiyin = TestUsers.user(accounts, "queue-reviewer-baiyin", Role.REVIEWER, BAIYIN);
    }

    @Test
    void byDefaultTheReportsWaitingForThisReviewer() {
        assertThat(mvc.get().uri("/review").with(user(province)))
                .hasStatusOk()
                .bodyText()
                .contains("白银区", "秦州区", "平川区")
                .doesNotContain("靖远县", "麦积区");
        // the status select says what the page lists
        assertThat(mvc.get().uri("/review").with(user(province)))
                .bodyText()
                .containsPattern("<option value=\"SUBMITTED\"\\s+selected=\"selected\">");
        // "any status" (the form's empty choice) lists the drafts too
        assertThat(mvc.get().uri("/review?status=").with(user(province)))
                .hasStatusOk()
                .bodyText()
                .contains("白银区", "秦州区", "平川区", "靖远县", "麦积区");
        assertThat(mvc.get().uri("/review?status=NOSUCH").with(user(province))).hasStatus(HttpStatus.BAD_REQUEST);
    }

    @Test
    void aPrefectureReviewerNeverSeesAnotherPrefecturesReport() {
        assertThat(mvc.get().uri("/review?status=").with(user(baiyin)))
                .hasStatusOk()
                .bodyText()
                .contains("白银区", "平川区", "靖远县")
                .doesNotContain("秦州区", "麦积区");
        // asking for another prefecture does not widen the scope
        assertThat(mvc.get().uri("/review?status=&prefecture=" + TIANSHUI).with(user(baiyin)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("秦州区", "麦积区", "白银区")
                .contains("没有符合条件的报告");
        assertThat(mvc.get().uri("/review?status=&prefecture=620000").with(user(baiyin)))
                .hasStatusOk()
                .bodyText()
                .contains("白银区")
                .doesNotContain("秦州区");
        // the service, asked for every area, keeps to the scope too
        Page<QueueRow> page =
                queue.queue(new ReviewQueue.Filter(null, null, null), PageRequest.of(0, 1000), baiyin.toViewer());
        assertThat(page.getContent()).extracting(QueueRow::countyCode).allMatch(c -> c.startsWith("6204"));
    }

    @Test
    void filtersByYearStatusAndPrefecture() {
        assertThat(mvc.get().uri("/review?year=2016").with(user(province)))
                .bodyText()
                .contains("平川区")
                .doesNotContain("白银区", "秦州区");
        assertThat(mvc.get().uri("/review?status=DRAFT&year=2015").with(user(province)))
                .bodyText()
                .contains("靖远县", "麦积区")
                .doesNotContain("白银区", "秦州区", "平川区");
        assertThat(mvc.get().uri("/review?status=&prefecture=" + TIANSHUI).with(user(province)))
                .bodyText()
                .contains("秦州区", "麦积区")
                .doesNotContain("白银区", "平川区", "靖远县");
        // a national reviewer narrows the country to a prefecture
        PortalUser national = TestUsers.user(accounts, "queue-reviewer-national", Role.REVIEWER, null);
        assertThat(mvc.get().uri("/review?prefecture=" + TIANSHUI).with(user(national)))
                .bodyText()
                .contains("秦州区")
                .doesNotContain("白银区", "麦积区");
    }

    @Test
    void pagesKeepTheOrderSubmittedFirstOldestFirst() {
        Viewer viewer = province.toViewer();
        ReviewQueue.Filter all = new ReviewQueue.Filter(2015, null, "620000");
        Page<QueueRow> first = queue.queue(all, PageRequest.of(0, 2), viewer);
        assertThat(first.getTotalElements()).isEqualTo(4);
        assertThat(first.getTotalPages()).isEqualTo(2);
        assertThat(first.getContent()).extracting(QueueRow::countyName).containsExactly("白银区", "秦州区");
        assertThat(first.getContent()).allMatch(r -> r.status() == ReportStatus.SUBMITTED && r.late());
        Page<QueueRow> second = queue.queue(all, PageRequest.of(1, 2), viewer);
        assertThat(second.getContent()).extracting(QueueRow::countyName).containsExactly("靖远县", "麦积区");
        assertThat(queue.queue(all, PageRequest.of(2, 2), viewer).getContent()).isEmpty();
        // over HTTP: a page past the end is an empty page, not an error
        assertThat(mvc.get().uri("/review?page=7").with(user(province)))
                .hasStatusOk()
                .bodyText()
                .contains("没有符合条件的报告");
    }

    @Test
    void theQueueIsForReviewersAndAdministrators() {
        assertThat(mvc.get().uri("/review?status=").with(user(TestUsers.demo(accounts, "demo-admin"))))
                .hasStatusOk()
                .bodyText()
                .contains("白银区", "秦州区");
        PortalUser clerk = TestUsers.user(accounts, "queue-clerk-620402", Role.COUNTY_STAFF, "620402");
        assertThat(mvc.get().uri("/review").with(user(clerk))).hasStatus(HttpStatus.FORBIDDEN);
    }

    private PortalUser clerkOf(String county) {
        return TestUsers.user(accounts, "queue-clerk-" + county, Role.COUNTY_STAFF, county);
    }

    private void draft(String county, int year) {
        reports.openDraft(county, year, clerkOf(county).toViewer());
    }

    private void submitted(String county, int year) {
        Viewer clerk = clerkOf(county).toViewer();
        reports.openDraft(county, year, clerk);
        var report = reports.find(county, year, clerk).orElseThrow();
        if (report.status() != ReportStatus.DRAFT) {
            return;
        }
        entries.saveNarrative(
                county,
                year,
                report.version(),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                clerk);
        assertThat(workflow.submit(
                        county,
                        year,
                        reports.find(county, year, clerk).orElseThrow().version(),
                        clerk,
                        Locale.SIMPLIFIED_CHINESE))
                .isEqualTo(List.of());
    }
}
