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
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** A clerk who edits the county code in a form reaches nothing but their own county. */
@PortalTest
class ReportTamperingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    ReportService reportService;

    @Autowired
    AuditService audit;

    @Test
    void aClerkPostingAnotherCountysCodeChangesNothing() {
        PortalUser luxiClerk = TestUsers.demo(accounts, "demo-clerk");
        int year = reportService.reportingYear();
        // 麒麟区 has no report of that year, and nobody but its own clerk may open one
        assertThat(reports.existsByCountyCodeAndYear("530302", year)).isFalse();
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(csrf())
                        .with(user(luxiClerk))
                        .param("countyCode", "530302")
                        .param("year", Integer.toString(year)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(csrf())
                        .with(user(TestUsers.demo(accounts, "demo-reviewer")))
                        .param("countyCode", "530302")
                        .param("year", Integer.toString(year)))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(csrf())
                        .with(user(luxiClerk))
                        .param("countyCode", "999999")
                        .param("year", Integer.toString(year)))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(reports.existsByCountyCodeAndYear("530302", year)).isFalse();
    }

    @Test
    void theClerkOpensTheirOwnCountysReportOnceAndItIsAudited() {
        PortalUser clerk = TestUsers.user(accounts, "xuanwei-clerk", Role.COUNTY_STAFF, "530381");
        int year = reportService.reportingYear();
        assertThat(mvc.get().uri("/counties/530381").with(user(clerk)))
                .bodyText()
                .contains("开始填报");
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(csrf())
                        .with(user(clerk))
                        .param("countyCode", "530381")
                        .param("year", Integer.toString(year)))
                .redirectedUrl()
                .isEqualTo("/counties/530381/reports/" + year);
        // a second click lands on the same report
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(csrf())
                        .with(user(clerk))
                        .param("countyCode", "530381")
                        .param("year", Integer.toString(year)))
                .hasStatus(HttpStatus.FOUND);
        AnnualReport draft = reports.findByCountyCodeAndYear("530381", year).orElseThrow();
        assertThat(draft.getStatus()).isEqualTo(ReportStatus.DRAFT);
        assertThat(audit.historyOf("AnnualReport", draft.getId().toString()))
                .extracting(AuditEntry::action)
                .containsExactly("REPORT_CREATED");
        // a future year cannot be opened
        assertThat(mvc.post()
                        .uri("/reports")
                        .with(csrf())
                        .with(user(clerk))
                        .param("countyCode", "530381")
                        .param("year", Integer.toString(year + 1)))
                .hasStatus(HttpStatus.BAD_REQUEST);
        // and the draft stays invisible to the public
        assertThat(mvc.get().uri("/counties/530381/reports/" + year)).hasStatus(HttpStatus.NOT_FOUND);
    }
}
