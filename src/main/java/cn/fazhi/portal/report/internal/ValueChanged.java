package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 数值已修改: a value of the report was typed, changed or cleared (by the form or an Excel upload
 * alike); before and after are the value's state.
 */
public record ValueChanged(long reportId, String indicatorCode, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "VALUE_CHANGED";
    }

    @Override
    public String entityType() {
        return "IndicatorValue";
    }

    @Override
    public Object entityId() {
        return historyKey(reportId, indicatorCode);
    }

    /** The key a value's history is kept under: the report and the indicator. */
    public static String historyKey(long reportId, String indicatorCode) {
        return reportId + "/" + indicatorCode;
    }
}
