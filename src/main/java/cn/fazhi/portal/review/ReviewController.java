package cn.fazhi.portal.review;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.report.ReportConflictException;
import cn.fazhi.portal.report.ReportStatus;
import jakarta.servlet.http.HttpServletResponse;
import cn.fazhi.portal.config.RuleRefusedException;
import java.util.Arrays;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review queue (by default the reports waiting for this reviewer, a page at a time), and the
 * reviewer's decisions on a report. The report page itself (values,
 * findings, last year's values, narrative) is the county's report page, which shows the
 * decision forms to a reviewer in scope. Each decision carries the version of the report the page
 * showed: a report changed since is not decided on (409), so that nobody approves what they never saw.
 */
@Controller
class ReviewController {

    private final ReviewQueue queue;
    private final ReviewDecisions workflow;

    ReviewController(ReviewQueue queue, ReviewDecisions workflow) {
        this.queue = queue;
        this.workflow = workflow;
    }

    /**
     * The queue. Without a status the reports waiting for a decision (submitted); the form's "any"
     * sends an empty status, which lists every status.
     */
    @GetMapping("/review")
    String queue(@RequestParam(required = false) Integer year, @RequestParam(required = false) String status,
            @RequestParam(required = false) String prefecture, @RequestParam(defaultValue = "0") int page,
            Viewer viewer, Model model) {
        ReportStatus wanted = statusOf(status);
        model.addAttribute("rows", queue.queue(new ReviewQueue.Filter(year, wanted, prefecture),
                PageRequest.of(Math.max(page, 0), ReviewQueue.PAGE_SIZE), viewer));
        model.addAttribute("year", year);
        model.addAttribute("status", wanted);
        model.addAttribute("prefecture", prefecture);
        model.addAttribute("statuses", ReportStatus.values());
        return "review/queue";
    }

    private static ReportStatus statusOf(String status) {
        if (status == null) {
            return ReviewQueue.Filter.waiting().status();
        }
        if (status.isBlank()) {
            return null;
        }
        return Arrays.stream(ReportStatus.values()).filter(s -> s.name().equals(status.strip())).findFirst()
                .orElseThrow(() -> new RuleRefusedException("unknown status " + status));
    }

    @PostMapping("/counties/{code}/reports/{year}/return")
    String returnForRevision(@PathVariable String code, @PathVariable int year, @RequestParam int version,
            @RequestParam(required = false) String comment, Viewer viewer,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return decide(code, year, redirect, model, response, "review.returned",
                () -> workflow.returnForRevision(code, year, version, comment, viewer));
    }

    @PostMapping("/counties/{code}/reports/{year}/approve")
    String approve(@PathVariable String code, @PathVariable int year, @RequestParam int version,
            @RequestParam(required = false) String publicNote, Viewer viewer,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        // kept for the form should the note be refused
        redirect.addFlashAttribute("publicNote", publicNote);
        return decide(code, year, redirect, model, response, "review.approved",
                () -> workflow.approve(code, year, version, publicNote, viewer));
    }

    @PostMapping("/counties/{code}/reports/{year}/reopen")
    String reopen(@PathVariable String code, @PathVariable int year, @RequestParam int version,
            @RequestParam(required = false) String reason, Viewer viewer,
            RedirectAttributes redirect, Model model, HttpServletResponse response) {
        return decide(code, year, redirect, model, response, "review.reopened",
                () -> workflow.reopen(code, year, version, reason, viewer));
    }

    private static String decide(String code, int year, RedirectAttributes redirect, Model model,
            HttpServletResponse response, String done, Runnable decision) {
        String page = "/counties/" + code + "/reports/" + year;
        try {
            decision.run();
            redirect.addFlashAttribute("flash", done);
        } catch (ReviewInputException e) {
            redirect.addFlashAttribute("flashError", e.messageKey());
        } catch (ReportConflictException | ConcurrencyFailureException e) {
            // the report changed since the page was opened (or another decision won the race)
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errorMessage", "review.stale");
            model.addAttribute("errorBack", page);
            model.addAttribute("errorBackText", "review.stale.link");
            return "error/409";
        }
        return "redirect:" + page;
    }
}
