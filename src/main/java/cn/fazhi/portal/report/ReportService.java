package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ComputedRate;
import cn.fazhi.portal.report.internal.CustomFigureView;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ReportContent;
import cn.fazhi.portal.report.internal.ReportCreated;
import cn.fazhi.portal.report.internal.ReportSummary;
import cn.fazhi.portal.report.internal.ReportVersion;
import cn.fazhi.portal.report.internal.ReportView;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import cn.fazhi.portal.report.internal.SectionValues;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import cn.fazhi.portal.report.internal.VersionChanges;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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
    private final ApplicationEventPublisher events;
    private final ReportCustomFigures customFigures;
    private final Clock clock;
    private final ReportingCalendar calendar;
    private final ReportEntryService entries;
    private final ReportingPeriods periods;

    ReportService(
            AnnualReportRepository reports,
            RegionService regions,
            CatalogService catalogs,
            AuditService audit,
            ApplicationEventPublisher events,
            ReportCustomFigures customFigures,
            Clock clock,
            ReportingCalendar calendar,
            ReportEntryService entries,
            ReportingPeriods periods) {
        this.periods = periods;
        this.calendar = calendar;
        this.entries = entries;
        this.reports = reports;
        this.regions = regions;
        this.catalogs = catalogs;
        this.audit = audit;
        this.events = events;
        this.customFigures = customFigures;
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
            throw new NotAllowedException("only the county's own clerk opens its report");
        }
        if (year < FIRST_YEAR || year > reportingYear()) {
            throw new RuleRefusedException("no report can be opened for " + year);
        }
        if (!reports.existsByCountyCodeAndYear(countyCode, year)) {
            AnnualReport report =
                    reports.save(AnnualReport.open(countyCode, year, periods.deadlineOf(year), clock.instant()));
            events.publishEvent(new ReportCreated(report.getId(), countyCode, year, report.getStatus()));
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
        customFigures
                .promotedInto(report.get().getId(), indicatorCode)
                .forEach(figure -> history.addAll(audit.historyOf("CustomFigure", figure.toString())));
        return history;
    }

    /**
     * A custom figure of a report and the history of its changes, for those who may see the
     * county's unpublished work. A figure promoted into the catalogue no longer exists here: its
     * history goes on under the indicator's value.
     */
    public Optional<CustomFigureHistory> customFigureHistory(
            String countyCode, int year, long figureId, Viewer viewer) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        return county.flatMap(c -> reports.findByCountyCodeAndYear(countyCode, year))
                .filter(r -> viewer.canSeeUnpublishedOf(county.get()))
                .flatMap(r -> r.customFigure(figureId))
                .map(f -> new CustomFigureHistory(
                        CustomFigureView.of(f),
                        audit.historyOf("CustomFigure", f.getId().toString())));
    }

    /** A custom figure and its changes, newest first. */
    public record CustomFigureHistory(CustomFigureView figure, List<AuditEntry> changes) {}

    /** Whether the viewer may open this year's report for the county (the county's clerk, none yet). */
    public boolean canOpenDraft(RegionView county, Viewer viewer) {
        return viewer.is(Role.COUNTY_STAFF)
                && viewer.canSeeUnpublishedOf(county)
                && !reports.existsByCountyCodeAndYear(county.code(), reportingYear());
    }

    private static NotFoundException notFound() {
        return new NotFoundException();
    }

    /**
     * The county's reports this viewer may see, newest year first: all of them for those who may
     * see the county's unpublished work, the published ones (as last approved) for anyone else.
     */
    public List<ReportSummary> reportsOf(RegionView county, Viewer viewer) {
        boolean internal = viewer.canSeeUnpublishedOf(county);
        return reports.findByCountyCodeOrderByYearDesc(county.code()).stream()
                .map(r -> {
                    if (internal) {
                        return new ReportSummary(
                                r.getYear(),
                                r.getStatus(),
                                r.getSubmissionDeadline(),
                                r.getSubmittedAt(),
                                r.getApprovedAt(),
                                r.getValues().size(),
                                r.getCustomFigures().size(),
                                r.isCorrecting(),
                                latestNumber(r));
                    }
                    ReportVersion published = r.getPublishedVersion();
                    if (published != null) {
                        return new ReportSummary(
                                r.getYear(),
                                ReportStatus.APPROVED,
                                r.getSubmissionDeadline(),
                                published.getSubmittedAt(),
                                published.getApprovedAt(),
                                published.getFilledCount(),
                                published.getFigures().size(),
                                r.isCorrecting(),
                                published.getNumber());
                    }
                    return r.getStatus().isPublished()
                            ? new ReportSummary(
                                    r.getYear(),
                                    r.getStatus(),
                                    r.getSubmissionDeadline(),
                                    r.getSubmittedAt(),
                                    r.getApprovedAt(),
                                    r.getValues().size(),
                                    r.getCustomFigures().size(),
                                    false,
                                    null)
                            : null;
                })
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private static Integer latestNumber(AnnualReport report) {
        return report.getPublishedVersion() == null
                ? null
                : report.getPublishedVersion().getNumber();
    }

    /** A report with all its values, or empty when it does not exist or this viewer may not see it. */
    public Optional<ReportView> find(String countyCode, int year, Viewer viewer) {
        return find(countyCode, year, viewer, Locale.SIMPLIFIED_CHINESE);
    }

    /** A report with all its values, findings in the viewer's language, and what the viewer may do with it. */
    public Optional<ReportView> find(String countyCode, int year, Viewer viewer, Locale locale) {
        return find(countyCode, year, null, viewer, locale);
    }

    /**
     * A report as this viewer reads it (see {@link #readable}), or one of its published versions,
     * which are public.
     *
     * @param versionNumber the published version to show, or null for what the viewer reads by default
     */
    public Optional<ReportView> find(String countyCode, int year, Integer versionNumber, Viewer viewer, Locale locale) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        if (county.isEmpty()) {
            return Optional.empty();
        }
        return reports.findByCountyCodeAndYear(countyCode, year)
                .flatMap(r -> readable(r, county.get(), viewer, versionNumber)
                        .map(content -> toView(r, content, county.get(), viewer, locale)));
    }

    /**
     * The one rule for reading a report, its page and its downloads alike: a published version is
     * public; the working copy is for those who may see the county's unpublished work. Anyone else
     * reads the last approved version, also while a correction of it is under way (issue 18), or a
     * report approved without one (loaded by SQL) as it stands.
     *
     * @param versionNumber a published version asked for by number, or null
     */
    static Optional<ReportContent> readable(
            AnnualReport report, RegionView county, Viewer viewer, Integer versionNumber) {
        if (versionNumber != null) {
            return report.version(versionNumber).map(ReportContent.class::cast);
        }
        if (viewer.canSeeUnpublishedOf(county)) {
            return Optional.of(report);
        }
        if (report.getPublishedVersion() != null) {
            return Optional.of(report.getPublishedVersion());
        }
        return report.getStatus().isPublished() ? Optional.of(report) : Optional.empty();
    }

    private ReportView toView(
            AnnualReport report, ReportContent content, RegionView county, Viewer viewer, Locale locale) {
        Catalog catalog = catalogs.forYear(report.getYear());
        ReportVersion shown = content instanceof ReportVersion version ? version : null;
        // what the review said and what the clerk explained stay with those who may see the county's work
        boolean internal = viewer.canSeeUnpublishedOf(county);
        boolean working = shown == null && internal;
        Map<String, ValueEntry> values = content.entries();
        Map<String, BigDecimal> lastYear = entries.lastApproved(report.getCountyCode(), report.getYear());
        List<Finding> findings = working ? ReportValidator.validate(catalog, values, lastYear, locale) : List.of();
        Map<String, List<Finding>> byIndicator =
                findings.stream().collect(java.util.stream.Collectors.groupingBy(Finding::indicatorCode));
        List<SectionValues> sections = catalog.sections().stream()
                .map(s -> new SectionValues(
                        s,
                        catalog.indicatorsOf(s.code()).stream()
                                .map(i -> row(i, values, lastYear, byIndicator.getOrDefault(i.code(), List.of())))
                                .toList(),
                        content.figuresOf(s.code())))
                .toList();
        boolean ownClerk = viewer.is(Role.COUNTY_STAFF) && internal;
        boolean reviewer = viewer.is(Role.REVIEWER) && internal;
        ReportView.Actions actions = shown != null
                ? new ReportView.Actions(false, false, false, internal)
                : new ReportView.Actions(
                        ownClerk && report.isEditable(),
                        reviewer && report.getStatus() == ReportStatus.SUBMITTED,
                        (reviewer || viewer.is(Role.ADMIN)) && report.getStatus() == ReportStatus.APPROVED,
                        internal);
        List<ReportView.VersionSummary> versions = report.getVersions().stream()
                .map(v -> new ReportView.VersionSummary(
                        v.getNumber(), v.getSubmittedAt(), v.getApprovedAt(), v.getPublicNote()))
                .toList();
        List<java.time.Instant> submissions = internal
                ? report.getSubmissions().stream()
                        .map(AnnualReport.Submission::submittedAt)
                        .toList()
                : List.of();
        Map<String, String> narrative = content.narrative();
        return new ReportView(
                county,
                report.getYear(),
                shown != null ? ReportStatus.APPROVED : report.getStatus(),
                report.getSubmissionDeadline(),
                shown != null ? shown.getSubmittedAt() : report.getSubmittedAt(),
                shown != null ? shown.getApprovedAt() : report.getApprovedAt(),
                report.getPublishedOn(),
                working ? report.getReviewComment() : null,
                narrative.get("measures"),
                narrative.get("problems"),
                narrative.get("nextYearPlan"),
                narrative.get("leadersDuty"),
                working
                        ? sections
                        : sections.stream().map(ReportService::publicOf).toList(),
                findings,
                report.getVersion(),
                actions,
                shown == null ? null : shown.getNumber(),
                report.isCorrecting(),
                versions,
                submissions,
                shown == null ? null : shown.getPublicNote());
    }

    /**
     * A section as the public sees it: the values without the clerk's explanations and without the
     * validation's warnings, which are internal (issue 18: internal stays internal).
     */
    private static SectionValues publicOf(SectionValues section) {
        return new SectionValues(
                section.section(),
                section.rows().stream()
                        .map(r -> new ValueRow(
                                r.indicator(),
                                r.value(),
                                r.display(),
                                r.source(),
                                null,
                                r.notApplicable(),
                                r.targetMet(),
                                r.lastYear(),
                                List.of()))
                        .toList(),
                section.customFigures());
    }

    /**
     * What a correction changed: version {@code number} against the one before it, value by value
     * (custom figures included) and part by part of the narrative. Versions are public, so is this.
     */
    public Optional<VersionChanges> changes(String countyCode, int year, int number) {
        Optional<RegionView> county = regions.findCounty(countyCode);
        Optional<AnnualReport> report = county.flatMap(c -> reports.findByCountyCodeAndYear(countyCode, year));
        Optional<ReportVersion> after = report.flatMap(r -> r.version(number));
        Optional<ReportVersion> before = report.flatMap(r -> r.version(number - 1));
        if (after.isEmpty() || before.isEmpty()) {
            return Optional.empty();
        }
        Catalog catalog = catalogs.forYear(year);
        Map<String, ValueEntry> old = before.get().entries();
        Map<String, ValueEntry> now = after.get().entries();
        List<VersionChanges.ValueChange> values = new java.util.ArrayList<>();
        for (cn.fazhi.portal.catalog.SectionDef section : catalog.sections()) {
            for (IndicatorDef indicator : catalog.indicatorsOf(section.code())) {
                String was = FigureFormat.format(indicator.kind(), valueOf(old, indicator.code()));
                String is = FigureFormat.format(indicator.kind(), valueOf(now, indicator.code()));
                if (!java.util.Objects.equals(was, is)) {
                    values.add(new VersionChanges.ValueChange(
                            section,
                            indicator.code(),
                            indicator.nameZh(),
                            indicator.nameEn(),
                            indicator.unit(),
                            was,
                            is));
                }
            }
            Map<String, CustomFigureView> oldFigures = byName(before.get().figuresOf(section.code()));
            Map<String, CustomFigureView> newFigures = byName(after.get().figuresOf(section.code()));
            java.util.Set<String> names = new java.util.LinkedHashSet<>(oldFigures.keySet());
            names.addAll(newFigures.keySet());
            for (String name : names) {
                CustomFigureView was = oldFigures.get(name);
                CustomFigureView is = newFigures.get(name);
                String wasText = was == null ? null : was.display() + " " + was.unit();
                String isText = is == null ? null : is.display() + " " + is.unit();
                if (!java.util.Objects.equals(wasText, isText)) {
                    values.add(new VersionChanges.ValueChange(section, null, name, name, null, wasText, isText));
                }
            }
        }
        Map<String, String> oldText = before.get().narrative();
        Map<String, String> newText = after.get().narrative();
        List<VersionChanges.TextChange> texts = newText.keySet().stream()
                .filter(part -> !java.util.Objects.equals(oldText.get(part), newText.get(part)))
                .map(part -> new VersionChanges.TextChange(part, oldText.get(part), newText.get(part)))
                .toList();
        return Optional.of(new VersionChanges(
                county.get(),
                year,
                number - 1,
                number,
                after.get().getApprovedAt(),
                after.get().getPublicNote(),
                values,
                texts));
    }

    private static Map<String, CustomFigureView> byName(List<CustomFigureView> figures) {
        Map<String, CustomFigureView> named = new java.util.LinkedHashMap<>();
        figures.forEach(f -> named.put(f.name(), f));
        return named;
    }

    /** A computed rate is always derived from its parts, the same way it is stored. */
    private static ValueRow row(
            IndicatorDef indicator,
            Map<String, ValueEntry> values,
            Map<String, BigDecimal> lastYear,
            List<Finding> findings) {
        ValueEntry stored = values.get(indicator.code());
        boolean typed = stored != null && stored.source() == ValueSource.TYPED;
        BigDecimal before = lastYear.get(indicator.code());
        String previous = before == null ? null : FigureFormat.format(indicator.kind(), before);
        if (indicator.isComputed() && !typed) {
            ComputedRate rate = ComputedRate.of(
                    valueOf(values, indicator.numeratorCode()), valueOf(values, indicator.denominatorCode()));
            return row(
                    indicator, rate.percent(), ValueSource.COMPUTED, null, rate.isNotApplicable(), previous, findings);
        }
        return stored == null
                ? row(indicator, null, null, null, false, previous, findings)
                : row(indicator, stored.value(), stored.source(), stored.explanation(), false, previous, findings);
    }

    private static ValueRow row(
            IndicatorDef indicator,
            BigDecimal value,
            ValueSource source,
            String explanation,
            boolean notApplicable,
            String lastYear,
            List<Finding> findings) {
        Boolean targetMet = indicator.target() == null || value == null
                ? null
                : indicator.target().isMetBy(value);
        return new ValueRow(
                indicator,
                value,
                FigureFormat.format(indicator.kind(), value),
                source,
                explanation,
                notApplicable,
                targetMet,
                lastYear,
                findings);
    }

    private static BigDecimal valueOf(Map<String, ValueEntry> values, String code) {
        ValueEntry v = values.get(code);
        return v == null ? null : v.value();
    }
}
