package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 整改情况已报送: the county's clerk replied to a finding with its rectification.
 */
public record FindingReplied(long findingId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "FINDING_REPLIED";
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
