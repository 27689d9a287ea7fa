package cn.fazhi.portal.account.internal;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.jpa.domain.Specification;

/** The search conditions of the account list, only those the administrator filled in. */
final class AccountSpecifications {

    private AccountSpecifications() {}

    /**
     * @param throttled the accounts some address must wait to try (status LOCKED), from {@link LoginThrottle}
     */
    static Specification<Account> matching(AccountQuery query, List<String> regionCodes, List<Long> throttled) {
        return (account, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.q() != null && !query.q().isBlank()) {
                String like = "%"
                        + query.q()
                                .trim()
                                .toLowerCase(Locale.ROOT)
                                .replace("%", "\\%")
                                .replace("_", "\\_") + "%";
                where.add(cb.or(
                        cb.like(cb.lower(account.get("username")), like, '\\'),
                        cb.like(cb.lower(account.get("displayName")), like, '\\')));
            }
            if (query.role() != null) {
                where.add(cb.equal(account.get("role"), query.role()));
            }
            if (regionCodes != null) {
                where.add(
                        regionCodes.isEmpty()
                                ? cb.disjunction()
                                : account.get("scopeRegionCode").in(regionCodes));
            }
            if (query.status() != null) {
                switch (query.status()) {
                    case ACTIVE -> where.add(cb.isTrue(account.get("enabled")));
                    case DISABLED -> where.add(cb.isFalse(account.get("enabled")));
                    case LOCKED ->
                        where.add(
                                throttled == null || throttled.isEmpty()
                                        ? cb.disjunction()
                                        : account.get("id").in(throttled));
                    case MUST_CHANGE -> where.add(cb.isTrue(account.get("mustChangePassword")));
                }
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
