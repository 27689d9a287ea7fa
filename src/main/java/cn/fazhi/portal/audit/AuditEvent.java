package cn.fazhi.portal.audit;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** 审计日志: one thing that happened. Never changed once written (a trigger refuses it too). */
@Entity
@Table(name = "audit_event")
@Immutable
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private Instant occurredAt;

    /** The username, or null for an anonymous visitor. */
    private String actor;

    private String clientAddress;

    private String action;

    private String entityType;

    private String entityId;

    /** JSON of the record before the change. */
    @JdbcTypeCode(SqlTypes.JSON)
    private String beforeState;

    @JdbcTypeCode(SqlTypes.JSON)
    private String afterState;

    AuditEntry toEntry() {
        return new AuditEntry(
                id, occurredAt, actor, clientAddress, action, entityType, entityId, beforeState, afterState);
    }

    AuditEvent(
            Instant occurredAt,
            String actor,
            String clientAddress,
            String action,
            String entityType,
            String entityId,
            String beforeState,
            String afterState) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.clientAddress = clientAddress;
        this.action = action;
        this.entityType = entityType;
        this.entityId = entityId;
        this.beforeState = beforeState;
        this.afterState = afterState;
    }
}
