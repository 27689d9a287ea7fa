package cn.fazhi.portal.audit;

import java.util.List;
import org.springframework.data.repository.Repository;

/** Only saves and reads: there is no way to change or delete an audit event through the application. */
interface AuditEventRepository extends Repository<AuditEvent, Long>, AuditEventSearch {

    AuditEvent save(AuditEvent event);

    List<AuditEvent> findTop50ByEntityTypeAndEntityIdOrderByOccurredAtDesc(String entityType, String entityId);
}
