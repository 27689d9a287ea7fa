package cn.fazhi.portal.catalog;

import cn.fazhi.portal.config.ReportingCalendar;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalogue page: every section's indicators with unit, kind, direction, target and definition. */
@Controller
class CatalogController {

    private final CatalogService catalogs;
    private final ReportingCalendar calendar;

    CatalogController(CatalogService catalogs, ReportingCalendar calendar) {
        this.catalogs = catalogs;
        this.calendar = calendar;
    }

    @GetMapping("/catalog")
    String catalog(@RequestParam(required = false) Integer year, Model model) {
        int shown = year == null || year < 2000 || year > 2100 ? calendar.reportingYear() : year;
        model.addAttribute("catalog", catalogs.forYear(shown));
        return "catalog/catalog";
    }
}
