package cn.fazhi.portal.catalog;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.IndicatorForm;
import cn.fazhi.portal.catalog.internal.IndicatorTextsForm;
import cn.fazhi.portal.catalog.internal.PerCapitaForm;
import cn.fazhi.portal.catalog.internal.RuleForm;
import cn.fazhi.portal.catalog.internal.RuleTextsForm;
import cn.fazhi.portal.catalog.internal.TargetsForm;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.config.YearText;
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
        String done = FormSubmission.submit(
                result,
                admin.refusals(form),
                redirect,
                "catalogAdmin.added",
                () -> "redirect:/admin/catalog/indicators/"
                        + admin.add(form, viewer).code());
        return done != null ? done : newForm(model, form, viewer);
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
        String done = FormSubmission.submit(result, redirect, "catalogAdmin.saved", () -> {
            admin.editTexts(code, form, viewer);
            return "redirect:/admin/catalog/indicators/" + code;
        });
        return done != null ? done : editForm(model, row, form);
    }

    // The indicator's page holds small one-click forms beside its texts: each goes back to the
    // page, its refusal flashed at the top, as there is no page of its own to show again.

    @PostMapping("/admin/catalog/indicators/{code}/per-capita")
    String perCapita(
            @PathVariable String code,
            @ModelAttribute("form") PerCapitaForm form,
            Viewer viewer,
            RedirectAttributes redirect) {
        FormSubmission.click(redirect, "catalogAdmin.saved", () -> admin.setPerCapita(code, form.ticked(), viewer));
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/retire")
    String retire(
            @PathVariable String code,
            @Valid @ModelAttribute("form") RetireForm form,
            BindingResult result,
            Viewer viewer,
            RedirectAttributes redirect) {
        admin.indicator(code, viewer); // an unknown indicator is not found, whatever was typed
        FormSubmission.click(
                result,
                redirect,
                "catalogAdmin.badYear",
                "catalogAdmin.retired",
                () -> admin.retire(code, form.year(), viewer));
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/restore")
    String restore(@PathVariable String code, Viewer viewer, RedirectAttributes redirect) {
        FormSubmission.click(redirect, "catalogAdmin.restored", () -> admin.restore(code, viewer));
        return "redirect:/admin/catalog/indicators/" + code;
    }

    @PostMapping("/admin/catalog/indicators/{code}/delete")
    String delete(@PathVariable String code, Viewer viewer, RedirectAttributes redirect) {
        return FormSubmission.click(redirect, "catalogAdmin.deleted", () -> admin.delete(code, viewer))
                ? "redirect:/admin/catalog"
                : "redirect:/admin/catalog/indicators/" + code;
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
        String done = FormSubmission.submit(
                result, admin.refusals(shown, form), redirect, "catalogAdmin.targetsSaved", () -> {
                    admin.saveTargets(shown, form, viewer);
                    return "redirect:/admin/catalog/targets?year=" + shown;
                });
        return done != null ? done : targetsForm(model, shown, admin.targets(shown, false, viewer));
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
            FormSubmission.reject(result, admin.refusals(form));
            return ruleForm(
                    model, form, true, null, result.hasErrors() ? null : admin.preview(form, null, viewer), viewer);
        }
        String done = FormSubmission.submit(result, admin.refusals(form), redirect, "catalogAdmin.ruleAdded", () -> {
            admin.addRule(form, viewer);
            return "redirect:/admin/catalog/rules";
        });
        return done != null ? done : ruleForm(model, form, true, null, null, viewer);
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
        String done = FormSubmission.submit(result, redirect, "catalogAdmin.saved", () -> {
            admin.editRule(code, texts, viewer);
            return "redirect:/admin/catalog/rules/" + code;
        });
        return done != null ? done : ruleForm(model, admin.ruleForm(code, viewer), false, row, null, viewer);
    }

    @PostMapping("/admin/catalog/rules/{code}/retire")
    String retireRule(
            @PathVariable String code,
            @Valid @ModelAttribute("form") RetireForm form,
            BindingResult result,
            Viewer viewer,
            RedirectAttributes redirect) {
        admin.rule(code, viewer); // an unknown rule is not found, whatever was typed
        FormSubmission.click(
                result,
                redirect,
                "catalogAdmin.badYear",
                "catalogAdmin.retired",
                () -> admin.retireRule(code, form.year(), viewer));
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

    /** The year a page asks for; the reporting year when it names none the catalogue takes. */
    private int year(String typed) {
        Integer year = YearText.parse(typed, CatalogAdminService.FIRST_YEAR, CatalogAdminService.LAST_YEAR);
        return year == null ? calendar.reportingYear() : year;
    }
}
