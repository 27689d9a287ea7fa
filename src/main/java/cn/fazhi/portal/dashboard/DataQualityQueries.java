package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.report.ReportStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The data-quality dashboard's read model (数据质量): the counted values of a year of a peer
 * group's counties, and the latest populations the national terciles and the per-capita values
 * come from. Plain SQL over the read contracts the region, catalog
 * and report modules publish (views of V21, counted_report, counted_values) like {@link
 * DashboardQueries}, for the same reason: one statement whatever the number of counties. Nothing
 * here writes.
 */
@Repository
class DataQualityQueries {

    /** The statuses whose values are checked: approved, and submitted ones waiting for review. */
    static final List<ReportStatus> CHECKED = List.of(ReportStatus.APPROVED, ReportStatus.SUBMITTED);

    private final JdbcClient jdbc;

    DataQualityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A value of a counted report.
     *
     * @param groupName the county's prefecture (its province for a county directly under one)
     * @param position the indicator's place in the catalogue (the order of the page's rows)
     */
    record CheckedValue(
            String county,
            String name,
            String provinceCode,
            String prefectureCode,
            String groupName,
            ReportStatus status,
            String indicator,
            int position,
            boolean perCapita,
            BigDecimal value) {}

    /**
     * Every value (not blank, not 不适用) of the year's approved and submitted reports of these
     * counties, for the indicators of the year's catalogue, ordered by county and indicator.
     */
    List<CheckedValue> values(int year, Collection<String> counties) {
        List<CheckedValue> rows = new ArrayList<>();
        jdbc.sql("""
                select r.code, r.name, r.province_code, r.prefecture_code, g.name as group_name,
                       ar.status, iv.indicator_code, i.position, i.per_capita, iv.value
                from counted_report ar
                join region_area r on r.code = ar.county_code and r.level = 'COUNTY'
                left join region_area g on g.code = coalesce(r.prefecture_code, r.province_code)
                join lateral counted_values(ar.id, ar.version_id) iv on iv.value is not null
                join catalog_indicator i on i.code = iv.indicator_code
                     and i.first_year <= :year and (i.last_year is null or i.last_year >= :year)
                where ar.year = :year and ar.status in (:statuses) and ar.county_code = any (:counties)
                order by r.code, i.position
                """)
                .param("year", year)
                .param("statuses", DashboardQueries.names(CHECKED))
                .param("counties", counties.toArray(String[]::new))
                // by position: a national year is some 300,000 rows
                .query(rs -> {
                    rows.add(new CheckedValue(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            ReportStatus.valueOf(rs.getString(6)),
                            rs.getString(7),
                            rs.getInt(8),
                            rs.getBoolean(9),
                            rs.getBigDecimal(10)));
                });
        return rows;
    }
}
