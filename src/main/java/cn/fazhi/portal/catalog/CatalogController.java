package cn.fazhi.portal.catalog;

import java.time.Clock;
import java.time.LocalDate;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public catalogue page: every section's indicators with unit, kind, direction, target and definition. */
@Controller
class CatalogController {

    private final CatalogService catalogs;
    private final Clock clock;

    CatalogController(CatalogService catalogs, Clock clock) {
        this.catalogs = catalogs;
        this.clock = clock;
    }

    @GetMapping("/catalog")
    String catalog(@RequestParam(required = false) Integer year, Model model) {
        // in the reporting season (January to March) counties report the year just ended
        int reportingYear = LocalDate.now(clock).getYear() - 1;
        int shown = year == null || year < 2000 || year > 2100 ? reportingYear : year;
        model.addAttribute("catalog", catalogs.forYear(shown));
        return "catalog/catalog";
    }
}
