package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.config.ReportingCalendar;
import jakarta.validation.Valid;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
        Integer chosen = ThresholdForm.yearOf(year);
        int shown = chosen == null ? calendar.reportingYear() : chosen;
        model.addAttribute("form", new ThresholdForm(Integer.toString(shown), settings.typed(shown)));
        return page(model, viewer);
    }

    @PostMapping("/admin/scoring")
    String set(
            @Valid @ModelAttribute("form") ThresholdForm form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        String done = FormSubmission.submit(result, settings.refusals(form), redirect, "scoringAdmin.saved", () -> {
            settings.set(form.yearNumber(), form, viewer);
            return "redirect:/admin/scoring";
        });
        return done != null ? done : page(model, viewer);
    }

    /** The page; the model holds the threshold's {@code form}. */
    private String page(Model model, Viewer viewer) {
        model.addAttribute("thresholds", settings.thresholds(calendar.reportingYear(), viewer));
        model.addAttribute("defaultPercent", ScoringSettingService.percent(ScoringSettingService.DEFAULT_THRESHOLD));
        return "catalog/admin-scoring";
    }
}
