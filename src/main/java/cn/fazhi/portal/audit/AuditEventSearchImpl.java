package cn.fazhi.portal.audit;

import cn.fazhi.portal.audit.internal.AuditQuery;
import cn.fazhi.portal.config.TimeConfiguration;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.util.StringUtils;

/** The filtered, paged audit log: only the filters given become conditions. */
class AuditEventSearchImpl implements AuditEventSearch {

    private final EntityManager entityManager;

    AuditEventSearchImpl(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Page<AuditEvent> search(AuditQuery query, Pageable page) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();

        CriteriaQuery<AuditEvent> select = cb.createQuery(AuditEvent.class);
        Root<AuditEvent> event = select.from(AuditEvent.class);
        select.where(conditions(cb, event, query)).orderBy(cb.desc(event.get("occurredAt")), cb.desc(event.get("id")));
        List<AuditEvent> rows = entityManager
                .createQuery(select)
                .setFirstResult((int) page.getOffset())
                .setMaxResults(page.getPageSize())
                .getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<AuditEvent> counted = count.from(AuditEvent.class);
        count.select(cb.count(counted)).where(conditions(cb, counted, query));
        return new PageImpl<>(rows, page, entityManager.createQuery(count).getSingleResult());
    }

    private static Predicate[] conditions(CriteriaBuilder cb, Root<AuditEvent> event, AuditQuery query) {
        List<Predicate> where = new ArrayList<>();
        if (StringUtils.hasText(query.actor())) {
            where.add(cb.equal(event.get("actor"), query.actor().trim()));
        }
        if (StringUtils.hasText(query.entityType())) {
            where.add(cb.equal(event.get("entityType"), query.entityType().trim()));
        }
        if (StringUtils.hasText(query.action())) {
            where.add(cb.equal(event.get("action"), query.action().trim()));
        }
        if (query.from() != null) {
            Instant from = query.from().atStartOfDay(TimeConfiguration.CHINA).toInstant();
            where.add(cb.greaterThanOrEqualTo(event.get("occurredAt"), from));
        }
        if (query.to() != null) {
            Instant to =
                    query.to().plusDays(1).atStartOfDay(TimeConfiguration.CHINA).toInstant();
            where.add(cb.lessThan(event.get("occurredAt"), to));
        }
        return where.toArray(Predicate[]::new);
    }
}
