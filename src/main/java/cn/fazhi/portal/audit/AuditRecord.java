package cn.fazhi.portal.audit;

/**
 * What to write to the audit log.
 *
 * @param beforeState JSON of the record before the change, or null
 * @param afterState JSON of the record after the change, or null
 */
public record AuditRecord(String actor, String clientAddress, String action, String entityType, String entityId,
        String beforeState, String afterState) {
}
