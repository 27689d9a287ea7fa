package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.report.internal.SectionForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.beans.PropertyEditorSupport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clerk's report form, a section at a time. A save stores whatever is well-formed and shows
 * the rest back as typed; a conflict with someone else's save keeps everything typed on the page.
 */
@Controller
class ReportEntryController {

    private final ReportEntryService entries;
    private final ReportWorkflow workflow;
    private final EntryFormPage page;

    ReportEntryController(ReportEntryService entries, ReportWorkflow workflow, EntryFormPage page) {
        this.entries = entries;
        this.workflow = workflow;
        this.page = page;
    }

    @GetMapping("/counties/{code}/reports/{year}/edit")
    String form(
            @PathVariable String code,
            @PathVariable int year,
            @RequestParam(required = false) String section,
            Viewer viewer,
            Locale locale,
            Model model) {
        return page.show(
                model, entries.form(code, year, section, viewer, locale, ReportEntryService.Typed.NONE), locale);
    }

    /**
     * The report keeps what the clerk typed, exactly: a value's own rules decide what it is, and a
     * refused text is shown back unchanged (the portal's trimming of form texts does not apply). The
     * form is bound through its constructor only.
     */
    @InitBinder("form")
    void keepTyped(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
        binder.registerCustomEditor(String.class, new AsTyped());
    }

    @PostMapping("/counties/{code}/reports/{year}/edit")
    String save(
            @PathVariable String code,
            @PathVariable int year,
            @Valid @ModelAttribute("form") SectionForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        if (form == null || result.hasErrors()) {
            // no section or version, a text where a map or a tick goes, a map of made-up keys past
            // its bound: the page sends none of these
            throw new RuleRefusedException("a report form the page does not send: " + result.getFieldErrors());
        }
        String section = form.section();
        try {
            Map<String, String> refused = form.isNarrative()
                    ? entries.saveNarrative(code, year, form.version(), form.narrative(), viewer)
                    : entries.saveSection(code, year, form, viewer);
            refused.forEach((field, messageKey) -> result.rejectValue(field, messageKey));
        } catch (RuntimeException e) {
            if (!ConcurrentSave.lost(e)) {
                throw e;
            }
            // someone saved since this page was opened, or at the same moment: nothing of this save
            // is stored, and the form comes back with everything typed and the current version
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("conflict", true);
            return page.show(
                    model,
                    entries.form(code, year, section, viewer, locale, new ReportEntryService.Typed(form, Map.of())),
                    locale);
        }
        if (result.hasErrors()) {
            model.addAttribute("refused", result.getErrorCount());
            return page.show(
                    model,
                    entries.form(
                            code, year, section, viewer, locale, new ReportEntryService.Typed(form, refusals(result))),
                    locale);
        }
        redirect.addFlashAttribute("flash", "report.saved");
        return "redirect:/counties/" + code + "/reports/" + year + "/edit?section=" + section;
    }

    /** The message key of each refused field, to show next to it. */
    private static Map<String, String> refusals(BindingResult result) {
        Map<String, String> refused = new LinkedHashMap<>();
        for (FieldError error : result.getFieldErrors()) {
            refused.putIfAbsent(error.getField(), error.getCode());
        }
        return refused;
    }

    /** A text as it came. */
    private static final class AsTyped extends PropertyEditorSupport {

        @Override
        public void setAsText(String text) {
            setValue(text);
        }
    }

    @PostMapping("/counties/{code}/reports/{year}/submit")
    String submit(
            @PathVariable String code,
            @PathVariable int year,
            @RequestParam int version,
            Viewer viewer,
            Locale locale,
            RedirectAttributes redirect) {
        List<String> blocking;
        try {
            blocking = workflow.submit(code, year, version, viewer, locale);
        } catch (RuntimeException e) {
            if (!ConcurrentSave.lost(e)) {
                throw e;
            }
            redirect.addFlashAttribute("flashError", "report.conflictOnSubmit");
            return "redirect:/counties/" + code + "/reports/" + year + "/edit";
        }
        if (!blocking.isEmpty()) {
            redirect.addFlashAttribute("submitBlocked", blocking);
            return "redirect:/counties/" + code + "/reports/" + year + "/edit";
        }
        redirect.addFlashAttribute("flash", "report.submitted");
        return "redirect:/counties/" + code + "/reports/" + year;
    }
}
