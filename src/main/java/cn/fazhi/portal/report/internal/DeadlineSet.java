package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.time.LocalDate;
import java.util.Map;

/**
 * 报送截止日期已设定: an administrator set the submission deadline of a year.
 */
public record DeadlineSet(int year, LocalDate previous, LocalDate deadline) implements AuditedEvent {

    @Override
    public String action() {
        return "DEADLINE_SET";
    }

    @Override
    public String entityType() {
        return "ReportingPeriod";
    }

    @Override
    public Object entityId() {
        return year;
    }

    @Override
    public Object before() {
        return Map.of("deadline", previous.toString());
    }

    @Override
    public Object after() {
        return Map.of("deadline", deadline.toString());
    }
}
