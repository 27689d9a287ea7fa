package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's catalogue pages: indicators, the targets of a year, validation rules. */
@Controller
class CatalogAdminController {

    private final CatalogAdminService admin;
    private final ReportingCalendar calendar;

    CatalogAdminController(CatalogAdminService admin, ReportingCalendar calendar) {
        this.admin = admin;
        this.calendar = calendar;
    }

    @GetMapping("/admin/catalog")
    String indicators(Viewer viewer, Model model) {
        model.addAttribute("rows", admin.indicators(viewer));
        model.addAttribute("sections", admin.sections());
        return "catalog/admin-indicators";
    }

    @GetMapping("/admin/catalog/indicators/new")
    String newIndicator(Viewer viewer, Model model) {
        return newForm(model, IndicatorForm.blank(calendar.reportingYear()), viewer);
    }

    @PostMapping("/admin/catalog/indicators")
    String addIndicator(
            @Valid @ModelAttribute("form") IndicatorForm form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        String done = CatalogForms.submit(
                result,
                admin.refusals(form),
                () -> "redirect:/admin/catalog/indicators/"
                        + admin.add(form, viewer).code());
        if (done == null) {
            return newForm(model, form, viewer);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.added");
        return done;
    }

    @GetMapping("/admin/catalog/indicators/{code}")
    String indicator(@PathVariable String code, Viewer viewer, Model model) {
        CatalogAdminService.IndicatorRow row = admin.indicator(code, viewer);
        return editForm(model, row, IndicatorTextsForm.of(row.indicator()));
    }

    @PostMapping("/admin/catalog/indicators/{code}")
    String editIndicator(
            @PathVariable String code,
            @Valid @ModelAttribute("form") IndicatorTextsForm form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        CatalogAdminService.IndicatorRow row = admin.indicator(code, viewer);
        String done = CatalogForms.submit(result, List.of(), () -> {
            admin.editTexts(code, form, viewer);
            return "redirect:/admin/catalog/indicators/" + code;
        });
        if (done == null) {
            return editForm(model, row, form);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.saved");
        return done;
    }

    @PostMapping("/admin/catalog/indicators/{code}/per-capita")
    String perCapita(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String perCapita,
            Viewer viewer,
            RedirectAttributes redirect) {
        flashOutcome(redirect, admin.setPerCapita(code, perCapita, viewer), "catalogAdmin.saved");
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/retire")
    String retire(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String fromYear,
            Viewer viewer,
            RedirectAttributes redirect) {
        flashOutcome(redirect, admin.retire(code, fromYear, viewer), "catalogAdmin.retired");
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/restore")
    String restore(@PathVariable String code, Viewer viewer, RedirectAttributes redirect) {
        admin.restore(code, viewer);
        redirect.addFlashAttribute("flash", "catalogAdmin.restored");
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/delete")
    String delete(@PathVariable String code, Viewer viewer, RedirectAttributes redirect) {
        String refused = admin.delete(code, viewer);
        if (refused != null) {
            redirect.addFlashAttribute("flashError", refused);
            return "redirect:/admin/catalog/indicators/" + code;
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.deleted");
        return "redirect:/admin/catalog";
    }

    @GetMapping("/admin/catalog/targets")
    String targets(
            @RequestParam(required = false) String year,
            @RequestParam(defaultValue = "false") boolean copy,
            Viewer viewer,
            Model model) {
        int shown = year(year);
        List<CatalogAdminService.TargetRow> rows = admin.targets(shown, copy, viewer);
        model.addAttribute("form", TargetsForm.of(shown, rows));
        return targetsForm(model, shown, rows);
    }

    @PostMapping("/admin/catalog/targets")
    String saveTargets(
            @Valid @ModelAttribute("form") TargetsForm form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        if (form == null || result.getTarget() == null || form.year() == null) {
            // no year, or a text where the maps go (no form is left to show again): no page sends that
            throw new RuleRefusedException("the targets' form without a year or with a text for a map");
        }
        int shown = year(form.year());
        String done = CatalogForms.submit(result, admin.refusals(shown, form), () -> {
            admin.saveTargets(shown, form, viewer);
            return "redirect:/admin/catalog/targets?year=" + shown;
        });
        if (done == null) {
            return targetsForm(model, shown, admin.targets(shown, false, viewer));
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.targetsSaved");
        return done;
    }

    @GetMapping("/admin/catalog/rules")
    String rules(Viewer viewer, Model model) {
        model.addAttribute("rules", admin.rules(viewer));
        return "catalog/admin-rules";
    }

    @GetMapping("/admin/catalog/rules/new")
    String newRule(Viewer viewer, Model model) {
        RuleForm form = RuleForm.blank(calendar.reportingYear());
        model.addAttribute("form", form);
        return ruleForm(model, form, true, null, null, viewer);
    }

    /** Adds a rule; with {@code preview}, shows the approved reports it would flag instead. */
    @PostMapping("/admin/catalog/rules")
    String addRule(
            @Valid @ModelAttribute("form") RuleForm form,
            BindingResult result,
            @RequestParam(required = false) String preview,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        if (preview != null) {
            CatalogForms.reject(result, admin.refusals(form));
            return ruleForm(
                    model, form, true, null, result.hasErrors() ? null : admin.preview(form, null, viewer), viewer);
        }
        String done = CatalogForms.submit(result, admin.refusals(form), () -> {
            admin.addRule(form, viewer);
            return "redirect:/admin/catalog/rules";
        });
        if (done == null) {
            return ruleForm(model, form, true, null, null, viewer);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.ruleAdded");
        return done;
    }

    @GetMapping("/admin/catalog/rules/{code}")
    String rule(@PathVariable String code, Viewer viewer, Model model) {
        CatalogAdminService.RuleRow row = admin.rule(code, viewer);
        RuleForm stored = admin.ruleForm(code, viewer);
        model.addAttribute("form", new RuleTextsForm(stored.severity(), stored.messageZh(), stored.messageEn()));
        return ruleForm(model, stored, false, row, admin.preview(stored, row.lastYear(), viewer), viewer);
    }

    /** Edits a rule's severity and messages: its code, indicators and years are not edited here. */
    @PostMapping("/admin/catalog/rules/{code}")
    String editRule(
            @PathVariable String code,
            @Valid @ModelAttribute("form") RuleTextsForm texts,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        CatalogAdminService.RuleRow row = admin.rule(code, viewer);
        String done = CatalogForms.submit(result, List.of(), () -> {
            admin.editRule(code, texts, viewer);
            return "redirect:/admin/catalog/rules/" + code;
        });
        if (done == null) {
            return ruleForm(model, admin.ruleForm(code, viewer), false, row, null, viewer);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.saved");
        return done;
    }

    @PostMapping("/admin/catalog/rules/{code}/retire")
    String retireRule(
            @PathVariable String code,
            @RequestParam(defaultValue = "") String fromYear,
            Viewer viewer,
            RedirectAttributes redirect) {
        flashOutcome(redirect, admin.retireRule(code, fromYear, viewer), "catalogAdmin.retired");
        return "redirect:/admin/catalog/rules/" + code;
    }

    private String newForm(Model model, IndicatorForm form, Viewer viewer) {
        model.addAttribute("form", form);
        model.addAttribute("sections", admin.sections());
        // a computed rate's parts are counts or amounts
        model.addAttribute(
                "parts",
                admin.indicators(viewer).stream()
                        .filter(r -> r.indicator().kind() != IndicatorKind.RATE)
                        .toList());
        return "catalog/admin-indicator-new";
    }

    private String editForm(Model model, CatalogAdminService.IndicatorRow row, IndicatorTextsForm form) {
        model.addAttribute("row", row);
        model.addAttribute("form", form);
        model.addAttribute("nextYear", calendar.reportingYear() + 1);
        model.addAttribute(
                "valuesFromNextYear", admin.valuesFrom(row.indicator().code(), calendar.reportingYear() + 1));
        return "catalog/admin-indicator";
    }

    private String targetsForm(Model model, int year, List<CatalogAdminService.TargetRow> rows) {
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("operators", Comparison.values());
        return "catalog/admin-targets";
    }

    /**
     * The rule's page: the model holds its {@code form} (a new rule, or a stored one's severity and
     * messages); {@code rule} is the rule shown (as typed when new, as stored otherwise).
     */
    private String ruleForm(
            Model model,
            RuleForm rule,
            boolean isNew,
            CatalogAdminService.RuleRow row,
            List<CatalogUsage.RuleViolation> violations,
            Viewer viewer) {
        model.addAttribute("rule", rule);
        model.addAttribute("indicators", admin.indicators(viewer));
        model.addAttribute("isNew", isNew);
        model.addAttribute("row", row);
        model.addAttribute("violations", violations);
        model.addAttribute("operators", Comparison.values());
        model.addAttribute("nextYear", calendar.reportingYear() + 1);
        return "catalog/admin-rule";
    }

    private int year(String typed) {
        Integer year = CatalogAdminService.parseYear(typed);
        return year == null ? calendar.reportingYear() : year;
    }

    /** The service's refusal (a message key) as the page's error, or its success message. */
    private static void flashOutcome(RedirectAttributes redirect, String refused, String doneKey) {
        redirect.addFlashAttribute(refused == null ? "flash" : "flashError", refused == null ? doneKey : refused);
    }
}
