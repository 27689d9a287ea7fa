package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 报告文字已修改: the four narrative parts of the report changed (texts by part).
 */
public record NarrativeChanged(long reportId, Map<String, String> before, Map<String, String> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "NARRATIVE_CHANGED";
    }

    @Override
    public String entityType() {
        return "AnnualReport";
    }

    @Override
    public Object entityId() {
        return reportId;
    }
}
