package cn.fazhi.portal.inspection;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.FindingDetails;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.InspectionAccess;
import cn.fazhi.portal.inspection.internal.InspectionDetails;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the inspection pages offer to choose from: counties and prefectures in scope, the catalogue of a year. */
@Component
class InspectionPages {

    /** A county or prefecture to pick, named with the prefecture it lies in. */
    record Choice(String code, String label) {}

    private final RegionService regions;
    private final CatalogService catalog;
    private final ReportingCalendar calendar;
    private final InspectionAccess access;

    InspectionPages(
            RegionService regions, CatalogService catalog, ReportingCalendar calendar, InspectionAccess access) {
        this.regions = regions;
        this.catalog = catalog;
        this.calendar = calendar;
        this.access = access;
    }

    int currentYear() {
        return calendar.today().getYear();
    }

    java.time.LocalDate today() {
        return calendar.today();
    }

    /** The counties in the viewer's scope; empty for a national scope (the code is typed then). */
    List<Choice> countiesOf(Viewer viewer) {
        return within(viewer, RegionLevel.COUNTY);
    }

    /** The prefectures in the viewer's scope; empty for a national scope or a clerk. */
    List<Choice> prefecturesOf(Viewer viewer) {
        return viewer.is(Role.COUNTY_STAFF) ? List.of() : within(viewer, RegionLevel.PREFECTURE);
    }

    private List<Choice> within(Viewer viewer, RegionLevel level) {
        List<String> scope = access.scopeOf(viewer);
        if (scope == null) {
            return List.of();
        }
        Map<String, RegionView> all = regions.findAll(scope);
        return all.values().stream()
                .filter(r -> r.level() == level)
                .sorted(Comparator.comparing(RegionView::code))
                .map(r -> new Choice(r.code(), label(r, all)))
                .toList();
    }

    private static String label(RegionView region, Map<String, RegionView> all) {
        RegionView prefecture = region.prefectureCode() == null || region.level() != RegionLevel.COUNTY
                ? null
                : all.get(region.prefectureCode());
        return (prefecture == null ? "" : prefecture.name() + " ") + region.name();
    }

    String findingForm(FindingForm form, InspectionDetails inspection, FindingDetails finding, Model model) {
        // replacing the bound form object would drop its BindingResult, and with it the field errors
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        Catalog edition = catalog.forYear(inspection.year());
        model.addAttribute("inspection", inspection);
        model.addAttribute("finding", finding);
        model.addAttribute("severities", FindingSeverity.values());
        model.addAttribute("catalog", edition);
        return "inspection/finding-form";
    }
}
