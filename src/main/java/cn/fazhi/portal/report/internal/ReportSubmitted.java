package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import cn.fazhi.portal.report.ReportStatus;
import java.util.Map;

/**
 * 报告已提交: the clerk submitted the report for review.
 */
public record ReportSubmitted(long reportId, ReportStatus from, ReportStatus status) implements AuditedEvent {

    @Override
    public String action() {
        return "REPORT_SUBMITTED";
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
        return Map.of("status", from);
    }

    @Override
    public Object after() {
        return Map.of("status", status);
    }
}
