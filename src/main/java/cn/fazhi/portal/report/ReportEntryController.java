package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
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

    @PostMapping("/counties/{code}/reports/{year}/edit")
    String save(
            @PathVariable String code,
            @PathVariable int year,
            @RequestParam String section,
            @RequestParam int version,
            @RequestParam MultiValueMap<String, String> params,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        Map<String, String> fields = params.toSingleValueMap();
        Map<String, String> refused;
        try {
            refused = ReportForm.NARRATIVE.equals(section)
                    ? entries.saveNarrative(code, year, version, fields, viewer)
                    : entries.saveSection(code, year, section, version, fields, viewer);
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
                    entries.form(code, year, section, viewer, locale, new ReportEntryService.Typed(fields, Map.of())),
                    locale);
        }
        if (!refused.isEmpty()) {
            model.addAttribute("refused", refused.size());
            return page.show(
                    model,
                    entries.form(code, year, section, viewer, locale, new ReportEntryService.Typed(fields, refused)),
                    locale);
        }
        redirect.addFlashAttribute("flash", "report.saved");
        return "redirect:/counties/" + code + "/reports/" + year + "/edit?section=" + section;
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
