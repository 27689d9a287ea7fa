package cn.fazhi.portal.audit;

import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AuditService {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditService(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** Joins the caller's transaction: a change and its audit event are committed together or not at all. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(AuditRecord record) {
        events.save(new AuditEvent(clock.instant(), record.actor(), record.clientAddress(), record.action(),
                record.entityType(), record.entityId(), record.beforeState(), record.afterState()));
    }

    @Transactional(readOnly = true)
    public List<AuditRecord> historyOf(String entityType, String entityId) {
        return events.findTop50ByEntityTypeAndEntityIdOrderByOccurredAtDesc(entityType, entityId).stream()
                .map(e -> new AuditRecord(e.getActor(), e.getClientAddress(), e.getAction(), e.getEntityType(),
                        e.getEntityId(), e.getBeforeState(), e.getAfterState()))
                .toList();
    }
}
