package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 其他数据已添加: the clerk added a custom figure to a section of the report.
 */
public record CustomFigureAdded(long figureId, Map<String, Object> after) implements AuditedEvent {

    @Override
    public String action() {
        return "CUSTOM_FIGURE_ADDED";
    }

    @Override
    public String entityType() {
        return "CustomFigure";
    }

    @Override
    public Object entityId() {
        return figureId;
    }
}
