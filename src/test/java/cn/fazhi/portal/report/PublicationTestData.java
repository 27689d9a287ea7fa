package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Approved reports of 海北藏族自治州 (632200: 门源 632221, 祁连 632222, 海晏 632223, 刚察 632224) and
 * 黄南藏族自治州 (632300), which no other test uses, approved at a chosen moment: the clock is
 * moved there for the approval and put back.
 */
public final class PublicationTestData {

    public static final String PREFECTURE = "632200";
    public static final String MENYUAN = "632221";
    public static final String QILIAN = "632222";
    public static final String HAIYAN = "632223";
    public static final String GANGCHA = "632224";
    public static final int YEAR = 2020;

    private final ReportService reports;
    private final ReportEntryService entries;
    private final ReportWorkflow workflow;
    private final AccountService accounts;
    private final TestClock clock;

    public PublicationTestData(
            ReportService reports,
            ReportEntryService entries,
            ReportWorkflow workflow,
            AccountService accounts,
            TestClock clock) {
        this.reports = reports;
        this.entries = entries;
        this.workflow = workflow;
        this.accounts = accounts;
        this.clock = clock;
    }

    public PortalUser clerkOf(String county) {
        return TestUsers.user(accounts, "publication-clerk-" + county, Role.COUNTY_STAFF, county);
    }

    /** A reviewer of the province 青海省. */
    public PortalUser reviewer() {
        return TestUsers.user(accounts, "publication-reviewer-630000", Role.REVIEWER, "630000");
    }

    /** The county's report of the year, approved at that moment unless it is approved already. */
    public void approvedAt(String county, int year, Instant at) {
        Viewer admin = TestUsers.demo(accounts, "demo-admin").toViewer();
        if (reports.find(county, year, admin)
                .map(r -> r.status() == ReportStatus.APPROVED)
                .orElse(false)) {
            return;
        }
        Viewer clerk = clerkOf(county).toViewer();
        clock.advance(Duration.between(Instant.now(), at));
        try {
            reports.openDraft(county, year, clerk);
            entries.saveNarrative(
                    county,
                    year,
                    reports.find(county, year, admin).orElseThrow().version(),
                    Map.of(
                            "measures",
                            "公开测试措施",
                            "problems",
                            "公开测试问题",
                            "nextYearPlan",
                            "公开测试计划",
                            "leadersDuty",
                            "公开测试述法"),
                    clerk);
            assertThat(workflow.submit(
                            county,
                            year,
                            reports.find(county, year, admin).orElseThrow().version(),
                            clerk,
                            Locale.SIMPLIFIED_CHINESE))
                    .isEmpty();
            workflow.approve(
                    county,
                    year,
                    reports.find(county, year, admin).orElseThrow().version(),
                    reviewer().toViewer());
        } finally {
            clock.reset();
        }
    }

    /**
     * The four counties of 海北 for {@link #YEAR}: 门源 approved on 20 March 2021, 祁连 at 00:30 on 2
     * April in Beijing (still 1 April in UTC), 海晏 at 23:30 on 1 April in Beijing, 刚察 on 20 March.
     */
    public void haibei() {
        approvedAt(MENYUAN, YEAR, Instant.parse("2021-03-20T02:00:00Z"));
        approvedAt(QILIAN, YEAR, Instant.parse("2021-04-01T16:30:00Z"));
        approvedAt(HAIYAN, YEAR, Instant.parse("2021-04-01T15:30:00Z"));
        approvedAt(GANGCHA, YEAR, Instant.parse("2021-03-20T02:00:00Z"));
    }
}
