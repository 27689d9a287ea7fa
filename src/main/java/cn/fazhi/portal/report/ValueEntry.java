package cn.fazhi.portal.report;

import java.math.BigDecimal;

/** One indicator's stored state in a report, as validation sees it. */
record ValueEntry(BigDecimal value, ValueSource source, String explanation) {

    boolean isExplained() {
        return explanation != null && !explanation.isBlank();
    }
}
