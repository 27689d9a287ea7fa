package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ReportingCalendar;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of the coverage threshold per year (排名覆盖率门槛). */
@Controller
class ScoringSettingController {

    private final ScoringSettingService settings;
    private final ReportingCalendar calendar;

    ScoringSettingController(ScoringSettingService settings, ReportingCalendar calendar) {
        this.settings = settings;
        this.calendar = calendar;
    }

    /** With {@code year}, the form starts from that year's threshold. */
    @GetMapping("/admin/scoring")
    String page(@RequestParam(required = false) String year, Viewer viewer, Model model) {
        Integer chosen = ScoringSettingService.year(year);
        int shown = chosen == null ? calendar.reportingYear() : chosen;
        return page(model, Integer.toString(shown), settings.typed(shown), Map.of(), viewer);
    }

    @PostMapping("/admin/scoring")
    String set(@RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String threshold,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Map<String, String> errors = settings.set(year, threshold, viewer);
        if (!errors.isEmpty()) {
            return page(model, year, threshold, errors, viewer);
        }
        redirect.addFlashAttribute("flash", "scoringAdmin.saved");
        return "redirect:/admin/scoring";
    }

    private String page(Model model, String year, String threshold, Map<String, String> errors, Viewer viewer) {
        model.addAttribute("thresholds", settings.thresholds(calendar.reportingYear(), viewer));
        model.addAttribute("defaultPercent", ScoringSettingService.percent(ScoringSettingService.DEFAULT_THRESHOLD));
        model.addAttribute("year", year);
        model.addAttribute("threshold", threshold);
        model.addAttribute("errors", errors);
        return "catalog/admin-scoring";
    }
}
