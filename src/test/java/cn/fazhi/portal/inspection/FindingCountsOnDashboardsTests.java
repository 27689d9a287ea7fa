package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The findings a county has still to rectify, on the status board and the county profile, for
 * those who may see them: 元江县 (530428) with one open finding and two awaiting acceptance.
 */
@PortalTest
class FindingCountsOnDashboardsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    InspectionService inspections;

    @Autowired
    FindingWorkflow workflow;

    @Autowired
    ReportingCalendar calendar;

    @Autowired
    cn.fazhi.portal.region.RegionService regions;

    @Test
    void theStatusBoardAndTheProfileCountOpenFindingsForThoseInScopeOnly() {
        PortalUser reviewer = TestUsers.user(accounts, "counts-reviewer-yuxi", Role.REVIEWER, "530400");
        PortalUser clerk = TestUsers.user(accounts, "counts-clerk-530428", Role.COUNTY_STAFF, "530428");
        if (inspections.findingCountsOf(regionOf(reviewer), reviewer.toViewer()).open() == 0) {
            InspectionFixtures.recorded(
                    inspections, workflow, "530428", reviewer.toViewer(), clerk.toViewer(), calendar.today());
        }
        assertThat(mvc.get().uri("/dashboards/status?area=530400").with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("/findings?county=530428");
        assertThat(mvc.get().uri("/dashboards/counties/530428").with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("3 个督察问题未整改完毕，其中 0 个已逾期");
        // inspections are not public, nor another prefecture's business
        assertThat(mvc.get().uri("/dashboards/counties/530428"))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("督察问题未整改完毕");
        PortalUser outsider = TestUsers.user(accounts, "counts-reviewer-baoshan", Role.REVIEWER, "530500");
        assertThat(inspections
                        .findingCountsByCounty(java.util.List.of("530428"), outsider.toViewer())
                        .get("530428")
                        .open())
                .isZero();
    }

    private cn.fazhi.portal.region.RegionView regionOf(PortalUser reviewer) {
        return regions.findCounty("530428").orElseThrow();
    }
}
