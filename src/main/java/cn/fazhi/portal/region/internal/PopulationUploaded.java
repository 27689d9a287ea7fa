package cn.fazhi.portal.region.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 人口数据已上传: an administrator uploaded a year's population table, replacing that year's.
 */
public record PopulationUploaded(int year, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "POPULATION_UPLOADED";
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
