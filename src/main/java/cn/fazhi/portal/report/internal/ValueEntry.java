package cn.fazhi.portal.report.internal;

import java.math.BigDecimal;

/** One indicator's stored state in a report, as validation sees it. */
public record ValueEntry(BigDecimal value, ValueSource source, String explanation) {

    public boolean isExplained() {
        return explanation != null && !explanation.isBlank();
    }
}
