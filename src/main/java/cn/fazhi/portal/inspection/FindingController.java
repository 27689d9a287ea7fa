package cn.fazhi.portal.inspection;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.inspection.internal.EvidenceChunks;
import cn.fazhi.portal.inspection.internal.EvidenceFile;
import cn.fazhi.portal.inspection.internal.EvidenceType;
import cn.fazhi.portal.inspection.internal.FindingDetails;
import cn.fazhi.portal.inspection.internal.FindingQuery;
import cn.fazhi.portal.inspection.internal.FindingSeverity;
import cn.fazhi.portal.inspection.internal.FindingStatus;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import cn.fazhi.portal.inspection.internal.IllegalFindingTransitionException;
import cn.fazhi.portal.inspection.internal.InspectionDetails;
import cn.fazhi.portal.inspection.internal.ReplyForm;
import cn.fazhi.portal.inspection.internal.ReturnForm;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Findings: the list with its filters and downloads, a finding's page, the reviewer's edits and
 * decisions, the county's reply and evidence. A refused step shows the finding's page again with
 * what was typed and why.
 */
@Controller
class FindingController {

    private static final Logger log = LoggerFactory.getLogger(FindingController.class);

    static final int PAGE_SIZE = 20;
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    static final MediaType XLSX = EvidenceType.XLSX.mediaType();

    private final InspectionService inspections;
    private final FindingWorkflow workflow;
    private final FindingExport export;
    private final InspectionPages pages;
    private final EvidenceChunks chunks;

    FindingController(
            InspectionService inspections,
            FindingWorkflow workflow,
            FindingExport export,
            InspectionPages pages,
            EvidenceChunks chunks) {
        this.inspections = inspections;
        this.workflow = workflow;
        this.export = export;
        this.pages = pages;
        this.chunks = chunks;
    }

    @GetMapping("/findings")
    String list(
            @ModelAttribute("query") FindingQuery query,
            @RequestParam(defaultValue = "0") int page,
            Viewer viewer,
            Locale locale,
            Model model) {
        model.addAttribute(
                "findings", inspections.search(query, PageRequest.of(Math.max(page, 0), PAGE_SIZE), viewer, locale));
        model.addAttribute("exportQuery", query.queryString());
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("severities", FindingSeverity.values());
        model.addAttribute("prefectures", pages.prefecturesOf(viewer));
        model.addAttribute("counties", pages.countiesOf(viewer));
        return "inspection/findings";
    }

    @GetMapping("/findings.csv")
    ResponseEntity<byte[]> csv(@ModelAttribute("query") FindingQuery query, Viewer viewer, Locale locale) {
        return download(
                export.csv(inspections.export(query, viewer, locale), locale),
                CSV,
                query.fileNameParts() + "-" + pages.today() + ".csv");
    }

    @GetMapping("/findings.xlsx")
    ResponseEntity<byte[]> xlsx(@ModelAttribute("query") FindingQuery query, Viewer viewer, Locale locale) {
        return download(
                export.xlsx(inspections.export(query, viewer, locale), locale),
                XLSX,
                query.fileNameParts() + "-" + pages.today() + ".xlsx");
    }

    @GetMapping("/findings/{id}")
    String show(@PathVariable long id, Viewer viewer, Locale locale, Model model) {
        return page(id, viewer, locale, model);
    }

    @GetMapping("/findings/{id}/edit")
    String edit(@PathVariable long id, Viewer viewer, Locale locale, Model model) {
        FindingDetails finding = editable(id, viewer, locale);
        return pages.findingForm(FindingForm.of(finding), inspectionOf(finding, viewer, locale), finding, model);
    }

    @PostMapping("/findings/{id}/edit")
    String update(
            @PathVariable long id,
            @Valid @ModelAttribute("form") FindingForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        FindingDetails finding = editable(id, viewer, locale);
        String done = FormSubmission.submit(result, redirect, "inspection.findingSaved", () -> {
            inspections.editFinding(id, form, viewer);
            return "redirect:/findings/" + id;
        });
        return done != null ? done : pages.findingForm(form, inspectionOf(finding, viewer, locale), finding, model);
    }

    @PostMapping("/findings/{id}/reply")
    String reply(
            @PathVariable long id,
            @Valid @ModelAttribute("replyForm") ReplyForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        workflow.requireClerk(id, viewer);
        String done = FormSubmission.submit(result, redirect, "inspection.replied", () -> {
            workflow.reply(id, form, viewer);
            return "redirect:/findings/" + id;
        });
        return done != null ? done : page(id, viewer, locale, model);
    }

    @PostMapping("/findings/{id}/evidence")
    String addEvidence(
            @PathVariable long id,
            @ModelAttribute("evidenceForm") EvidenceForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        workflow.requireClerk(id, viewer);
        String done = FormSubmission.submit(result, redirect, "inspection.evidenceAdded", () -> {
            MultipartFile file = form.file();
            // read as a stream (the container keeps the part in a temporary file), never as one array
            try (InputStream content = file == null ? null : file.getInputStream()) {
                workflow.addEvidence(id, file == null ? null : file.getOriginalFilename(), content, viewer);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return "redirect:/findings/" + id;
        });
        return done != null ? done : page(id, viewer, locale, model);
    }

    /**
     * Written here, on the request's thread, a piece at a time: the heavy-request limit holds only
     * while the handler runs, so no streaming body handed to another thread.
     */
    @GetMapping("/findings/{id}/evidence/{evidenceId}")
    void evidence(@PathVariable long id, @PathVariable long evidenceId, Viewer viewer, HttpServletResponse response) {
        EvidenceFile file = workflow.download(id, evidenceId, viewer);
        response.setContentType(file.fileType().mediaType().toString());
        response.setContentLengthLong(file.sizeBytes());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(file.fileName()));
        response.setHeader("X-Content-Type-Options", "nosniff");
        try {
            chunks.copyTo(file, response.getOutputStream());
        } catch (IOException clientGone) {
            // the browser stopped reading (a cancelled download): there is no one left to answer
            log.debug("Download of evidence {} ended early: {}", evidenceId, clientGone.toString());
        }
    }

    @PostMapping("/findings/{id}/accept")
    String accept(
            @PathVariable long id,
            @RequestParam(defaultValue = "-1") int version,
            Viewer viewer,
            RedirectAttributes redirect) {
        workflow.accept(id, version, viewer);
        redirect.addFlashAttribute("flash", "inspection.accepted");
        return "redirect:/findings/" + id;
    }

    @PostMapping("/findings/{id}/return")
    String sendBack(
            @PathVariable long id,
            @Valid @ModelAttribute("returnForm") ReturnForm form,
            BindingResult result,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        workflow.requireReviewer(id, viewer);
        String done = FormSubmission.submit(result, redirect, "inspection.sentBack", () -> {
            workflow.sendBack(id, form, viewer);
            return "redirect:/findings/" + id;
        });
        return done != null ? done : page(id, viewer, locale, model);
    }

    private String page(long id, Viewer viewer, Locale locale, Model model) {
        FindingDetails finding = inspections.finding(id, viewer, locale);
        model.addAttribute("finding", finding);
        if (!model.containsAttribute("replyForm")) {
            model.addAttribute("replyForm", ReplyForm.of(finding));
        }
        if (!model.containsAttribute("returnForm")) {
            model.addAttribute("returnForm", new ReturnForm("", finding.version()));
        }
        if (!model.containsAttribute("evidenceForm")) {
            EvidenceForm none = new EvidenceForm(null);
            model.addAttribute("evidenceForm", none);
            if (EvidenceUploadLimitFilter.TOO_LARGE.equals(model.getAttribute("flashError"))) {
                // refused by the size filter before any controller ran: shown next to the file field too
                BindingResult refused = new BeanPropertyBindingResult(none, "evidenceForm");
                refused.rejectValue("file", EvidenceUploadLimitFilter.TOO_LARGE);
                model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "evidenceForm", refused);
                model.asMap().remove("flashError");
            }
        }
        model.addAttribute("maxFileMegabytes", workflow.maxFileSizeBytes() / (1024 * 1024));
        model.addAttribute("history", inspections.historyOf(id, viewer));
        return "inspection/finding";
    }

    private FindingDetails editable(long id, Viewer viewer, Locale locale) {
        FindingDetails finding = inspections.finding(id, viewer, locale);
        if (!finding.mayEdit()) {
            // a reviewer in scope on a closed finding: the state refuses; anyone else: the role
            if (finding.row().status() == FindingStatus.CLOSED
                    && inspectionOf(finding, viewer, locale).mayEdit()) {
                throw new IllegalFindingTransitionException("edit", FindingStatus.CLOSED);
            }
            throw new AccessDeniedException("only a reviewer in scope");
        }
        return finding;
    }

    private InspectionDetails inspectionOf(FindingDetails finding, Viewer viewer, Locale locale) {
        return inspections.inspection(finding.row().inspectionId(), viewer, locale);
    }

    /**
     * A file as an attachment, never shown inline: an ASCII fallback name and the real one for
     * browsers that read RFC 6266's filename*; the content type is the checked one.
     */
    static ResponseEntity<byte[]> download(byte[] content, MediaType type, String fileName) {
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName))
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    private static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^A-Za-z0-9._-]", "_");
        return ContentDisposition.attachment().filename(ascii).build() + "; filename*=UTF-8''"
                + UriUtils.encode(fileName, StandardCharsets.UTF_8);
    }
}
