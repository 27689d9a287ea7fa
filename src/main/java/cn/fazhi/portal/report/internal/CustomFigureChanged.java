package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 其他数据已修改: the clerk changed a custom figure.
 */
public record CustomFigureChanged(long figureId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "CUSTOM_FIGURE_CHANGED";
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
