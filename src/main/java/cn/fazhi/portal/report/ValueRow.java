package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ValueSource;
import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of a report as shown: blank, a value, or "不适用" for a rate whose denominator is
 * zero.
 *
 * @param display the value formatted for its kind (thousands separators, one decimal for a rate)
 * @param targetMet whether the year's target is met; null when there is no target or no value
 * @param lastYear the value of the county's approved report of the year before, formatted, or null
 * @param findings what validation says of this value
 */
public record ValueRow(
        IndicatorDef indicator,
        BigDecimal value,
        String display,
        ValueSource source,
        String explanation,
        boolean notApplicable,
        Boolean targetMet,
        String lastYear,
        List<Finding> findings) {

    public boolean isBlank() {
        return value == null && !notApplicable;
    }
}
