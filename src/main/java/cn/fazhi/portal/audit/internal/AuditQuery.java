package cn.fazhi.portal.audit.internal;

import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** Filters of the audit log page; every field is optional. Dates are days in China, both inclusive. */
public record AuditQuery(
        String actor,
        String entityType,
        String action,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static AuditQuery none() {
        return new AuditQuery(null, null, null, null, null);
    }
}
