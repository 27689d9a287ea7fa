package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * Reading annual reports. Approved reports are public; anything else is shown only to viewers
 * whose scope covers the county (the clerk of that county, a reviewer above it, an admin).
 */
@Service
@Transactional(readOnly = true)
public class ReportService {

    /** The first year of the catalogue (the 2015–2020 outline). */
    static final int FIRST_YEAR = 2015;

    private final AnnualReportRepository reports;
    private final RegionService regions;
    private final CatalogService catalogs;

    private final AuditService audit;
    private final Clock clock;
    private final ReportingCalendar calendar;
    private final ReportEntryService entries;
    private final ReportingPeriods periods;

    ReportService(AnnualReportRepository reports, RegionService regions, CatalogService catalogs, AuditService audit,
            Clock clock, ReportingCalendar calendar, ReportEntryService entries, ReportingPeriods periods) {
        this.periods = periods;
        this.calendar = calendar;
        this.entries = entries;
        this.reports = reports;
        this.regions = regions;
        this.catalogs = catalogs;
        this.audit = audit;
        this.clock = clock;
    }

    public int reportingYear() {
        return calendar.reportingYear();
    }

    /**
     * Opens the county's report of a year as a draft, or returns the one that exists. Only the
     * county's own clerk may: anyone else gets 403, whatever county code the form carried.
     */
    @Transactional
    public int openDraft(String countyCode, int year, Viewer viewer) {
        RegionView county = regions.findCounty(countyCode).orElseThrow(ReportService::notFound);
        if (!viewer.is(Role.COUNTY_STAFF) || !viewer.canSeeUnpublishedOf(county)) {
            throw new AccessDeniedException("only the county's own clerk opens its report");
        }
        if (year < FIRST_YEAR || year > reportingYear()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "no report can be opened for " + year);
        }
        if (!reports.existsByCountyCodeAndYear(countyCode, year)) {
            AnnualReport report = reports.save(AnnualReport.open(countyCode, year, periods.deadlineOf(year),
                    clock.instant()));
            audit.record("REPORT_CREATED", "AnnualReport", report.getId(), null,
                    Map.of("county", countyCode, "year", year, "status", report.getStatus()));
        }
        return year;
    }

    /**
     * The history of one value of a report: who changed it when, from what to what. For those who
     * may see the county's unpublished work; the public sees the published values only.
     */
    public List<AuditEntry> valueHistory(String countyCode, int year, String indicatorCode, Viewer viewer) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        Optional<AnnualReport> report = county.flatMap(c -> reports.findByCountyCodeAndYear(countyCode, year))
                .filter(r -> viewer.canSeeUnpublishedOf(county.get()));
        if (report.isEmpty()) {
            throw notFound();
        }
        List<AuditEntry> history = new java.util.ArrayList<>(
                audit.historyOf("IndicatorValue", ReportEntryService.historyKey(report.get(), indicatorCode)));
        // a value promoted from a custom figure carries that figure's history on
        history.stream().map(e -> CustomFigurePromotion.promotedFrom(e)).flatMap(Optional::stream).toList()
                .forEach(figure -> history.addAll(audit.historyOf("CustomFigure", figure.toString())));
        return history;
    }

    /**
     * A custom figure of a report and the history of its changes, for those who may see the
     * county's unpublished work. A figure promoted into the catalogue no longer exists here: its
     * history goes on under the indicator's value.
     */
    public Optional<CustomFigureHistory> customFigureHistory(String countyCode, int year, long figureId, Viewer viewer) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        return county.flatMap(c -> reports.findByCountyCodeAndYear(countyCode, year))
                .filter(r -> viewer.canSeeUnpublishedOf(county.get()))
                .flatMap(r -> r.customFigure(figureId))
                .map(f -> new CustomFigureHistory(CustomFigureView.of(f),
                        audit.historyOf("CustomFigure", f.getId().toString())));
    }

    /** A custom figure and its changes, newest first. */
    public record CustomFigureHistory(CustomFigureView figure, List<AuditEntry> changes) {
    }

    /** Whether the viewer may open this year's report for the county (the county's clerk, none yet). */
    public boolean canOpenDraft(RegionView county, Viewer viewer) {
        return viewer.is(Role.COUNTY_STAFF) && viewer.canSeeUnpublishedOf(county)
                && !reports.existsByCountyCodeAndYear(county.code(), reportingYear());
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    /** The county's reports this viewer may see, newest year first. */
    public List<ReportSummary> reportsOf(RegionView county, Viewer viewer) {
        EnumSet<ReportStatus> visible = viewer.canSeeUnpublishedOf(county)
                ? EnumSet.allOf(ReportStatus.class) : EnumSet.of(ReportStatus.APPROVED);
        return reports.findByCountyCodeAndStatusInOrderByYearDesc(county.code(), visible).stream()
                .map(r -> new ReportSummary(r.getYear(), r.getStatus(), r.getSubmissionDeadline(),
                        r.getSubmittedAt(), r.getApprovedAt(), r.getValues().size(), r.getCustomFigures().size()))
                .toList();
    }

    /** A report with all its values, or empty when it does not exist or this viewer may not see it. */
    public Optional<ReportView> find(String countyCode, int year, Viewer viewer) {
        return find(countyCode, year, viewer, Locale.SIMPLIFIED_CHINESE);
    }

    /** A report with all its values, findings in the viewer's language, and what the viewer may do with it. */
    public Optional<ReportView> find(String countyCode, int year, Viewer viewer, Locale locale) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        if (county.isEmpty()) {
            return Optional.empty();
        }
        return reports.findByCountyCodeAndYear(countyCode, year)
                .filter(r -> mayView(r, county.get(), viewer))
                .map(r -> toView(r, county.get(), viewer, locale));
    }

    /** The one rule for reading a report, its page and its downloads alike. */
    static boolean mayView(AnnualReport report, RegionView county, Viewer viewer) {
        return report.getStatus().isPublished() || viewer.canSeeUnpublishedOf(county);
    }

    private ReportView toView(AnnualReport report, RegionView county, Viewer viewer, Locale locale) {
        Catalog catalog = catalogs.forYear(report.getYear());
        Map<String, IndicatorValue> values = report.valuesByCode();
        Map<String, BigDecimal> lastYear = entries.lastApproved(report.getCountyCode(), report.getYear());
        List<Finding> findings = ReportValidator.validate(catalog, report.entries(), lastYear, locale);
        Map<String, List<Finding>> byIndicator = findings.stream()
                .collect(java.util.stream.Collectors.groupingBy(Finding::indicatorCode));
        List<SectionValues> sections = catalog.sections().stream()
                .map(s -> new SectionValues(s, catalog.indicatorsOf(s.code()).stream()
                        .map(i -> row(i, values, lastYear, byIndicator.getOrDefault(i.code(), List.of())))
                        .toList(), report.customFiguresOf(s.code()).stream().map(CustomFigureView::of).toList()))
                .toList();
        boolean ownClerk = viewer.is(Role.COUNTY_STAFF) && viewer.canSeeUnpublishedOf(county);
        boolean reviewer = viewer.is(Role.REVIEWER) && viewer.canSeeUnpublishedOf(county);
        ReportView.Actions actions = new ReportView.Actions(ownClerk && report.isEditable(),
                reviewer && report.getStatus() == ReportStatus.SUBMITTED,
                (reviewer || viewer.is(Role.ADMIN)) && report.getStatus() == ReportStatus.APPROVED,
                viewer.canSeeUnpublishedOf(county));
        // what the review said and what the clerk explained stay with those who may see the county's work
        boolean internal = viewer.canSeeUnpublishedOf(county);
        return new ReportView(county, report.getYear(), report.getStatus(), report.getSubmissionDeadline(),
                report.getSubmittedAt(), report.getApprovedAt(), report.getPublishedOn(),
                internal ? report.getReviewComment() : null,
                report.getMeasuresText(), report.getProblemsText(), report.getNextYearPlanText(),
                report.getLeadersDutyText(), internal ? sections : sections.stream().map(ReportService::publicOf).toList(),
                internal ? findings : List.of(), report.getVersion(), actions);
    }

    /**
     * A section as the public sees it: the values without the clerk's explanations and without the
     * validation's warnings, which are internal (issue 18: internal stays internal).
     */
    private static SectionValues publicOf(SectionValues section) {
        return new SectionValues(section.section(), section.rows().stream()
                .map(r -> new ValueRow(r.indicator(), r.value(), r.display(), r.source(), null, r.notApplicable(),
                        r.targetMet(), r.lastYear(), List.of()))
                .toList(), section.customFigures());
    }

    /** A computed rate is always derived from its parts, the same way it is stored. */
    private static ValueRow row(IndicatorDef indicator, Map<String, IndicatorValue> values,
            Map<String, BigDecimal> lastYear, List<Finding> findings) {
        IndicatorValue stored = values.get(indicator.code());
        boolean typed = stored != null && stored.getSource() == ValueSource.TYPED;
        BigDecimal before = lastYear.get(indicator.code());
        String previous = before == null ? null : FigureFormat.format(indicator.kind(), before);
        if (indicator.isComputed() && !typed) {
            ComputedRate rate = ComputedRate.of(valueOf(values, indicator.numeratorCode()),
                    valueOf(values, indicator.denominatorCode()));
            return row(indicator, rate.percent(), ValueSource.COMPUTED, null, rate.isNotApplicable(), previous, findings);
        }
        return stored == null ? row(indicator, null, null, null, false, previous, findings)
                : row(indicator, stored.getValue(), stored.getSource(), stored.getExplanation(), false, previous,
                        findings);
    }

    private static ValueRow row(IndicatorDef indicator, BigDecimal value, ValueSource source,
            String explanation, boolean notApplicable, String lastYear, List<Finding> findings) {
        Boolean targetMet = indicator.target() == null || value == null ? null : indicator.target().isMetBy(value);
        return new ValueRow(indicator, value, FigureFormat.format(indicator.kind(), value), source,
                explanation, notApplicable, targetMet, lastYear, findings);
    }

    private static BigDecimal valueOf(Map<String, IndicatorValue> values, String code) {
        IndicatorValue v = values.get(code);
        return v == null ? null : v.getValue();
    }
}
