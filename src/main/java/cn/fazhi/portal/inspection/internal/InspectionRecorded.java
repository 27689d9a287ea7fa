package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 督察已登记: a reviewer recorded an inspection of a county.
 */
public record InspectionRecorded(long inspectionId, Map<String, Object> after) implements AuditedEvent {

    @Override
    public String action() {
        return "INSPECTION_RECORDED";
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
