package cn.fazhi.portal.review;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.report.ReportConflictException;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ReportWorkflow.Decision;
import cn.fazhi.portal.review.internal.ReviewQueue;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    String queue(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String prefecture,
            @RequestParam(defaultValue = "0") int page,
            Viewer viewer,
            Model model) {
        ReportStatus wanted = statusOf(status);
        model.addAttribute(
                "rows",
                queue.queue(
                        new ReviewQueue.Filter(year, wanted, prefecture),
                        PageRequest.of(Math.max(page, 0), ReviewQueue.PAGE_SIZE),
                        viewer));
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
        return Arrays.stream(ReportStatus.values())
                .filter(s -> s.name().equals(status.strip()))
                .findFirst()
                .orElseThrow(() -> new RuleRefusedException("unknown status " + status));
    }

    @PostMapping("/counties/{code}/reports/{year}/return")
    String returnForRevision(
            @PathVariable String code,
            @PathVariable int year,
            @Valid @ModelAttribute("returnForm") ReturnForm form,
            BindingResult result,
            Viewer viewer,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        return decide(
                new Decided(code, year, Decision.RETURN, form.version(), "review.returned"),
                form,
                result,
                redirect,
                model,
                response,
                () -> workflow.returnForRevision(code, year, form, viewer),
                viewer);
    }

    @PostMapping("/counties/{code}/reports/{year}/approve")
    String approve(
            @PathVariable String code,
            @PathVariable int year,
            @Valid @ModelAttribute("approvalForm") ApprovalForm form,
            BindingResult result,
            Viewer viewer,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        return decide(
                new Decided(code, year, Decision.APPROVE, form.version(), "review.approved"),
                form,
                result,
                redirect,
                model,
                response,
                () -> workflow.approve(code, year, form, viewer),
                viewer);
    }

    @PostMapping("/counties/{code}/reports/{year}/reopen")
    String reopen(
            @PathVariable String code,
            @PathVariable int year,
            @Valid @ModelAttribute("reopenForm") ReopenForm form,
            BindingResult result,
            Viewer viewer,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response) {
        return decide(
                new Decided(code, year, Decision.REOPEN, form.version(), "review.reopened"),
                form,
                result,
                redirect,
                model,
                response,
                () -> workflow.reopen(code, year, form, viewer),
                viewer);
    }

    /** A decision on a report, as the page that asked for it showed the report. */
    private record Decided(String code, int year, Decision decision, Integer version, String doneKey) {

        String page() {
            return "/counties/" + code + "/reports/" + year;
        }
    }

    /**
     * The one shape of the three decisions: who may decide, and on the report as shown, before what
     * was typed is looked at; then the form's checks and the report's own refusals, each next to its
     * field. A refused decision goes back to the report's page with the form as typed and its errors
     * (flashed, as the page belongs to the report module and is reached by its own address); a stale
     * page gets the 409 page with a way to the current report.
     */
    private String decide(
            Decided decided,
            Object form,
            BindingResult result,
            RedirectAttributes redirect,
            Model model,
            HttpServletResponse response,
            Runnable decision,
            Viewer viewer) {
        if (result.hasFieldErrors("version")) {
            // the pages always send the version shown: without one (or with junk) no page sent this
            throw new RuleRefusedException("a decision without the version of the report it was made on");
        }
        try {
            workflow.check(decided.code(), decided.year(), decided.version(), decided.decision(), viewer);
            String done = FormSubmission.submit(result, redirect, decided.doneKey(), () -> {
                decision.run();
                return "redirect:" + decided.page();
            });
            if (done != null) {
                return done;
            }
        } catch (ReportConflictException | ConcurrencyFailureException e) {
            // the report changed since the page was opened (or another decision won the race)
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("errorMessage", "review.stale");
            model.addAttribute("errorBack", decided.page());
            model.addAttribute("errorBackText", "review.stale.link");
            return "error/409";
        }
        redirect.addFlashAttribute(result.getObjectName(), form);
        redirect.addFlashAttribute(BindingResult.MODEL_KEY_PREFIX + result.getObjectName(), result);
        return "redirect:" + decided.page();
    }
}
