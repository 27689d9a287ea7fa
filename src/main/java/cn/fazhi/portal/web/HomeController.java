package cn.fazhi.portal.web;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.inspection.InspectionService;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportPublications;
import cn.fazhi.portal.report.ReportService;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class HomeController {

    private final RegionService regions;
    private final ReportService reports;
    private final ReportEntryService entries;
    private final InspectionService inspections;
    private final ReportPublications publications;

    HomeController(
            RegionService regions,
            ReportService reports,
            ReportEntryService entries,
            InspectionService inspections,
            ReportPublications publications) {
        this.publications = publications;
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
    String home(Viewer viewer, @RequestParam(required = false) String q, Locale locale, Model model) {
        addPublications(q, model);
        if (viewer.is(Role.COUNTY_STAFF)) {
            regions.findCounty(viewer.scopeRegionCode()).ifPresent(county -> {
                int year = reports.reportingYear();
                model.addAttribute("ownCounty", county);
                model.addAttribute("reportingYear", year);
                model.addAttribute("progress", entries.progress(county.code(), year, viewer, locale));
                model.addAttribute("openFindings", inspections.openFindingsOf(county.code(), viewer, locale));
            });
        }
        return "home";
    }

    // --- issue 18: the public site's latest publications and county search ---

    /** How many recorded publications the home page lists. */
    static final int LATEST = 10;
    /** How many counties a search lists (a name part such as 城 matches hundreds). */
    static final int SEARCH_LIMIT = 20;
    /** A county's name is at most a few characters; a code is six digits. */
    static final int SEARCH_MAX_LENGTH = 50;

    /** A county found, with the areas above it to tell counties of the same name apart. */
    record Found(RegionView county, String areas) {}

    private void addPublications(String q, Model model) {
        model.addAttribute("latestPublications", publications.latest(LATEST));
        model.addAttribute("publicationYear", reports.reportingYear());
        if (q == null) {
            return;
        }
        model.addAttribute("q", q);
        String typed = q.strip();
        if (typed.isEmpty()) {
            model.addAttribute("searchError", "search.empty");
        } else if (typed.length() > SEARCH_MAX_LENGTH) {
            model.addAttribute("searchError", "search.tooLong");
        } else {
            List<RegionView> found = regions.searchCounties(typed, SEARCH_LIMIT + 1);
            model.addAttribute(
                    "found",
                    found.stream()
                            .limit(SEARCH_LIMIT)
                            .map(c -> new Found(
                                    c,
                                    regions.pathTo(c).stream()
                                            .filter(r -> !r.isCounty())
                                            .map(RegionView::name)
                                            .collect(java.util.stream.Collectors.joining(" "))))
                            .toList());
            model.addAttribute("foundMore", found.size() > SEARCH_LIMIT);
        }
    }
}
