package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.report.internal.ImportProblem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A report's Excel form and CSV downloads, for whoever may see the report, and the upload of a
 * filled-in form by the county's own clerk. A refused upload shows the report form again with
 * every problem listed; nothing of the file is stored.
 */
@Controller
class ReportExcelController {

    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
    /** A file with more problems than this has not been filled in from the form: the rest are counted. */
    static final int PROBLEMS_SHOWN = 100;

    private final ReportExcelService excel;
    private final ReportEntryService entries;
    private final EntryFormPage page;

    ReportExcelController(ReportExcelService excel, ReportEntryService entries, EntryFormPage page) {
        this.excel = excel;
        this.entries = entries;
        this.page = page;
    }

    @GetMapping("/counties/{code}/reports/{year}/report.xlsx")
    ResponseEntity<byte[]> workbook(@PathVariable String code, @PathVariable String year, Viewer viewer) {
        ReportExport report = find(code, year, viewer);
        return download(ReportWorkbookWriter.write(report), XLSX, report, "xlsx");
    }

    @GetMapping("/counties/{code}/reports/{year}/report.csv")
    ResponseEntity<byte[]> csv(@PathVariable String code, @PathVariable String year, Viewer viewer) {
        ReportExport report = find(code, year, viewer);
        return download(ReportCsvWriter.write(report), CSV, report, "csv");
    }

    /**
     * The upload of a filled-in form. An upload over the container's size limit never gets here:
     * {@link OversizedUploadFilter} answers it.
     */
    @PostMapping("/counties/{code}/reports/{year}/import")
    String importWorkbook(
            @PathVariable String code,
            @PathVariable int year,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String section,
            Viewer viewer,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        List<ImportProblem> problems = excel.importWorkbook(code, year, file, viewer);
        if (problems.isEmpty()) {
            redirect.addFlashAttribute("flash", "excel.imported");
            return "redirect:/counties/" + code + "/reports/" + year + "/edit"
                    + (section == null ? "" : "?section=" + UriUtils.encodeQueryParam(section, StandardCharsets.UTF_8));
        }
        model.addAttribute("importProblems", problems.subList(0, Math.min(problems.size(), PROBLEMS_SHOWN)));
        model.addAttribute("importProblemCount", problems.size());
        return page.show(
                model, entries.form(code, year, section, viewer, locale, ReportEntryService.Typed.NONE), locale);
    }

    private ReportExport find(String code, String year, Viewer viewer) {
        if (!year.matches("\\d{4}")) {
            throw new NotFoundException();
        }
        return excel.export(code, Integer.parseInt(year), viewer).orElseThrow(NotFoundException::new);
    }

    /**
     * The file as an attachment: an ASCII name (county code and year) every browser takes, and the
     * name with the county's in Chinese for those that read RFC 6266's filename*.
     */
    private static ResponseEntity<byte[]> download(
            byte[] content, MediaType type, ReportExport report, String extension) {
        // a published version says which, and whether a correction of it is under way
        ReportExport.Published published = report.published();
        String tag = published == null ? "" : "-v" + published.number();
        String ascii = report.countyCode() + "-" + report.year() + tag + "." + extension;
        String full = report.countyCode() + "-" + report.countyName() + "-" + report.year() + tag
                + (published != null && published.correcting() ? "-更正中" : "") + "." + extension;
        String disposition = ContentDisposition.attachment().filename(ascii).build() + "; filename*=UTF-8''"
                + UriUtils.encode(full, StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition)
                .body(content);
    }
}
