package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 督察已修改: a reviewer changed an inspection's record.
 */
public record InspectionUpdated(long inspectionId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "INSPECTION_UPDATED";
    }

    @Override
    public String entityType() {
        return "Inspection";
    }

    @Override
    public Object entityId() {
        return inspectionId;
    }
}
