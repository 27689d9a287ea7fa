package cn.fazhi.portal.report;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports listed a page at a time, filtered in SQL (the review queue's query: a national reviewer's
 * queue once loaded every report of the country to show a few). Who may see which counties is the
 * caller's to say, as the list of county codes; this class only reads.
 */
@Service
@Transactional(readOnly = true)
public class ReportListings {

    private final JdbcClient jdbc;

    ReportListings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What to list.
     *
     * @param countyCodes the counties, or null for every county
     * @param year the year, or null for every year
     * @param statuses the statuses, or empty for any
     */
    public record Criteria(Collection<String> countyCodes, Integer year, Set<ReportStatus> statuses) {}

    /**
     * A page of the reports that meet the criteria: submitted ones first, the oldest submission
     * first, then the others by county (and the latest year first).
     */
    public Page<ReportListing> find(Criteria criteria, Pageable pageable) {
        if (criteria.countyCodes() != null && criteria.countyCodes().isEmpty()) {
            return Page.empty(pageable);
        }
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (criteria.countyCodes() != null) {
            where.append(" and county_code in (:counties)");
            params.put("counties", List.copyOf(criteria.countyCodes()));
        }
        if (criteria.year() != null) {
            where.append(" and year = :year");
            params.put("year", criteria.year());
        }
        if (!criteria.statuses().isEmpty()) {
            where.append(" and status in (:statuses)");
            params.put("statuses", criteria.statuses().stream().map(Enum::name).toList());
        }
        // of one status (the queue's default) the rows come in the order of annual_report_queue_idx
        String submittedFirst = criteria.statuses().size() == 1 ? "" : "status <> 'SUBMITTED', ";
        String select = "select county_code, year, status, submitted_at, submission_deadline from annual_report"
                + where + " order by " + submittedFirst + "submitted_at nulls last, county_code, year desc"
                + " limit :limit offset :offset";
        List<ReportListing> rows = jdbc.sql(select)
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> {
                    Timestamp submitted = rs.getTimestamp(4);
                    return new ReportListing(
                            rs.getString(1),
                            rs.getInt(2),
                            ReportStatus.valueOf(rs.getString(3)),
                            submitted == null ? null : submitted.toInstant(),
                            rs.getDate(5).toLocalDate());
                })
                .list();
        // the count only when the page does not tell it (a first page that is not full does)
        return PageableExecutionUtils.getPage(
                rows,
                pageable,
                () -> jdbc.sql("select count(*) from annual_report" + where)
                        .params(params)
                        .query(Long.class)
                        .single());
    }
}
