package cn.fazhi.portal.report.internal;

import cn.fazhi.portal.config.AuditedEvent;
import java.time.LocalDate;
import java.util.Map;

/**
 * 公开截止日期已设定: an administrator set the publication deadline of a year.
 */
public record PublicationDeadlineSet(int year, LocalDate previous, LocalDate deadline) implements AuditedEvent {

    @Override
    public String action() {
        return "PUBLICATION_DEADLINE_SET";
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
        return Map.of("publicationDeadline", previous.toString());
    }

    @Override
    public Object after() {
        return Map.of("publicationDeadline", deadline.toString());
    }
}
