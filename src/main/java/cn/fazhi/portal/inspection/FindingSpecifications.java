package cn.fazhi.portal.inspection;

import cn.fazhi.portal.inspection.internal.FindingQuery;
import cn.fazhi.portal.inspection.internal.FindingStatus;
import cn.fazhi.portal.inspection.internal.InspectionFinding;
import jakarta.persistence.criteria.Predicate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

/** The findings list's filters as one query; the scope is always part of it. */
final class FindingSpecifications {

    private FindingSpecifications() {}

    /**
     * @param scope the counties the viewer may see, null for all
     * @param within the counties of the prefecture filter, null for no such filter
     */
    static Specification<InspectionFinding> matching(
            FindingQuery query, Collection<String> scope, Collection<String> within, LocalDate today) {
        return (root, cq, cb) -> {
            var county = root.get("inspection").get("countyCode");
            List<Predicate> where = new ArrayList<>();
            if (scope != null) {
                where.add(county.in(scope));
            }
            if (within != null) {
                where.add(county.in(within));
            }
            if (query.county() != null) {
                where.add(cb.equal(county, query.county()));
            }
            if (query.status() != null) {
                where.add(cb.equal(root.get("status"), query.status()));
            }
            if (query.severity() != null) {
                where.add(cb.equal(root.get("severity"), query.severity()));
            }
            if (query.overdue()) {
                where.add(cb.notEqual(root.get("status"), FindingStatus.CLOSED));
                where.add(cb.lessThan(root.get("deadline"), today));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
