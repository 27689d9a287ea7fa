package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 其他数据已删除: the clerk removed a custom figure.
 */
public record CustomFigureRemoved(long figureId, Map<String, Object> before) implements AuditedEvent {

    @Override
    public String action() {
        return "CUSTOM_FIGURE_REMOVED";
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
