package cn.fazhi.portal.audit;

import cn.fazhi.portal.audit.internal.AuditQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The audit log page for administrators: filters by actor, entity, action and days, 50 a page. */
@Controller
class AuditController {

    static final int PAGE_SIZE = 50;

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String log(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String entityType,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LocalDate fromDate = date(from, "from", model);
        LocalDate toDate = date(to, "to", model);
        AuditQuery query = new AuditQuery(actor, entityType, action, fromDate, toDate);
        model.addAttribute("filter", new Filter(actor, entityType, action, from, to));
        model.addAttribute("events", audit.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "audit/log";
    }

    /** The hash chain checked from the first event; the page shows what was found. */
    @PostMapping("/admin/audit/verify")
    String verify(RedirectAttributes redirect) {
        redirect.addFlashAttribute("chainReport", audit.verifyChain());
        return "redirect:/admin/audit";
    }

    /** A bad date is shown back as typed with an error beside it, and left out of the search. */
    private static LocalDate date(String value, String field, Model model) {
        if (!StringUtils.hasText(value)) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            model.addAttribute(field + "Invalid", true);
            return null;
        }
    }

    /** What the user typed into the filter form. */
    record Filter(String actor, String entityType, String action, String from, String to) {}
}
