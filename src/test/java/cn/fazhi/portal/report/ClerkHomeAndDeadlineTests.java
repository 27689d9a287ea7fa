package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The clerk's home page, the deadlines administrators set, and a value's history. */
@PortalTest
class ClerkHomeAndDeadlineTests {

    private static final String COUNTY = "530181";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Autowired
    ReportingPeriods periods;

    @Test
    void theClerksHomeShowsWhereThisYearsReportStands() {
        PortalUser clerk = TestUsers.user(accounts, "home-clerk-anning", Role.COUNTY_STAFF, COUNTY);
        int year = reports.reportingYear();
        assertThat(mvc.get().uri("/").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("安宁市 " + year + " 年度报告", "本年度报告尚未开始填报");
        reports.openDraft(COUNTY, year, clerk.toViewer());
        String edit = "/counties/" + COUNTY + "/reports/" + year + "/edit";
        assertThat(mvc.post()
                        .uri(edit)
                        .with(csrf())
                        .with(user(clerk))
                        .param("section", "CAPACITY")
                        .param("version", "0")
                        .param("values[CAP_LAWYER_UNITS]", "30")
                        .param("values[CAP_UNITS]", "24"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("草稿", "报送截止 " + periods.deadlineOf(year), "1 个错误", "/ 112 项", edit);
    }

    @Test
    void anAdministratorMovesAYearsDeadlineForEveryReportOfThatYear() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        assertThat(mvc.post()
                        .uri("/admin/deadlines")
                        .with(csrf())
                        .with(user(admin))
                        .param("year", "2014")
                        .param("deadline", "2015-02-15"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(periods.deadlineOf(2014)).isEqualTo(LocalDate.of(2015, 2, 15));
        assertThat(mvc.get().uri("/admin/deadlines").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("2015-02-15");
        // a deadline inside the year it closes is refused and shown back
        assertThat(mvc.post()
                        .uri("/admin/deadlines")
                        .with(csrf())
                        .with(user(admin))
                        .param("year", "2014")
                        .param("deadline", "2014-12-01"))
                .hasStatusOk()
                .bodyText()
                .contains("截止日期须在该年度结束之后", "value=\"2014-12-01\"");
        assertThat(mvc.post()
                        .uri("/admin/deadlines")
                        .with(csrf())
                        .with(user(admin))
                        .param("year", "二〇一四")
                        .param("deadline", "2015-02-15"))
                .hasStatusOk()
                .bodyText()
                .contains("请填写四位年份和日期", "value=\"二〇一四\"");
        assertThat(periods.deadlineOf(2014)).isEqualTo(LocalDate.of(2015, 2, 15));
        assertThat(mvc.post()
                        .uri("/admin/deadlines")
                        .with(csrf())
                        .with(user(TestUsers.demo(accounts, "demo-reviewer")))
                        .param("year", "2014")
                        .param("deadline", "2015-03-15"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void aValuesHistoryIsShownToThoseWhoSeeTheCountysWork() {
        String county = "530323";
        PortalUser clerk = TestUsers.user(accounts, "history-clerk-shizong", Role.COUNTY_STAFF, county);
        int year = reports.reportingYear();
        reports.openDraft(county, year, clerk.toViewer());
        int version = reports.find(county, year, clerk.toViewer()).orElseThrow().version();
        mvc.post()
                .uri("/counties/" + county + "/reports/" + year + "/edit")
                .with(csrf())
                .with(user(clerk))
                .param("section", "LEADERSHIP")
                .param("version", Integer.toString(version))
                .param("values[LEA_GOV_MEETINGS]", "6")
                .exchange();
        String history = "/counties/" + county + "/reports/" + year + "/history?indicator=LEA_GOV_MEETINGS";
        assertThat(mvc.get().uri(history).with(user(TestUsers.demo(accounts, "demo-reviewer"))))
                .hasStatusOk()
                .bodyText()
                .contains("history-clerk-shizong", "&quot;value&quot;: &quot;6&quot;");
        assertThat(mvc.get().uri(history).with(user(TestUsers.demo(accounts, "demo-clerk"))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }
}
