package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import cn.fazhi.portal.report.ReportStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 报告已通过: a reviewer approved the report, which published it as its next version, with the note for
 * the public a correction may carry (or none).
 */
public record ReportApproved(long reportId, ReportStatus status, int version, String publicNote)
        implements AuditedEvent {

    @Override
    public String action() {
        return "REPORT_APPROVED";
    }

    @Override
    public String entityType() {
        return "AnnualReport";
    }

    @Override
    public Object entityId() {
        return reportId;
    }

    @Override
    public Object before() {
        return Map.of("status", ReportStatus.SUBMITTED);
    }

    @Override
    public Object after() {
        return state();
    }

    private Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", status);
        state.put("version", version);
        if (publicNote != null) {
            state.put("publicNote", publicNote);
        }
        return state;
    }
}
