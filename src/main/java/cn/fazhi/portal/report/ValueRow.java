package cn.fazhi.portal.report;

import cn.fazhi.portal.catalog.IndicatorDef;
import java.math.BigDecimal;

/**
 * One indicator of a report as shown: blank, a value, or "不适用" for a rate whose denominator is
 * zero.
 *
 * @param display the value formatted for its kind (thousands separators, one decimal for a rate)
 * @param targetMet whether the year's target is met; null when there is no target or no value
 */
public record ValueRow(IndicatorDef indicator, BigDecimal value, String display, ValueSource source,
        String explanation, boolean notApplicable, Boolean targetMet) {

    public boolean isBlank() {
        return value == null && !notApplicable;
    }
}
