package cn.fazhi.portal.audit;

import java.time.Instant;

/** One line of the audit log as shown to administrators. */
public record AuditEntry(
        Long id,
        Instant occurredAt,
        String actor,
        String clientAddress,
        String action,
        String entityType,
        String entityId,
        String beforeState,
        String afterState) {}
