package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.report.internal.ReportDocument;
import cn.fazhi.portal.report.internal.ReportDocuments;
import cn.fazhi.portal.report.internal.ReportView;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The annual report as a Word file (issue 18, point 3), with the print view's content. Whoever may
 * read the report may download it: the public an approved report, without internal texts; those who
 * may see the county's unpublished work also a draft, marked 草稿. To anyone else a draft does not exist.
 */
@Controller
class ReportDocumentController {

    static final MediaType DOCX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final ReportService reports;
    private final ReportDocuments documents;

    ReportDocumentController(ReportService reports, ReportDocuments documents) {
        this.reports = reports;
        this.documents = documents;
    }

    @GetMapping("/counties/{code}/reports/{year}/document.docx")
    ResponseEntity<byte[]> docx(
            @PathVariable String code,
            @PathVariable String year,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Integer version,
            Viewer viewer,
            Locale locale) {
        if (!year.matches("\\d{4}")) {
            throw new NotFoundException();
        }
        ReportView report = reports.find(code, Integer.parseInt(year), version, viewer, locale)
                .orElseThrow(NotFoundException::new);
        ReportDocument document = documents.of(report, locale);
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(documents.fileName(document, locale), StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(DOCX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(ReportDocxWriter.write(document));
    }
}
