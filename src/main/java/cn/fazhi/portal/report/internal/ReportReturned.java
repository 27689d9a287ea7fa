package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import cn.fazhi.portal.report.ReportStatus;
import java.util.Map;

/**
 * 报告已退回: a reviewer returned the report to the county with a comment.
 */
public record ReportReturned(long reportId, ReportStatus status, String comment) implements AuditedEvent {

    @Override
    public String action() {
        return "REPORT_RETURNED";
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
        return Map.of("status", status, "comment", comment);
    }
}
