package cn.fazhi.portal.web;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.inspection.InspectionService;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import java.util.Locale;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class HomeController {

    private final RegionService regions;
    private final ReportService reports;
    private final ReportEntryService entries;
    private final InspectionService inspections;

    HomeController(RegionService regions, ReportService reports, ReportEntryService entries,
            InspectionService inspections) {
        this.regions = regions;
        this.reports = reports;
        this.entries = entries;
        this.inspections = inspections;
    }

    /**
     * A clerk sees where this year's report stands (status, days to the deadline, what is left to
     * do) and the county's inspection findings not yet accepted, with their days left or late.
     */
    @GetMapping("/")
    String home(@AuthenticationPrincipal PortalUser user, Locale locale, Model model) {
        if (user != null && user.getRole() == Role.COUNTY_STAFF) {
            regions.findCounty(user.getScopeRegionCode()).ifPresent(county -> {
                int year = reports.reportingYear();
                model.addAttribute("ownCounty", county);
                model.addAttribute("reportingYear", year);
                model.addAttribute("progress", entries.progress(county.code(), year, Viewer.of(user), locale));
                model.addAttribute("openFindings", inspections.openFindingsOf(county.code(), Viewer.of(user), locale));
            });
        }
        return "home";
    }
}
