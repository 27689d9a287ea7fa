package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 整改已退回: a reviewer sent a finding's rectification back with a comment.
 */
public record FindingReturned(long findingId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "FINDING_RETURNED";
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
