package cn.fazhi.portal.audit;

import cn.fazhi.portal.config.NotAllowedException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
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
 * Writes and reads the audit log. Who acted and from which address are taken from the current
 * login and request, so that no caller can forget or fake them.
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
     * Records what the current user did. Joins the caller's transaction: a change and its audit
     * event are committed together or not at all.
     *
     * @param before the record before the change (any object Jackson can write), or null
     * @param after the record after the change, or null
     */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        recordAs(currentActor(), action, entityType, entityId, before, after);
    }

    /** For events where the actor is not (or not yet) logged in: a failed login, say. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAs(String actor, String action, String entityType, Object entityId, Object before, Object after) {
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
                ? clientAddress(attributes.getRequest())
                : null;
    }

    /** The client's address as the servlet container sees it (behind a proxy, configure forwarded headers). */
    public static String clientAddress(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
