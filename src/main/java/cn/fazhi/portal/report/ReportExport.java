package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.report.internal.ComputedRate;
import cn.fazhi.portal.report.internal.CustomFigureView;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A report as its downloads carry it: every indicator of the year's catalogue in catalogue order,
 * the narrative parts by field name, and the custom figures in section order.
 *
 * @param version the report's version when it was downloaded, so that an upload can tell whether
 *     the report changed meanwhile
 * @param published the published version the file holds, or null for the working copy
 */
record ReportExport(
        String countyCode,
        String countyName,
        int year,
        int version,
        List<Row> rows,
        Map<String, String> narrative,
        List<Figure> customFigures,
        List<String> sectionNames,
        Published published) {

    /**
     * A published version as a download names it.
     *
     * @param correcting whether a correction of it is under way (更正中)
     */
    record Published(int number, boolean correcting) {}

    /** A custom figure with the (Chinese) name of its section. */
    record Figure(String sectionName, CustomFigureView figure) {}

    /** Which report, at which version, a downloaded workbook was made from. */
    String downloadStamp() {
        return countyCode + "/" + year + "/" + version;
    }

    /**
     * One indicator.
     *
     * @param entry what is stored for it, or null
     * @param rate for a computed rate, what its stored parts give; null for any other indicator
     * @param lastYear the value of the county's approved report of the year before, or null
     */
    record Row(IndicatorDef indicator, String sectionName, BigDecimal lastYear, ValueEntry entry, ComputedRate rate) {

        boolean isTyped() {
            return entry != null && entry.source() == ValueSource.TYPED;
        }

        /** What the clerk typed, the only value the Excel form gives back to be edited. */
        BigDecimal typedValue() {
            return isTyped() ? entry.value() : null;
        }

        String explanation() {
            return entry == null ? null : entry.explanation();
        }

        /** Whether both parts of a computed rate are there, so that the rate follows from them. */
        boolean hasRateFromParts() {
            return rate != null && rate.outcome() != ComputedRate.Outcome.MISSING_PART;
        }

        /**
         * The value as the report's page shows it: a rate the clerk did not type follows from its
         * parts; anything else is what is stored. Null when blank or not applicable.
         */
        BigDecimal shownValue() {
            if (indicator.isComputed() && !isTyped()) {
                return rate.percent();
            }
            return entry == null ? null : entry.value();
        }

        boolean isNotApplicable() {
            return indicator.isComputed() && !isTyped() && rate.isNotApplicable();
        }
    }
}
