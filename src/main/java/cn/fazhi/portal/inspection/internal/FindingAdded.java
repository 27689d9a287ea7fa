package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 督察问题已登记: a reviewer added a finding to an inspection.
 */
public record FindingAdded(long findingId, Map<String, Object> after) implements AuditedEvent {

    @Override
    public String action() {
        return "FINDING_ADDED";
    }

    @Override
    public String entityType() {
        return "InspectionFinding";
    }

    @Override
    public Object entityId() {
        return findingId;
    }
}
