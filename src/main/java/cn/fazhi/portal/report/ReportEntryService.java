package cn.fazhi.portal.report;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ComputedRate;
import cn.fazhi.portal.report.internal.CustomFigure;
import cn.fazhi.portal.report.internal.CustomFigureAdded;
import cn.fazhi.portal.report.internal.CustomFigureChanged;
import cn.fazhi.portal.report.internal.CustomFigureInput;
import cn.fazhi.portal.report.internal.CustomFigureRemoved;
import cn.fazhi.portal.report.internal.CustomRow;
import cn.fazhi.portal.report.internal.EntryRow;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.IllegalReportTransitionException;
import cn.fazhi.portal.report.internal.NarrativeChanged;
import cn.fazhi.portal.report.internal.ReportForm;
import cn.fazhi.portal.report.internal.ReportProgress;
import cn.fazhi.portal.report.internal.SectionForm;
import cn.fazhi.portal.report.internal.SectionTab;
import cn.fazhi.portal.report.internal.ValueChanged;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueInput;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clerk's report form: showing a section with last year's values and the findings, and
 * saving it. A draft can always be saved: values that are not numbers of their kind are refused
 * one by one (and shown back as typed), everything else is stored, rule violations included.
 */
@Service
@Transactional(readOnly = true)
public class ReportEntryService {

    static final int MAX_EXPLANATION = 2000;
    static final int MAX_NARRATIVE = 20000;
    public static final List<String> NARRATIVE_FIELDS = List.of("measures", "problems", "nextYearPlan", "leadersDuty");

    private final AnnualReportRepository reports;
    private final CatalogService catalogs;
    private final ReportAccess access;
    private final ApplicationEventPublisher events;
    private final ReportingCalendar calendar;
    private final Clock clock;
    private final CustomFigureRepository customFigures;

    ReportEntryService(
            AnnualReportRepository reports,
            CatalogService catalogs,
            ReportAccess access,
            ApplicationEventPublisher events,
            ReportingCalendar calendar,
            Clock clock,
            CustomFigureRepository customFigures) {
        this.customFigures = customFigures;
        this.reports = reports;
        this.catalogs = catalogs;
        this.access = access;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
    }

    /**
     * What the clerk typed, to be shown back, and the message keys of what was refused by form field
     * ({@link SectionForm#valueField} …).
     */
    public record Typed(SectionForm form, Map<String, String> errors) {

        public static final Typed NONE =
                new Typed(new SectionForm(null, null, null, null, null, null, null, null, null, null), Map.of());
    }

    /** The form of one section (or of the narrative) for the county's own clerk. */
    public ReportForm form(String countyCode, int year, String section, Viewer viewer, Locale locale, Typed typed) {
        RegionView county = access.requireClerkOf(countyCode, viewer);
        // the form only reads the report: its values as rows rather than a hundred managed entities
        AnnualReport report = reports.findReportOnly(countyCode, year).orElseThrow(NotFoundException::new);
        Catalog catalog = catalogs.forYear(year);
        String shown = ReportForm.NARRATIVE.equals(section)
                        || catalog.sections().stream().anyMatch(s -> s.code().equals(section))
                ? section
                : catalog.sections().get(0).code();
        Map<String, BigDecimal> lastYear = lastApproved(countyCode, year);
        Map<String, ValueEntry> entries = new HashMap<>();
        for (AnnualReportRepository.StoredValue stored : reports.entriesOf(report.getId())) {
            entries.put(stored.indicatorCode(), stored.entry());
        }
        List<Finding> findings = ReportValidator.validate(catalog, entries, lastYear, locale);
        Map<String, List<Finding>> byIndicator =
                findings.stream().collect(Collectors.groupingBy(Finding::indicatorCode));

        Map<String, IndicatorDef> byCode = catalog.byCode(); // built once, not once per tab
        List<SectionTab> tabs = catalog.sections().stream()
                .map(s -> {
                    List<IndicatorDef> in = catalog.indicatorsOf(s.code());
                    long filled = filled(in, byCode, entries);
                    long errors = findings.stream()
                            .filter(f -> f.sectionCode().equals(s.code()) && f.isError())
                            .count();
                    long warnings = findings.stream()
                            .filter(f -> f.sectionCode().equals(s.code()) && !f.isError())
                            .count();
                    return new SectionTab(s, filled, in.size(), errors, warnings);
                })
                .toList();

        List<EntryRow> rows = ReportForm.NARRATIVE.equals(shown)
                ? List.of()
                : catalog.indicatorsOf(shown).stream()
                        .map(i -> row(i, catalog, entries, lastYear, byIndicator, typed))
                        .toList();
        Map<String, String> narrative = report.narrative();
        narrative.putAll(typed.form().narrative());
        List<CustomRow> custom = ReportForm.NARRATIVE.equals(shown) ? List.of() : customRows(report, shown, typed);
        return new ReportForm(
                county,
                year,
                progress(report, catalog, entries, findings),
                report.isEditable(),
                shown,
                tabs,
                rows,
                narrative,
                typed.errors(),
                findings,
                custom,
                unitsInUse(catalog));
    }

    /**
     * Saves one section's values, explanations and custom figures. Only the indicators of the
     * section in the year's catalogue and the section's own figures are read from the form; any
     * other key it carries is ignored.
     *
     * @return the fields refused ({@link SectionForm#valueField} …) with their message keys; empty
     *     when everything was stored
     * @throws ReportConflictException when someone else saved the report since the form's version
     */
    @Transactional
    public Map<String, String> saveSection(String countyCode, int year, SectionForm form, Viewer viewer) {
        access.requireClerkOf(countyCode, viewer);
        Catalog catalog = catalogs.forYear(year);
        String section = form.section();
        if (catalog.sections().stream().noneMatch(s -> s.code().equals(section))) {
            // the form only sends its own sections: anything else was not typed in it
            throw new RuleRefusedException("no section " + section + " in " + year);
        }
        AnnualReport report = editable(countyCode, year, form.version());
        Map<String, String> errors = new LinkedHashMap<>();
        // what each field had before this save (a field changes only its own indicator's entry)
        Map<String, ValueEntry> before = report.entries();
        Map<String, String> values = form.values();
        Map<String, String> explanations = form.explanations();
        for (IndicatorDef indicator : catalog.indicatorsOf(section)) {
            String code = indicator.code();
            if (!values.containsKey(code) && !explanations.containsKey(code)) {
                continue;
            }
            // a field the request does not carry keeps what is stored
            ValueEntry stored = before.get(code);
            boolean storedTyped = stored != null && stored.source() == ValueSource.TYPED;
            ValueInput.Parsed parsed = values.containsKey(code)
                    ? ValueInput.parse(indicator.kind(), values.get(code))
                    : new ValueInput.Parsed(storedTyped ? stored.value() : null, null);
            String explanation = explanations.get(code) != null
                    ? explanations.get(code)
                    : stored == null || stored.explanation() == null ? "" : stored.explanation();
            if (!parsed.isValid()) {
                errors.put(SectionForm.valueField(code), parsed.error());
            }
            if (explanation.length() > MAX_EXPLANATION) {
                errors.put(SectionForm.explanationField(code), "explanation.tooLong");
            }
            if (parsed.isValid() && explanation.length() <= MAX_EXPLANATION) {
                applyTyped(report, indicator, parsed.value(), explanation, viewer);
            }
        }
        saveCustomFigures(report, section, form, viewer, errors);
        report.recomputeRates(catalog, viewer.accountId(), clock.instant());
        // the report was read in this transaction and is managed: its changes (new values included,
        // by cascade) are written when it commits; a merge would only walk its hundred values again
        return errors;
    }

    /**
     * The section's custom figures as the form sends them: each shown figure's row (removed when
     * its box is ticked, changed when its name is sent) and the blank row for a new one. Only this
     * report's figures of this section are looked up; a figure with a problem keeps what is
     * stored, and its fields are shown back.
     */
    private void saveCustomFigures(
            AnnualReport report, String section, SectionForm form, Viewer viewer, Map<String, String> errors) {
        for (CustomFigure figure : report.customFiguresOf(section)) {
            SectionForm.FigureForm typed = form.figures().get(figure.getId().toString());
            if (typed == null) {
                continue;
            }
            if (typed.isRemoved()) {
                removeCustomFigure(report, figure);
            } else if (typed.name() != null) {
                saveCustomFigure(report, section, figure, typed, viewer, errors);
            }
        }
        if (form.added() != null && !form.added().isBlank()) {
            saveCustomFigure(report, section, null, form.added(), viewer, errors);
        }
    }

    private void saveCustomFigure(
            AnnualReport report,
            String section,
            CustomFigure figure,
            SectionForm.FigureForm typed,
            Viewer viewer,
            Map<String, String> errors) {
        Long id = figure == null ? null : figure.getId();
        CustomFigureInput.Parsed parsed =
                CustomFigureInput.parse(typed.name(), typed.unit(), typed.value(), typed.note());
        if (!parsed.isValid()) {
            parsed.errors().forEach((part, error) -> errors.put(SectionForm.figureField(id, part), error));
            return;
        }
        if (report.hasCustomFigureNamed(section, parsed.content().name(), id)) {
            errors.put(SectionForm.figureField(id, CustomFigureInput.NAME), "custom.duplicateName");
            return;
        }
        applyCustomFigure(report, section, figure, parsed.content(), viewer);
    }

    /**
     * Adds a custom figure (when {@code figure} is null) or changes one, and records it in the
     * audit log. The form and the Excel import both go through here.
     */
    void applyCustomFigure(
            AnnualReport report, String section, CustomFigure figure, CustomFigure.Content content, Viewer viewer) {
        if (figure == null) {
            CustomFigure added =
                    customFigures.save(report.addCustomFigure(section, content, viewer.accountId(), clock.instant()));
            events.publishEvent(new CustomFigureAdded(added.getId(), customState(added, content)));
            return;
        }
        CustomFigure.Content before = figure.content();
        if (report.changeCustomFigure(figure, content, viewer.accountId(), clock.instant())) {
            events.publishEvent(
                    new CustomFigureChanged(figure.getId(), customState(figure, before), customState(figure, content)));
        }
    }

    void removeCustomFigure(AnnualReport report, CustomFigure figure) {
        report.removeCustomFigure(figure, clock.instant());
        events.publishEvent(new CustomFigureRemoved(figure.getId(), customState(figure, figure.content())));
    }

    /** A custom figure's state in the audit log: where it is, and what it says. */
    static Map<String, Object> customState(CustomFigure figure, CustomFigure.Content content) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("report", figure.getReport().getId());
        state.put("section", figure.getSectionCode());
        state.putAll(content.state());
        return state;
    }

    /** The units a clerk may pick for a custom figure: the catalogue's and those already typed. */
    private List<String> unitsInUse(Catalog catalog) {
        java.util.SortedSet<String> units = new java.util.TreeSet<>(customFigures.findUnits());
        catalog.indicators().forEach(i -> units.add(i.unit()));
        return List.copyOf(units);
    }

    private static List<CustomRow> customRows(AnnualReport report, String section, Typed typed) {
        List<CustomRow> rows = new java.util.ArrayList<>();
        for (CustomFigure figure : report.customFiguresOf(section)) {
            CustomFigure.Content stored = figure.content();
            rows.add(customRow(
                    figure.getId(),
                    typed.form().figures().get(figure.getId().toString()),
                    typed.errors(),
                    stored.name(),
                    stored.unit(),
                    stored.value().toPlainString(),
                    stored.note()));
        }
        // the blank row shows back what was typed unless it was stored (then it is listed above): it
        // was not when it was refused, nor when the whole save was (a conflict: no errors at all)
        String added = SectionForm.figureField(null, "");
        boolean notStored =
                typed.errors().isEmpty() || typed.errors().keySet().stream().anyMatch(f -> f.startsWith(added));
        rows.add(
                notStored
                        ? customRow(null, typed.form().added(), typed.errors(), "", "", "", "")
                        : new CustomRow(null, "", "", "", "", false, Map.of()));
        return rows;
    }

    /** A figure's row: what was typed where the request carried it, otherwise what is stored. */
    private static CustomRow customRow(
            Long id,
            SectionForm.FigureForm typed,
            Map<String, String> refused,
            String name,
            String unit,
            String value,
            String note) {
        Map<String, String> errors = new HashMap<>();
        java.util.function.BiFunction<String, String, String> shown = (part, stored) -> {
            String error = refused.get(SectionForm.figureField(id, part));
            if (error != null) {
                errors.put(part, error);
            }
            String sent = typed == null ? null : typed.part(part);
            return sent != null ? sent : stored == null ? "" : stored;
        };
        return new CustomRow(
                id,
                shown.apply(CustomFigureInput.NAME, name),
                shown.apply(CustomFigureInput.UNIT, unit),
                shown.apply(CustomFigureInput.VALUE, value),
                shown.apply(CustomFigureInput.NOTE, note),
                typed != null && typed.isRemoved(),
                errors);
    }

    /**
     * Saves the narrative parts ({@link #NARRATIVE_FIELDS}; a part not given is cleared); a text over
     * the limit is refused, keeps what is stored and is shown back.
     *
     * @param fields the four parts' texts by name
     * @return the parts refused, by name, with message keys
     */
    @Transactional
    public Map<String, String> saveNarrative(
            String countyCode, int year, int version, Map<String, String> fields, Viewer viewer) {
        access.requireClerkOf(countyCode, viewer);
        AnnualReport report = editable(countyCode, year, version);
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, String> texts = new HashMap<>();
        for (String field : NARRATIVE_FIELDS) {
            String text = fields.getOrDefault(field, "");
            if (text.length() > MAX_NARRATIVE) {
                errors.put(field, "narrative.tooLong");
            }
            texts.put(field, narrativeText(text));
        }
        // a refused part keeps what is stored
        Map<String, String> stored = report.narrative();
        errors.keySet().forEach(field -> texts.put(field, stored.get(field)));
        applyNarrative(report, texts);
        reports.save(report);
        return errors;
    }

    /**
     * Applies what the clerk typed for one indicator (a null value and a blank explanation clear
     * it) and records the change in the audit log. The form and the Excel import both store
     * values through here, so that a value's history reads the same whichever way it came.
     */
    void applyTyped(AnnualReport report, IndicatorDef indicator, BigDecimal value, String explanation, Viewer viewer) {
        report.type(indicator, value, explanation, viewer.accountId(), clock.instant())
                .ifPresent(before -> events.publishEvent(new ValueChanged(
                        report.getId(), indicator.code(), state(before), state(report.entry(indicator.code())))));
    }

    /**
     * Writes the four narrative parts (texts by field name, already checked and made as stored by
     * {@link #narrativeText}) and records the change, if there is one, in the audit log.
     */
    void applyNarrative(AnnualReport report, Map<String, String> texts) {
        Map<String, String> before = report.narrative();
        report.writeNarrative(
                texts.get("measures"),
                texts.get("problems"),
                texts.get("nextYearPlan"),
                texts.get("leadersDuty"),
                clock.instant());
        if (!before.equals(report.narrative())) {
            events.publishEvent(new NarrativeChanged(report.getId(), before, report.narrative()));
        }
    }

    /** A narrative text as stored: stripped, and none when blank. */
    static String narrativeText(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }

    /** The state of the county's report of a year, for its own clerk. */
    public ReportProgress progress(String countyCode, int year, Viewer viewer, Locale locale) {
        access.requireClerkOf(countyCode, viewer);
        return reports.findByCountyCodeAndYear(countyCode, year)
                .map(report -> {
                    Catalog catalog = catalogs.forYear(year);
                    Map<String, ValueEntry> entries = report.entries();
                    return progress(
                            report,
                            catalog,
                            entries,
                            ReportValidator.validate(catalog, entries, lastApproved(countyCode, year), locale));
                })
                .orElse(null);
    }

    /** The findings of a report, for the workflow's submission check and the review page. */
    List<Finding> findings(AnnualReport report, Locale locale) {
        return ReportValidator.validate(
                catalogs.forYear(report.getYear()),
                report.entries(),
                lastApproved(report.getCountyCode(), report.getYear()),
                locale);
    }

    /** The values of the county's approved report of the year before, for comparison. */
    Map<String, BigDecimal> lastApproved(String countyCode, int year) {
        Map<String, BigDecimal> values = new HashMap<>();
        for (AnnualReportRepository.PublishedValue published : reports.publishedValuesOf(countyCode, year - 1)) {
            values.put(published.indicatorCode(), published.value());
        }
        return values;
    }

    static String historyKey(AnnualReport report, String indicatorCode) {
        return ValueChanged.historyKey(report.getId(), indicatorCode);
    }

    private ReportProgress progress(
            AnnualReport report, Catalog catalog, Map<String, ValueEntry> entries, List<Finding> findings) {
        long filled = filled(catalog.indicators(), catalog.byCode(), entries);
        long errors = findings.stream().filter(Finding::isError).count();
        long unexplained =
                findings.stream().filter(f -> !f.isError() && !f.explained()).count();
        long daysLeft = ChronoUnit.DAYS.between(calendar.today(), report.getSubmissionDeadline());
        return new ReportProgress(
                report.getYear(),
                report.getStatus(),
                report.getVersion(),
                report.getSubmissionDeadline(),
                daysLeft,
                filled,
                catalog.indicators().size(),
                errors,
                unexplained,
                report.hasNarrative(),
                report.getReviewComment());
    }

    /** How many of these indicators have a value (a rate counts when its parts give one). */
    private static long filled(
            List<IndicatorDef> indicators, Map<String, IndicatorDef> byCode, Map<String, ValueEntry> entries) {
        return indicators.stream()
                .filter(i -> ReportValidator.effective(i.code(), byCode, entries) != null)
                .count();
    }

    private EntryRow row(
            IndicatorDef indicator,
            Catalog catalog,
            Map<String, ValueEntry> entries,
            Map<String, BigDecimal> lastYear,
            Map<String, List<Finding>> findings,
            Typed typed) {
        ValueEntry entry = entries.get(indicator.code());
        boolean typedHere = entry != null && entry.source() == ValueSource.TYPED;
        String code = indicator.code();
        String typedValue = typed.form().values().get(code);
        String typedExplanation = typed.form().explanations().get(code);
        String input = typedValue != null
                ? typedValue
                : typedHere && entry.value() != null ? plain(indicator.kind(), entry.value()) : "";
        String explanation = typedExplanation != null
                ? typedExplanation
                : entry == null ? "" : java.util.Objects.requireNonNullElse(entry.explanation(), "");
        String computedDisplay = null;
        boolean notApplicable = false;
        if (indicator.isComputed()) {
            ComputedRate rate = ComputedRate.of(
                    value(entries, indicator.numeratorCode()), value(entries, indicator.denominatorCode()));
            computedDisplay = rate.isComputed() ? FigureFormat.format(IndicatorKind.RATE, rate.percent()) : null;
            notApplicable = rate.isNotApplicable();
        }
        BigDecimal before = lastYear.get(indicator.code());
        return new EntryRow(
                indicator,
                input,
                explanation,
                before == null ? null : FigureFormat.format(indicator.kind(), before),
                typedHere,
                computedDisplay,
                notApplicable,
                typed.errors().get(SectionForm.valueField(code)),
                typed.errors().get(SectionForm.explanationField(code)),
                findings.getOrDefault(indicator.code(), List.of()));
    }

    private AnnualReport find(String countyCode, int year) {
        return reports.findByCountyCodeAndYear(countyCode, year).orElseThrow(NotFoundException::new);
    }

    private AnnualReport editable(String countyCode, int year, int version) {
        AnnualReport report = find(countyCode, year);
        if (!report.isEditable()) {
            throw new IllegalReportTransitionException("edit", report.getStatus());
        }
        if (report.getVersion() != version) {
            throw new ReportConflictException(report.getVersion());
        }
        return report;
    }

    private static Map<String, Object> state(ValueEntry entry) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put(
                "value",
                entry == null || entry.value() == null
                        ? null
                        : entry.value().stripTrailingZeros().toPlainString());
        state.put("explanation", entry == null ? null : entry.explanation());
        return state;
    }

    /** A stored value as the clerk would type it: no separators, no trailing zeros. */
    private static String plain(IndicatorKind kind, BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static BigDecimal value(Map<String, ValueEntry> entries, String code) {
        ValueEntry entry = entries.get(code);
        return entry == null ? null : entry.value();
    }
}
