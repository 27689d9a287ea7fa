package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.RuleDef;
import cn.fazhi.portal.catalog.Severity;
import cn.fazhi.portal.report.internal.ComputedRate;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks of a report, driven by the catalogue of its year: every computed rate's numerator
 * must not exceed its denominator, a typed rate must agree with its parts within 0.1 point, the
 * catalogue's validation rules, and a year-over-year check against the last approved report.
 *
 * <p>The year-over-year check flags a move of more than ±50 % only when it is also at least 10
 * units: small counts jump by nature, which is why a mean ± 2 SD check is not used either.
 */
final class ReportValidator {

    static final BigDecimal RATE_TOLERANCE = new BigDecimal("0.1");
    static final BigDecimal OUTLIER_SHARE = new BigDecimal("0.5");
    static final BigDecimal OUTLIER_MIN_CHANGE = BigDecimal.TEN;

    private ReportValidator() {}

    /**
     * @param entries the report's values by indicator code, as stored
     * @param lastYear the values of the county's last approved report of the previous year
     */
    static List<Finding> validate(
            Catalog catalog, Map<String, ValueEntry> entries, Map<String, BigDecimal> lastYear, Locale locale) {
        Map<String, IndicatorDef> indicators = catalog.byCode();
        List<Finding> findings = new ArrayList<>();
        // a catalogue rule on the same two indicators says it better (and may be only a warning,
        // e.g. where last year's cases carried over): it replaces the automatic one
        java.util.Set<String> ruled = new java.util.HashSet<>();
        catalog.rules().forEach(r -> ruled.add(r.leftCode() + "<=" + r.rightCode()));
        for (IndicatorDef rate : catalog.indicators()) {
            if (rate.isComputed()) {
                checkRate(
                        rate,
                        indicators,
                        entries,
                        locale,
                        findings,
                        ruled.contains(rate.numeratorCode() + "<=" + rate.denominatorCode()));
            }
        }
        for (RuleDef rule : catalog.rules()) {
            IndicatorDef left = indicators.get(rule.leftCode());
            BigDecimal l = effective(rule.leftCode(), indicators, entries);
            BigDecimal r = effective(rule.rightCode(), indicators, entries);
            if (left != null && l != null && r != null && !rule.operator().holds(l, r)) {
                findings.add(finding(left, rule.severity(), null, List.of(), rule.message(locale), entries));
            }
        }
        for (IndicatorDef indicator : catalog.indicators()) {
            ValueEntry entry = entries.get(indicator.code());
            BigDecimal before = lastYear.get(indicator.code());
            if (entry != null
                    && entry.source() == ValueSource.TYPED
                    && entry.value() != null
                    && before != null
                    && isOutlier(before, entry.value())) {
                findings.add(finding(
                        indicator,
                        Severity.WARNING,
                        "validation.outlier",
                        List.of(FigureFormat.format(indicator.kind(), before)),
                        null,
                        entries));
            }
        }
        findings.sort(Comparator.comparing(
                        (Finding f) -> indicators.get(f.indicatorCode()).position())
                .thenComparing(Finding::severity));
        return findings;
    }

    /** The value that counts: a rate computed from its parts unless one was typed. */
    static BigDecimal effective(String code, Map<String, IndicatorDef> indicators, Map<String, ValueEntry> entries) {
        ValueEntry entry = entries.get(code);
        IndicatorDef indicator = indicators.get(code);
        if (indicator != null && indicator.isComputed() && (entry == null || entry.source() != ValueSource.TYPED)) {
            ComputedRate rate = ComputedRate.of(
                    value(entries, indicator.numeratorCode()), value(entries, indicator.denominatorCode()));
            return rate.percent();
        }
        return entry == null ? null : entry.value();
    }

    static boolean isOutlier(BigDecimal before, BigDecimal now) {
        BigDecimal change = now.subtract(before).abs();
        if (change.compareTo(OUTLIER_MIN_CHANGE) < 0) {
            return false;
        }
        return before.signum() == 0 || change.compareTo(before.multiply(OUTLIER_SHARE)) > 0;
    }

    private static void checkRate(
            IndicatorDef rate,
            Map<String, IndicatorDef> indicators,
            Map<String, ValueEntry> entries,
            Locale locale,
            List<Finding> findings,
            boolean partsRuledByCatalogue) {
        BigDecimal numerator = value(entries, rate.numeratorCode());
        BigDecimal denominator = value(entries, rate.denominatorCode());
        IndicatorDef numeratorDef = indicators.get(rate.numeratorCode());
        IndicatorDef denominatorDef = indicators.get(rate.denominatorCode());
        if (numerator == null || denominator == null || numeratorDef == null || denominatorDef == null) {
            return;
        }
        if (numerator.compareTo(denominator) > 0 && !partsRuledByCatalogue) {
            findings.add(finding(
                    numeratorDef,
                    Severity.ERROR,
                    "validation.partsExceed",
                    List.of(numeratorDef.name(locale), denominatorDef.name(locale)),
                    null,
                    entries));
        }
        ValueEntry typed = entries.get(rate.code());
        if (typed != null && typed.source() == ValueSource.TYPED && typed.value() != null) {
            ComputedRate computed = ComputedRate.of(numerator, denominator);
            if (computed.isNotApplicable()) {
                findings.add(finding(rate, Severity.ERROR, "validation.rateNotApplicable", List.of(), null, entries));
            } else if (typed.value().subtract(computed.percent()).abs().compareTo(RATE_TOLERANCE) > 0) {
                findings.add(finding(
                        rate,
                        Severity.ERROR,
                        "validation.rateMismatch",
                        List.of(FigureFormat.format(rate.kind(), computed.percent())),
                        null,
                        entries));
            }
        }
    }

    private static Finding finding(
            IndicatorDef at,
            Severity severity,
            String key,
            List<Object> args,
            String text,
            Map<String, ValueEntry> entries) {
        ValueEntry entry = entries.get(at.code());
        return new Finding(
                at.code(), at.sectionCode(), severity, key, args, text, entry != null && entry.isExplained());
    }

    private static BigDecimal value(Map<String, ValueEntry> entries, String code) {
        ValueEntry entry = entries.get(code);
        return entry == null ? null : entry.value();
    }
}
