package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators set the submission deadline of a reporting year. */
@Controller
class DeadlineAdminController {

    private final ReportingPeriods periods;
    private final ReportingCalendar calendar;

    DeadlineAdminController(ReportingPeriods periods, ReportingCalendar calendar) {
        this.periods = periods;
        this.calendar = calendar;
    }

    @GetMapping("/admin/deadlines")
    String list(Viewer viewer, Model model) {
        viewer.require(cn.fazhi.portal.account.Role.ADMIN);
        int current = calendar.reportingYear();
        List<Integer> recent =
                IntStream.rangeClosed(current - 4, current + 1).boxed().toList();
        model.addAttribute("deadlines", periods.deadlines(recent));
        model.addAttribute("publicationDeadlines", periods.publicationDeadlines(recent));
        if (!model.containsAttribute("year")) {
            model.addAttribute("year", current);
        }
        return "report/deadlines";
    }

    @PostMapping("/admin/deadlines")
    String set(
            @RequestParam String year,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String publicationDeadline,
            Viewer viewer,
            Model model,
            RedirectAttributes redirect) {
        String problem = null;
        boolean submission = deadline != null && !deadline.isBlank();
        // issue 18: the publication deadline (1 April unless set) is the form's second, optional date
        boolean publication = publicationDeadline != null && !publicationDeadline.isBlank();
        try {
            int y = Integer.parseInt(year.trim());
            if (!submission && !publication) {
                throw new DateTimeParseException("no date", "", 0);
            }
            LocalDate submitBy = submission ? LocalDate.parse(deadline.trim()) : null;
            LocalDate publishBy = publication ? LocalDate.parse(publicationDeadline.trim()) : null;
            if (publishBy != null && !publishBy.isAfter(LocalDate.of(y, 12, 31))) {
                // checked before anything is written, so that a refused form sets neither date
                throw new IllegalArgumentException("deadline.beforeYearEnd");
            }
            if (submitBy != null) {
                periods.setDeadline(y, submitBy, viewer);
            }
            if (publishBy != null) {
                periods.setPublicationDeadline(y, publishBy, viewer);
            }
        } catch (NumberFormatException | DateTimeParseException e) {
            problem = "deadline.badInput";
        } catch (IllegalArgumentException e) {
            problem = "deadline.beforeYearEnd";
        }
        if (problem != null) {
            // shown back as typed, with the reason beside the fields
            model.addAttribute("year", year);
            model.addAttribute("deadline", deadline);
            model.addAttribute("publicationDeadline", publicationDeadline);
            model.addAttribute("problem", problem);
            return list(viewer, model);
        }
        redirect.addFlashAttribute("flash", "deadline.saved");
        return "redirect:/admin/deadlines";
    }
}
