package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.FormSubmission;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.region.RecognitionService;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.PublicationForm;
import cn.fazhi.portal.report.internal.ReportDocuments;
import cn.fazhi.portal.report.internal.ReportView;
import cn.fazhi.portal.report.internal.VersionChanges;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A county's page: its reports by year, its titles; and each report, read-only. */
@Controller
class CountyController {

    private final RegionService regions;
    private final RecognitionService recognitions;
    private final ReportService reports;
    private final ReportDocuments documents;
    /** The values flagged among the county's peers (computed by the dashboards; absent without them). */
    private final ObjectProvider<ValueFlags> valueFlags;

    private final ReportPublications publications;

    CountyController(
            RegionService regions,
            RecognitionService recognitions,
            ReportService reports,
            ReportDocuments documents,
            ObjectProvider<ValueFlags> valueFlags,
            ReportPublications publications) {
        this.publications = publications;
        this.regions = regions;
        this.recognitions = recognitions;
        this.reports = reports;
        this.documents = documents;
        this.valueFlags = valueFlags;
    }

    @GetMapping("/counties/{code}")
    String county(@PathVariable String code, Viewer viewer, Model model) {
        RegionView county = regions.findCounty(code).orElseThrow(CountyController::notFound);
        model.addAttribute("county", county);
        model.addAttribute("path", regions.pathTo(county));
        model.addAttribute("reports", reports.reportsOf(county, viewer));
        model.addAttribute("recognitions", recognitions.of(county.code()));
        model.addAttribute("canOpenDraft", reports.canOpenDraft(county, viewer));
        model.addAttribute("reportingYear", reports.reportingYear());
        return "report/county";
    }

    @GetMapping("/counties/{code}/reports/{year}/history")
    String history(
            @PathVariable String code,
            @PathVariable int year,
            @RequestParam String indicator,
            Viewer viewer,
            Model model) {
        ReportView report = reports.find(code, year, viewer).orElseThrow(CountyController::notFound);
        ValueRow row = report.row(indicator).orElseThrow(CountyController::notFound);
        model.addAttribute("report", report);
        model.addAttribute("subject", row.indicator().nameZh());
        model.addAttribute("subjectEn", row.indicator().nameEn());
        model.addAttribute("current", row.value() != null ? row.display() : "—");
        model.addAttribute("unit", row.indicator().unit());
        model.addAttribute("changes", reports.valueHistory(code, year, indicator, viewer));
        return "report/history";
    }

    @GetMapping("/counties/{code}/reports/{year}/custom-figures/{id}/history")
    String customFigureHistory(
            @PathVariable String code, @PathVariable int year, @PathVariable long id, Viewer viewer, Model model) {
        ReportView report = reports.find(code, year, viewer).orElseThrow(CountyController::notFound);
        ReportService.CustomFigureHistory history =
                reports.customFigureHistory(code, year, id, viewer).orElseThrow(CountyController::notFound);
        model.addAttribute("report", report);
        model.addAttribute("subject", history.figure().name());
        model.addAttribute("subjectEn", history.figure().name());
        model.addAttribute("current", history.figure().display());
        model.addAttribute("unit", history.figure().unit());
        model.addAttribute("changes", history.changes());
        return "report/history";
    }

    /** The clerk opens this year's report. The county comes from the form and is checked against the login. */
    @PostMapping("/reports")
    String openDraft(
            @RequestParam String countyCode, @RequestParam int year, Viewer viewer, RedirectAttributes redirect) {
        int opened = reports.openDraft(countyCode, year, viewer);
        redirect.addFlashAttribute("flash", "report.opened");
        return "redirect:/counties/" + countyCode + "/reports/" + opened;
    }

    /**
     * The report as a document to print (issue 18): the title, the narrative parts in order, and an
     * appendix of every figure by section, without menus, buttons or empty rows. A report not yet
     * approved prints as a draft (草稿), for those who may see it; the public only ever gets approved
     * reports, without internal texts.
     */
    @GetMapping("/counties/{code}/reports/{year}/print")
    String print(
            @PathVariable String code,
            @PathVariable String year,
            @RequestParam(required = false) Integer version,
            Viewer viewer,
            java.util.Locale locale,
            Model model) {
        if (!year.matches("\\d{4}")) {
            throw notFound();
        }
        ReportView report = reports.find(code, Integer.parseInt(year), version, viewer, locale)
                .orElseThrow(CountyController::notFound);
        model.addAttribute("report", report);
        // the same content as the Word file: key figures, appendix rows and date chosen in one place
        model.addAttribute("document", documents.of(report, locale));
        return "report/print";
    }

    /**
     * What a correction changed (issue 18): version {@code number} against the one before it. Public,
     * like the versions.
     */
    @GetMapping("/counties/{code}/reports/{year}/versions/{number}/changes")
    String changes(@PathVariable String code, @PathVariable String year, @PathVariable String number, Model model) {
        if (!year.matches("\\d{4}") || !number.matches("\\d{1,4}")) {
            throw notFound();
        }
        VersionChanges changes = reports.changes(code, Integer.parseInt(year), Integer.parseInt(number))
                .orElseThrow(CountyController::notFound);
        model.addAttribute("changes", changes);
        model.addAttribute("path", regions.pathTo(changes.county()));
        return "report/changes";
    }

    @GetMapping("/counties/{code}/reports/{year}")
    String report(
            @PathVariable String code,
            @PathVariable String year,
            @RequestParam(required = false) Integer version,
            Viewer viewer,
            java.util.Locale locale,
            Model model) {
        if (!year.matches("\\d{4}")) {
            throw notFound();
        }
        ReportView report = reports.find(code, Integer.parseInt(year), version, viewer, locale)
                .orElseThrow(CountyController::notFound);
        model.addAttribute("report", report);
        model.addAttribute("path", regions.pathTo(report.county()));
        model.addAttribute("valueFlags", flagsOf(report, viewer));
        addPublication(report, viewer, model);
        return "report/report";
    }

    /**
     * The report's values flagged among its peers, for a reviewer or an administrator: only
     * approved and submitted reports are checked, so no other is asked about.
     */
    private Map<String, ValueFlags.ValueFlag> flagsOf(ReportView report, Viewer viewer) {
        ValueFlags flags = valueFlags.getIfAvailable();
        if (flags == null
                || !(viewer.is(Role.REVIEWER) || viewer.is(Role.ADMIN))
                || !CHECKED.contains(report.status())) {
            return Map.of();
        }
        return flags.flagsOf(report.county().code(), report.year(), viewer);
    }

    private static final Set<ReportStatus> CHECKED = Set.of(ReportStatus.SUBMITTED, ReportStatus.APPROVED);

    private static NotFoundException notFound() {
        return new NotFoundException();
    }

    // --- issue 18: publication record -----------------------------------------------------------

    /** The report's publication and, for those who may record it, the form (as typed, after a refusal). */
    private void addPublication(ReportView report, Viewer viewer, Model model) {
        publications.panelOf(report.county().code(), report.year(), viewer).ifPresent(panel -> {
            model.addAttribute("publication", panel);
            if (!model.containsAttribute("publicationForm")) {
                model.addAttribute("publicationForm", panel.form());
            }
        });
    }

    /**
     * Records where and when the report was published. Whoever may not is refused before the input
     * is looked at; bad input comes back on the report's page beside its field, as typed, and
     * nothing is stored.
     */
    @PostMapping("/counties/{code}/reports/{year}/publication")
    String recordPublication(
            @PathVariable String code,
            @PathVariable String year,
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("publicationForm")
                    PublicationForm form,
            org.springframework.validation.BindingResult result,
            Viewer viewer,
            java.util.Locale locale,
            Model model,
            RedirectAttributes redirect) {
        if (!year.matches("\\d{4}")) {
            throw notFound();
        }
        publications.requireRecordable(code, Integer.parseInt(year), viewer);
        String done = FormSubmission.submit(result, redirect, "publication.saved", () -> {
            publications.record(code, Integer.parseInt(year), form, viewer);
            return "redirect:/counties/" + code + "/reports/" + year + "#publication";
        });
        return done != null ? done : report(code, year, null, viewer, locale, model);
    }
}
