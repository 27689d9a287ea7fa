package cn.fazhi.portal.region.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 人口数据已删除: an administrator removed an uploaded year's population table.
 */
public record PopulationDeleted(int year, Map<String, Object> before) implements AuditedEvent {

    @Override
    public String action() {
        return "POPULATION_DELETED";
    }

    @Override
    public String entityType() {
        return "PopulationTable";
    }

    @Override
    public Object entityId() {
        return year;
    }
}
