package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 督察问题已修改: a reviewer changed a finding.
 */
public record FindingUpdated(long findingId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "FINDING_UPDATED";
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
