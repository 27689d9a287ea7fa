package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 数值由其他数据转入: a custom figure of the report became the value of a catalogue indicator (the
 * catalogue promoted its name); before is the figure, after the value.
 */
public record ValuePromoted(
        long reportId, String indicatorCode, long customFigureId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "VALUE_PROMOTED";
    }

    @Override
    public String entityType() {
        return "IndicatorValue";
    }

    @Override
    public Object entityId() {
        return ValueChanged.historyKey(reportId, indicatorCode);
    }
}
