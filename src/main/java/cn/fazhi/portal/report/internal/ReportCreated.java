package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import cn.fazhi.portal.report.ReportStatus;
import java.util.Map;

/**
 * 报告已创建: the county's clerk opened the report of a year as a draft.
 */
public record ReportCreated(long reportId, String countyCode, int year, ReportStatus status) implements AuditedEvent {

    @Override
    public String action() {
        return "REPORT_CREATED";
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
    public Object after() {
        return Map.of("county", countyCode, "year", year, "status", status);
    }
}
