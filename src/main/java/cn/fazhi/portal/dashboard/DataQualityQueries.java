package cn.fazhi.portal.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The data-quality dashboard's read model (数据质量): every counted value of a year in the country,
 * with what the peer groups need (the county's name for its kind, its latest population), and the
 * populations the national terciles come from. Plain SQL over the region, catalog and report
 * tables like {@link DashboardQueries}, for the same reason: one statement whatever the number of
 * counties. Nothing here writes.
 */
@Repository
class DataQualityQueries {

    /** The statuses whose values are checked: approved, and submitted ones waiting for review. */
    static final List<String> CHECKED = List.of("APPROVED", "SUBMITTED");

    /**
     * The latest population of every county (the row with the greatest census year): a newer table
     * an administrator uploads replaces the census without deleting it.
     */
    private static final String LATEST_POPULATION = """
            select distinct on (rp.region_code) rp.region_code, rp.population
            from region_population rp
            order by rp.region_code, rp.census_year desc
            """;

    private final JdbcClient jdbc;

    DataQualityQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The data's generation, as {@link DashboardQueries#generation()} reads it (see {@link LiveResults}). */
    long generation() {
        return jdbc.sql("select generation from report_data_generation where id = 1").query(Long.class).single();
    }

    /**
     * A value of a counted report.
     *
     * @param groupName the county's prefecture (its province for a county directly under one)
     * @param population the latest population, null when there is none
     */
    record CheckedValue(String county, String name, String provinceCode, String prefectureCode, String groupName,
            Long population, String status, String indicator, boolean perCapita, BigDecimal value) {
    }

    /**
     * Every value (not blank, not 不适用) of the year's approved and submitted reports in the
     * country, for the indicators of the year's catalogue, ordered by county and indicator.
     */
    List<CheckedValue> values(int year) {
        List<CheckedValue> rows = new ArrayList<>();
        jdbc.sql("""
                with pop as (%s)
                select r.code, r.name, r.province_code, r.prefecture_code, g.name as group_name, pop.population,
                       ar.status, iv.indicator_code, i.per_capita, iv.value
                from annual_report ar
                join region r on r.code = ar.county_code and r.level = 'COUNTY'
                left join region g on g.code = coalesce(r.prefecture_code, r.province_code)
                left join pop on pop.region_code = r.code
                join indicator_value iv on iv.report_id = ar.id and iv.value is not null
                join indicator i on i.code = iv.indicator_code
                     and i.first_year <= :year and (i.last_year is null or i.last_year >= :year)
                where ar.year = :year and ar.status in (:statuses)
                order by r.code, i.position
                """.formatted(LATEST_POPULATION))
                .param("year", year).param("statuses", CHECKED)
                // by position: a national year is some 300,000 rows
                .query(rs -> {
                    long population = rs.getLong(6);
                    Long known = rs.wasNull() ? null : population;
                    rows.add(new CheckedValue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), known, rs.getString(7), rs.getString(8), rs.getBoolean(9),
                            rs.getBigDecimal(10)));
                });
        return rows;
    }

    /** The latest population of every county that has one (the terciles' base: the nation). */
    List<Long> countyPopulations() {
        return jdbc.sql("""
                with pop as (%s)
                select pop.population from pop join region r on r.code = pop.region_code and r.level = 'COUNTY'
                """.formatted(LATEST_POPULATION))
                .query(Long.class).list();
    }

    /**
     * The latest year, up to {@code last}, with an approved or submitted report among the counties
     * within {@code scope} (the country when null), or null when there is none.
     */
    Integer latestCheckedYear(String scope, int last) {
        return jdbc.sql("""
                select coalesce(max(ar.year), 0) from annual_report ar join region r on r.code = ar.county_code
                where ar.status in (:statuses) and ar.year <= :last
                  and (:scope = '' or r.province_code = :scope or r.prefecture_code = :scope)
                """)
                .params(Map.of("statuses", CHECKED, "last", last, "scope", scope == null ? "" : scope))
                .query(Integer.class).optional().filter(y -> y > 0).orElse(null);
    }
}
