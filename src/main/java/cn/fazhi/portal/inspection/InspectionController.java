package cn.fazhi.portal.inspection;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.inspection.internal.InspectionDetails;
import cn.fazhi.portal.inspection.internal.InspectionKind;
import jakarta.validation.Valid;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Inspections: the list, recording and editing one, and adding findings to it. */
@Controller
class InspectionController {

    private final InspectionService inspections;
    private final InspectionPages pages;

    InspectionController(InspectionService inspections, InspectionPages pages) {
        this.inspections = inspections;
        this.pages = pages;
    }

    @GetMapping("/inspections")
    String list(@RequestParam(required = false) String county, Viewer viewer, Model model) {
        model.addAttribute("inspections", inspections.inspections(county, null, viewer));
        model.addAttribute("mayRecord", viewer.is(Role.REVIEWER));
        model.addAttribute("county", county);
        return "inspection/list";
    }

    @GetMapping("/inspections/new")
    String newInspection(@RequestParam(required = false) String county, Viewer viewer, Model model) {
        viewer.require(Role.REVIEWER);
        return form(InspectionForm.forCounty(county == null ? "" : county, pages.currentYear()), null, viewer, model);
    }

    @PostMapping("/inspections")
    String record(
            @Valid @ModelAttribute("form") InspectionForm form,
            BindingResult result,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        viewer.require(Role.REVIEWER);
        String done = FormSubmission.submit(
                result,
                redirect,
                "inspection.recorded",
                () -> "redirect:/inspections/" + inspections.record(form, viewer));
        return done != null ? done : form(form, null, viewer, model);
    }

    @GetMapping("/inspections/{id}")
    String show(@PathVariable long id, Viewer viewer, Locale locale, Model model) {
        model.addAttribute("inspection", inspections.inspection(id, viewer, locale));
        return "inspection/inspection";
    }

    @GetMapping("/inspections/{id}/edit")
    String edit(@PathVariable long id, Viewer viewer, Locale locale, Model model) {
        InspectionDetails inspection = editable(id, viewer, locale);
        return form(InspectionForm.of(inspection), inspection, viewer, model);
    }

    @PostMapping("/inspections/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") InspectionForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        InspectionDetails inspection = editable(id, viewer, locale);
        String done = FormSubmission.submit(result, redirect, "inspection.saved", () -> {
            inspections.edit(id, form, viewer);
            return "redirect:/inspections/" + id;
        });
        return done != null ? done : form(form, inspection, viewer, model);
    }

    @GetMapping("/inspections/{id}/findings/new")
    String newFinding(@PathVariable long id, Viewer viewer, Locale locale, Model model) {
        return pages.findingForm(FindingForm.empty(), editable(id, viewer, locale), null, model);
    }

    @PostMapping("/inspections/{id}/findings")
    String addFinding(
            @PathVariable long id,
            @Valid @ModelAttribute("form") FindingForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        InspectionDetails inspection = editable(id, viewer, locale);
        String done = FormSubmission.submit(
                result,
                redirect,
                "inspection.findingAdded",
                () -> "redirect:/inspections/" + id + "#finding-" + inspections.addFinding(id, form, viewer));
        return done != null ? done : pages.findingForm(form, inspection, null, model);
    }

    /** The inspection, if the viewer is a reviewer in scope (404 for those who may not see it, 403 for the others). */
    private InspectionDetails editable(long id, Viewer viewer, Locale locale) {
        InspectionDetails inspection = inspections.inspection(id, viewer, locale);
        if (!inspection.mayEdit()) {
            throw new AccessDeniedException("only a reviewer in scope");
        }
        return inspection;
    }

    private String form(InspectionForm form, InspectionDetails inspection, Viewer viewer, Model model) {
        // replacing the bound form object would drop its BindingResult, and with it the field errors
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("inspection", inspection);
        model.addAttribute("kinds", InspectionKind.values());
        model.addAttribute("counties", pages.countiesOf(viewer));
        return "inspection/form";
    }
}
