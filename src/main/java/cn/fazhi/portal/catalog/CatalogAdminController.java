package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ReportingCalendar;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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
        return newForm(model, IndicatorForm.blank(calendar.reportingYear()), Map.of(), viewer);
    }

    @PostMapping("/admin/catalog/indicators")
    String addIndicator(@ModelAttribute IndicatorForm form, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Map<String, String> errors = admin.add(form, viewer);
        if (!errors.isEmpty()) {
            return newForm(model, form, errors, viewer);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.added");
        return "redirect:/admin/catalog/indicators/" + form.code();
    }

    @GetMapping("/admin/catalog/indicators/{code}")
    String indicator(@PathVariable String code, Viewer viewer, Model model) {
        CatalogAdminService.IndicatorRow row = admin.indicator(code, viewer);
        IndicatorDef i = row.indicator();
        return editForm(model, row, Map.of("nameZh", i.nameZh(), "nameEn", i.nameEn(),
                "definitionZh", i.definitionZh() == null ? "" : i.definitionZh(),
                "definitionEn", i.definitionEn() == null ? "" : i.definitionEn()), Map.of());
    }

    @PostMapping("/admin/catalog/indicators/{code}")
    String editIndicator(@PathVariable String code, @RequestParam(defaultValue = "") String nameZh,
            @RequestParam(defaultValue = "") String nameEn, @RequestParam(defaultValue = "") String definitionZh,
            @RequestParam(defaultValue = "") String definitionEn, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        Map<String, String> errors = admin.editTexts(code, nameZh, nameEn, definitionZh, definitionEn, viewer);
        if (!errors.isEmpty()) {
            return editForm(model, admin.indicator(code, viewer), Map.of("nameZh", nameZh, "nameEn", nameEn,
                    "definitionZh", definitionZh, "definitionEn", definitionEn), errors);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.saved");
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/per-capita")
    String perCapita(@PathVariable String code, @RequestParam(defaultValue = "") String perCapita,
            Viewer viewer, RedirectAttributes redirect) {
        flashOutcome(redirect, admin.setPerCapita(code, perCapita, viewer), "catalogAdmin.saved");
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/retire")
    String retire(@PathVariable String code, @RequestParam(defaultValue = "") String fromYear,
            Viewer viewer, RedirectAttributes redirect) {
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
    String targets(@RequestParam(required = false) String year, @RequestParam(defaultValue = "false") boolean copy,
            Viewer viewer, Model model) {
        int shown = year(year);
        return targetsForm(model, shown, admin.targets(shown, copy, viewer), Map.of(), Map.of());
    }

    @PostMapping("/admin/catalog/targets")
    String saveTargets(@RequestParam String year, @RequestParam Map<String, String> fields,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        int shown = year(year);
        Map<String, String> errors = admin.saveTargets(shown, fields, viewer);
        if (!errors.isEmpty()) {
            return targetsForm(model, shown, admin.targets(shown, false, viewer), fields, errors);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.targetsSaved");
        return "redirect:/admin/catalog/targets?year=" + shown;
    }

    @GetMapping("/admin/catalog/rules")
    String rules(Viewer viewer, Model model) {
        model.addAttribute("rules", admin.rules(viewer));
        return "catalog/admin-rules";
    }

    @GetMapping("/admin/catalog/rules/new")
    String newRule(Viewer viewer, Model model) {
        return ruleForm(model, RuleForm.blank(calendar.reportingYear()), true, null, Map.of(), null, viewer);
    }

    /** Adds a rule; with {@code preview}, shows the approved reports it would flag instead. */
    @PostMapping("/admin/catalog/rules")
    String addRule(@ModelAttribute RuleForm form, @RequestParam(required = false) String preview,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        if (preview != null) {
            Map<String, String> errors = admin.check(form, true);
            return ruleForm(model, form, true, null, errors,
                    errors.isEmpty() ? admin.preview(form, null, viewer) : null, viewer);
        }
        Map<String, String> errors = admin.addRule(form, viewer);
        if (!errors.isEmpty()) {
            return ruleForm(model, form, true, null, errors, null, viewer);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.ruleAdded");
        return "redirect:/admin/catalog/rules";
    }

    @GetMapping("/admin/catalog/rules/{code}")
    String rule(@PathVariable String code, Viewer viewer, Model model) {
        CatalogAdminService.RuleRow row = admin.rule(code, viewer);
        RuleForm form = admin.ruleForm(code, viewer);
        return ruleForm(model, form, false, row, Map.of(), admin.preview(form, row.lastYear(), viewer), viewer);
    }

    @PostMapping("/admin/catalog/rules/{code}")
    String editRule(@PathVariable String code, @ModelAttribute RuleForm form, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        CatalogAdminService.RuleRow row = admin.rule(code, viewer);
        // the rule's code, indicators and years are not edited here: only what the form carries for it
        RuleForm stored = admin.ruleForm(code, viewer);
        RuleForm edited = new RuleForm(stored.code(), stored.leftCode(), stored.operator(), stored.rightCode(),
                form.severity(), form.messageZh(), form.messageEn(), stored.firstYear());
        Map<String, String> errors = admin.editRule(code, edited, viewer);
        if (!errors.isEmpty()) {
            return ruleForm(model, edited, false, row, errors, null, viewer);
        }
        redirect.addFlashAttribute("flash", "catalogAdmin.saved");
        return "redirect:/admin/catalog/rules/" + code;
    }

    @PostMapping("/admin/catalog/rules/{code}/retire")
    String retireRule(@PathVariable String code, @RequestParam(defaultValue = "") String fromYear,
            Viewer viewer, RedirectAttributes redirect) {
        flashOutcome(redirect, admin.retireRule(code, fromYear, viewer), "catalogAdmin.retired");
        return "redirect:/admin/catalog/rules/" + code;
    }

    private String newForm(Model model, IndicatorForm form, Map<String, String> errors, Viewer viewer) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("sections", admin.sections());
        // a computed rate's parts are counts or amounts
        model.addAttribute("parts", admin.indicators(viewer).stream()
                .filter(r -> r.indicator().kind() != IndicatorKind.RATE).toList());
        return "catalog/admin-indicator-new";
    }

    private String editForm(Model model, CatalogAdminService.IndicatorRow row, Map<String, String> texts,
            Map<String, String> errors) {
        model.addAttribute("row", row);
        model.addAttribute("texts", texts);
        model.addAttribute("errors", errors);
        model.addAttribute("nextYear", calendar.reportingYear() + 1);
        model.addAttribute("valuesFromNextYear", admin.valuesFrom(row.indicator().code(), calendar.reportingYear() + 1));
        return "catalog/admin-indicator";
    }

    private String targetsForm(Model model, int year, List<CatalogAdminService.TargetRow> rows,
            Map<String, String> typed, Map<String, String> errors) {
        model.addAttribute("year", year);
        model.addAttribute("rows", rows);
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("operators", Comparison.values());
        return "catalog/admin-targets";
    }

    private String ruleForm(Model model, RuleForm form, boolean isNew, CatalogAdminService.RuleRow row,
            Map<String, String> errors, List<CatalogUsage.RuleViolation> violations, Viewer viewer) {
        model.addAttribute("indicators", admin.indicators(viewer));
        model.addAttribute("form", form);
        model.addAttribute("isNew", isNew);
        model.addAttribute("row", row);
        model.addAttribute("errors", errors);
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
