package cn.fazhi.portal.inspection.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 整改材料已上传: the county's clerk added an evidence file to a finding.
 */
public record FindingEvidenceAdded(long findingId, Map<String, Object> after) implements AuditedEvent {

    @Override
    public String action() {
        return "FINDING_EVIDENCE_ADDED";
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
