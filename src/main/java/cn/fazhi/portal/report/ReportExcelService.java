package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ComputedRate;
import cn.fazhi.portal.report.internal.CustomFigure;
import cn.fazhi.portal.report.internal.IllegalReportTransitionException;
import cn.fazhi.portal.report.internal.ImportProblem;
import cn.fazhi.portal.report.internal.ReportContent;
import cn.fazhi.portal.report.internal.ReportVersion;
import cn.fazhi.portal.report.internal.ValueEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * A report's downloads (Excel form and CSV) and the upload of a filled-in Excel form (Excel 导入).
 * An upload is all or nothing: the whole file is checked first, and the report is changed only
 * when nothing at all is wrong, through the same steps (and audit events) as the form.
 */
@Service
@Transactional(readOnly = true)
class ReportExcelService {

    /** The largest upload; OversizedUploadFilter sends a larger one back to the form before it gets here. */
    static final long MAX_UPLOAD_BYTES = 5L * 1024 * 1024;

    private final AnnualReportRepository reports;
    private final RegionService regions;
    private final CatalogService catalogs;
    private final ReportAccess access;
    private final ReportEntryService entries;
    private final Clock clock;

    ReportExcelService(
            AnnualReportRepository reports,
            RegionService regions,
            CatalogService catalogs,
            ReportAccess access,
            ReportEntryService entries,
            Clock clock) {
        this.reports = reports;
        this.regions = regions;
        this.catalogs = catalogs;
        this.access = access;
        this.entries = entries;
        this.clock = clock;
    }

    /** The report for a download, or empty when it does not exist or this viewer may not see it. */
    public Optional<ReportExport> export(String countyCode, int year, Viewer viewer) {
        return regions.findCounty(countyCode)
                .flatMap(county -> reports.findByCountyCodeAndYear(countyCode, year)
                        .flatMap(report -> ReportService.readable(report, county, viewer, null)
                                .map(content -> export(report, content, county, viewer.canSeeUnpublishedOf(county)))));
    }

    private static Map<String, ValueEntry> withoutExplanations(Map<String, ValueEntry> entries) {
        Map<String, ValueEntry> stripped = new java.util.LinkedHashMap<>();
        entries.forEach((code, e) -> stripped.put(code, new ValueEntry(e.value(), e.source(), null)));
        return stripped;
    }

    /**
     * Imports a filled-in Excel form into the report. Who asks and the report's state are checked
     * before the file is looked at: 403 for anyone but the county's own clerk, 404 when there is no
     * such report, 409 when it is no longer editable.
     *
     * @param file the upload, or null when the request carried none
     * @return what is wrong with the file; empty when it was imported
     */
    @Transactional
    public List<ImportProblem> importWorkbook(String countyCode, int year, MultipartFile file, Viewer viewer) {
        AnnualReport report = importable(countyCode, year, viewer);
        if (file == null || file.isEmpty()) {
            return List.of(ImportProblem.ofFile(file == null ? "excel.noFile" : "excel.empty"));
        }
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            return List.of(ImportProblem.ofFile("excel.tooLarge"));
        }
        Catalog catalog = catalogs.forYear(year);
        ReportWorkbookReader.Content content = read(file, catalog, countyCode, year);
        if (!content.isValid()) {
            return content.problems();
        }
        Optional<ImportProblem> stale = staleness(content, countyCode, year, report.getVersion());
        if (stale.isPresent()) {
            return List.of(stale.get());
        }
        for (ReportWorkbookReader.Value value : content.values()) {
            entries.applyTyped(report, value.indicator(), value.value(), value.explanation(), viewer);
        }
        report.recomputeRates(catalog, viewer.accountId(), clock.instant());
        entries.applyNarrative(report, content.narrative());
        if (content.customFigures() != null) {
            importCustomFigures(report, content.customFigures(), viewer);
        }
        reports.save(report);
        return List.of();
    }

    /**
     * The third sheet lists the report's custom figures: a figure is known by its section and name,
     * so a listed one is changed, a new one added, and one no longer listed removed.
     */
    private void importCustomFigures(AnnualReport report, List<ReportWorkbookReader.Figure> figures, Viewer viewer) {
        Map<String, ReportWorkbookReader.Figure> listed = figures.stream()
                .collect(Collectors.toMap(
                        f -> f.sectionCode() + "/" + f.content().name(), Function.identity()));
        for (CustomFigure existing : List.copyOf(report.getCustomFigures())) {
            ReportWorkbookReader.Figure figure = listed.remove(existing.getSectionCode() + "/" + existing.getName());
            if (figure == null) {
                entries.removeCustomFigure(report, existing);
            } else {
                entries.applyCustomFigure(report, existing.getSectionCode(), existing, figure.content(), viewer);
            }
        }
        figures.stream()
                .filter(f ->
                        listed.containsKey(f.sectionCode() + "/" + f.content().name()))
                .forEach(f -> entries.applyCustomFigure(report, f.sectionCode(), null, f.content(), viewer));
    }

    private AnnualReport importable(String countyCode, int year, Viewer viewer) {
        access.requireClerkOf(countyCode, viewer);
        AnnualReport report = reports.findByCountyCodeAndYear(countyCode, year).orElseThrow(NotFoundException::new);
        if (!report.isEditable()) {
            throw new IllegalReportTransitionException("import into", report.getStatus());
        }
        return report;
    }

    /**
     * @param internal whether the viewer may see the county's unpublished work: only then do the
     *     clerk's explanations go into the file
     */
    private ReportExport export(AnnualReport report, ReportContent content, RegionView county, boolean internal) {
        Catalog catalog = catalogs.forYear(report.getYear());
        Map<String, SectionDef> sections =
                catalog.sections().stream().collect(Collectors.toMap(SectionDef::code, Function.identity()));
        Map<String, BigDecimal> lastYear = entries.lastApproved(report.getCountyCode(), report.getYear());
        Map<String, ValueEntry> stored = internal ? content.entries() : withoutExplanations(content.entries());
        List<ReportExport.Row> rows = catalog.indicators().stream()
                .map(indicator -> new ReportExport.Row(
                        indicator,
                        sections.get(indicator.sectionCode()).nameZh(),
                        lastYear.get(indicator.code()),
                        stored.get(indicator.code()),
                        indicator.isComputed()
                                ? ComputedRate.of(
                                        value(stored, indicator.numeratorCode()),
                                        value(stored, indicator.denominatorCode()))
                                : null))
                .toList();
        List<ReportExport.Figure> figures = catalog.sections().stream()
                .flatMap(s -> content.figuresOf(s.code()).stream().map(f -> new ReportExport.Figure(s.nameZh(), f)))
                .toList();
        return new ReportExport(
                county.code(),
                county.name(),
                report.getYear(),
                report.getVersion(),
                rows,
                content.narrative(),
                figures,
                catalog.sections().stream().map(SectionDef::nameZh).toList(),
                content instanceof ReportVersion shown
                        ? new ReportExport.Published(shown.getNumber(), report.isCorrecting())
                        : null);
    }

    private static BigDecimal value(Map<String, ValueEntry> entries, String code) {
        ValueEntry entry = entries.get(code);
        return entry == null ? null : entry.value();
    }

    /**
     * Reads the upload from a file of its own: the zip is read part by part from there, and the
     * upload is never held in memory whole (the container may keep it in memory or on disk).
     */
    private static ReportWorkbookReader.Content read(MultipartFile file, Catalog catalog, String countyCode, int year) {
        Path copy = null;
        try {
            copy = Files.createTempFile("report-import-", ".xlsx");
            try (InputStream in = file.getInputStream()) {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            }
            return ReportWorkbookReader.read(copy, catalog, countyCode, year);
        } catch (IOException e) {
            // the container lost its copy of the upload, or the temporary directory is full: nothing
            // the clerk can correct
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                copy.toFile().delete();
            }
        }
    }

    /**
     * Whether the file was made from an older version of this report (it would silently undo what
     * changed since), or cannot tell. The download stamp is both in a hidden cell and in a custom
     * property; either alone will do (programs drop one or the other), a file with neither is
     * refused, and so is one whose two disagree, since one of them was then tampered with. A stamp
     * of another report is no stale form: the header's county and year, checked cell by cell,
     * decide which report the file is of.
     */
    static Optional<ImportProblem> staleness(
            ReportWorkbookReader.Content content, String countyCode, int year, int version) {
        String cell = content.stampCell();
        String property = content.stampProperty();
        if (cell != null && property != null && !cell.equals(property)) {
            return Optional.of(ImportProblem.ofFile("excel.stampMismatch"));
        }
        String stamp = cell != null ? cell : property;
        if (stamp == null || !STAMP.matcher(stamp).matches()) {
            return Optional.of(ImportProblem.ofFile("excel.noStamp"));
        }
        String prefix = countyCode + "/" + year + "/";
        if (stamp.startsWith(prefix) && !stamp.equals(prefix + version)) {
            return Optional.of(ImportProblem.ofFile("excel.changedSinceDownload"));
        }
        return Optional.empty();
    }

    private static final Pattern STAMP = Pattern.compile("\\d{6}/\\d{4}/\\d{1,9}");
}
