package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import cn.fazhi.portal.report.ReportStatus;
import java.util.Map;

/**
 * 报告已重新打开: a reviewer or an administrator opened the approved report again for correction, with
 * the reason.
 */
public record ReportReopened(long reportId, ReportStatus status, String reason) implements AuditedEvent {

    @Override
    public String action() {
        return "REPORT_REOPENED";
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
        return Map.of("status", ReportStatus.APPROVED);
    }

    @Override
    public Object after() {
        return Map.of("status", status, "reason", reason);
    }
}
