package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 其他数据已转为指标: an administrator promoted a group of custom figure names into an indicator; how many
 * figures moved and how many stayed.
 */
public record CustomFiguresPromoted(String indicatorCode, String group, int moved, int stayed) implements AuditedEvent {

    @Override
    public String action() {
        return "CUSTOM_FIGURES_PROMOTED";
    }

    @Override
    public String entityType() {
        return "Indicator";
    }

    @Override
    public Object entityId() {
        return indicatorCode;
    }

    @Override
    public Object after() {
        return Map.of("group", group, "moved", moved, "stayed", stayed);
    }
}
