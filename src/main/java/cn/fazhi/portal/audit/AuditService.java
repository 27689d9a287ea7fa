package cn.fazhi.portal.audit;

import cn.fazhi.portal.audit.internal.AuditChainReport;
import cn.fazhi.portal.audit.internal.AuditQuery;
import cn.fazhi.portal.config.AuditedEvent;
import cn.fazhi.portal.config.ClientAddress;
import cn.fazhi.portal.config.NotAllowedException;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes and reads the audit log. The modules do not call it to write: they publish what happened as
 * an {@link AuditedEvent}, which this service hears synchronously, on the publisher's thread and in
 * its transaction. Who acted and from which address are taken from the current login and request
 * (the same thread's), so that no publisher can forget or fake them.
 */
@Service
public class AuditService {

    private final AuditEventRepository events;
    private final AuditChainVerifier chain;
    private final Clock clock;
    private final JsonMapper json;

    AuditService(AuditEventRepository events, AuditChainVerifier chain, Clock clock, JsonMapper json) {
        this.events = events;
        this.chain = chain;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Keeps a published event. A plain (synchronous) listener rather than an after-commit or
     * asynchronous one: it joins the publisher's transaction, so that a change and its audit event
     * are committed together or not at all, and it runs on the publisher's thread, whose login and
     * request say who acted from where.
     */
    @EventListener
    @Transactional(propagation = Propagation.REQUIRED)
    public void on(AuditedEvent event) {
        recordAs(
                event instanceof AuditedEvent.WithActor named ? named.actor() : currentActor(),
                event.action(),
                event.entityType(),
                event.entityId(),
                event.before(),
                event.after());
    }

    /**
     * Records what the current user did (the audit tests write their own events with it).
     *
     * @param before the record before the change (any object Jackson can write), or null
     * @param after the record after the change, or null
     */
    @Transactional(propagation = Propagation.REQUIRED)
    void record(String action, String entityType, Object entityId, Object before, Object after) {
        recordAs(currentActor(), action, entityType, entityId, before, after);
    }

    private void recordAs(
            String actor, String action, String entityType, Object entityId, Object before, Object after) {
        events.save(new AuditEvent(
                clock.instant(),
                actor,
                currentAddress(),
                action,
                entityType,
                entityId == null ? null : entityId.toString(),
                toJson(before),
                toJson(after)));
    }

    /** The audit log, newest first, for administrators only. */
    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, Pageable page) {
        requireAdministrator();
        return events.search(query, page).map(AuditEvent::toEntry);
    }

    /**
     * Recomputes the audit log's hash chain from the first event and names the first broken link,
     * for administrators only. Reads every event once, in a snapshot of its own.
     */
    public AuditChainReport verifyChain() {
        requireAdministrator();
        return chain.verify();
    }

    private static void requireAdministrator() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()))) {
            throw new NotAllowedException("the audit log is for administrators");
        }
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> historyOf(String entityType, String entityId) {
        return events.findTop50ByEntityTypeAndEntityIdOrderByOccurredAtDesc(entityType, entityId).stream()
                .map(AuditEvent::toEntry)
                .toList();
    }

    private String toJson(Object state) {
        return state == null ? null : json.writeValueAsString(state);
    }

    private static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
    }

    private static String currentAddress() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? ClientAddress.of(attributes.getRequest())
                : null;
    }
}
