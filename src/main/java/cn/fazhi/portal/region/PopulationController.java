package cn.fazhi.portal.region;

import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.region.internal.PopulationTables;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator's page of the resident population tables (常住人口表): upload and download. */
@Controller
class PopulationController {

    private final PopulationTables tables;

    PopulationController(PopulationTables tables) {
        this.tables = tables;
    }

    @GetMapping("/admin/population")
    String page(Model model) {
        return page(model, "", "", null);
    }

    @PostMapping("/admin/population")
    String upload(
            @RequestParam(defaultValue = "") String year,
            @RequestParam(defaultValue = "") String source,
            @RequestParam(required = false) MultipartFile file,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        PopulationTables.Outcome outcome;
        // a form sent without choosing a file has a part of no name and no bytes
        boolean chosen = file != null && (file.getSize() > 0 || !isBlank(file.getOriginalFilename()));
        if (!chosen) {
            outcome = tables.upload(year, source, null, 0, null);
        } else {
            try (InputStream content = file.getInputStream()) {
                outcome = tables.upload(year, source, content, file.getSize(), file.getOriginalFilename());
            }
        }
        if (!outcome.isStored()) {
            return page(model, year, source, outcome);
        }
        redirect.addFlashAttribute("flash", "population.uploaded");
        redirect.addFlashAttribute("flashArgs", List.of(outcome.written(), year.strip()));
        return "redirect:/admin/population";
    }

    @PostMapping("/admin/population/delete")
    String delete(@RequestParam(defaultValue = "") String year, RedirectAttributes redirect) {
        FormSubmission.click(redirect, "population.deleted", () -> tables.delete(year));
        return "redirect:/admin/population";
    }

    /** Written on the request's thread, so that the export limit holds until the last byte. */
    @GetMapping("/admin/population.csv")
    void download(HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("population.csv")
                        .build()
                        .toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        tables.writeCsv(out);
        out.flush();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private String page(Model model, String year, String source, PopulationTables.Outcome outcome) {
        model.addAttribute("overview", tables.overview());
        model.addAttribute("year", year);
        model.addAttribute("source", source);
        model.addAttribute("outcome", outcome);
        model.addAttribute("maxRows", PopulationTables.MAX_ROWS);
        return "region/population";
    }
}
