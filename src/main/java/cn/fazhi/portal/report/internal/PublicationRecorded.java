package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 公开情况已登记: where and when the approved report was published was recorded or changed.
 */
public record PublicationRecorded(long reportId, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "PUBLICATION_RECORDED";
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
