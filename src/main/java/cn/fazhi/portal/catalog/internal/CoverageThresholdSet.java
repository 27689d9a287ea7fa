package cn.fazhi.portal.catalog.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.util.Map;

/**
 * 覆盖率门槛已设定: an administrator set or removed (after: null) the coverage threshold of a year.
 */
public record CoverageThresholdSet(int year, Map<String, Object> before, Map<String, Object> after)
        implements AuditedEvent {

    @Override
    public String action() {
        return "COVERAGE_THRESHOLD_SET";
    }

    @Override
    public String entityType() {
        return "ScoringSetting";
    }

    @Override
    public Object entityId() {
        return year;
    }
}
