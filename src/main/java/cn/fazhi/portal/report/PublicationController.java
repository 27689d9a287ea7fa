package cn.fazhi.portal.report;

import cn.fazhi.portal.config.ListPages;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public list of a year's publications (公开情况): every county of the country, a province or a
 * prefecture with its state against the deadline, the date and where to read the report. Anyone
 * may read it; who has not published by the deadline is public information.
 */
@Controller
class PublicationController {

    /** Counties a page: a province fits on one or two, the country's 2,845 take fifteen. */
    static final int PAGE_SIZE = 200;

    private final ReportPublications publications;
    private final RegionService regions;
    private final ReportService reports;

    PublicationController(ReportPublications publications, RegionService regions, ReportService reports) {
        this.publications = publications;
        this.regions = regions;
        this.reports = reports;
    }

    @GetMapping("/publications/{year}")
    String year(
            @PathVariable String year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) PublicationState state,
            @RequestParam(required = false) String page,
            Model model) {
        int latest = reports.reportingYear();
        if (!year.matches("\\d{4}")
                || Integer.parseInt(year) < ReportService.FIRST_YEAR
                || Integer.parseInt(year) > latest) {
            throw notFound();
        }
        RegionView chosen = null;
        if (area != null && !area.isBlank()) {
            chosen = regions.find(area.strip())
                    .filter(r -> r.level() != RegionLevel.COUNTY)
                    .orElseThrow(PublicationController::notFound);
        }
        PublicationState filter = state;
        ReportPublications.YearList list = publications.yearList(Integer.parseInt(year), chosen);
        List<ReportPublications.YearRow> shown = list.rows().stream()
                .filter(r -> filter == null || r.state() == filter)
                .toList();
        model.addAttribute("list", list);
        model.addAttribute("rows", ListPages.of(shown, page, PAGE_SIZE));
        model.addAttribute("area", chosen);
        model.addAttribute("state", filter);
        model.addAttribute("states", PublicationState.values());
        model.addAttribute("areas", regions.areaChoices(chosen == null ? null : chosen.code(), true));
        model.addAttribute(
                "years",
                java.util.stream.IntStream.rangeClosed(ReportService.FIRST_YEAR, latest)
                        .map(y -> latest + ReportService.FIRST_YEAR - y)
                        .boxed()
                        .toList());
        return "report/publications";
    }

    private static NotFoundException notFound() {
        return new NotFoundException();
    }
}
