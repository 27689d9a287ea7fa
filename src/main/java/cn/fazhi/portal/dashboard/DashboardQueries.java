package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.PublicationState;
import cn.fazhi.portal.report.ReportStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The dashboards' read model: plain SQL over what the region, catalog and report modules publish
 * for it — their read contracts, views of migration V21 (region_area, region_population_figure,
 * catalog_indicator, catalog_scoring_setting, report_generation, report_deadline, report_progress)
 * and the report module's view counted_report and functions counted_values and
 * published_report_as_of, which give each report's published version (V17, V19) so that a
 * correction under way never changes what is compared — never their tables
 * ({@code DashboardSqlBoundaryTests} holds that). SQL rather than the modules' Java APIs because
 * the comparisons are aggregate queries that PostgreSQL answers in one statement each, whatever the
 * number of counties; the views are plain ones over one table each, which PostgreSQL inlines, so
 * the plans are those of the tables. Nothing here writes.
 *
 * <p>Every query takes a {@link Slice}, whose condition limits the counties to the area and the
 * viewer's scope.
 */
@Repository
class DashboardQueries {

    private final JdbcClient jdbc;

    DashboardQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the data's generation ---------------------------------------------------------------

    /**
     * The number of the last change that can move a score or a rank (moved by triggers, migration
     * V10; the report module's view report_generation, V21); read before the data a result is computed from, see {@link LiveResults}.
     */
    long generation() {
        return jdbc.sql("select generation from report_generation")
                .query(Long.class)
                .single();
    }

    // ---- status board ------------------------------------------------------------------------

    /**
     * @param publication where the county stands with publishing its report (issue 18)
     * @param publishedOn the recorded publication date, null without a record
     */
    record StatusRow(
            String code,
            String name,
            String groupCode,
            String groupName,
            BoardStatus status,
            Instant submittedAt,
            LocalDate deadline,
            boolean submittedLate,
            Integer filled,
            int total,
            PublicationState publication,
            LocalDate publishedOn) {}

    /** How many counties of a prefecture (or of the whole area, without a code) stand where with publishing. */
    record PublicationCount(String groupCode, long unpublished, long overdue, long onTime, long late) {

        static PublicationCount of(String groupCode, long[] n) {
            return new PublicationCount(groupCode, n[0], n[1], n[2], n[3]);
        }
    }

    /** How many counties of a prefecture (or of the whole area, without a code) stand where. */
    record StatusCount(
            String groupCode,
            String groupName,
            long notStarted,
            long draft,
            long submitted,
            long returned,
            long approved,
            long late,
            long total) {

        static StatusCount of(String groupCode, String groupName, long[] n) {
            return new StatusCount(
                    groupCode, groupName, n[0], n[1], n[2], n[3], n[4], n[5], n[0] + n[1] + n[2] + n[3] + n[4] + n[5]);
        }
    }

    /**
     * A county's report of the year as the board needs it.
     *
     * @param deadline the report's own deadline (an extension), null for the year's
     * @param filled the values filled in (kept by the database on every write of a value, migration V10)
     */
    record ReportState(
            ReportStatus status, int filled, Instant submittedAt, LocalDate deadline, LocalDate publishedOn) {

        ReportState(ReportStatus status, int filled, Instant submittedAt, LocalDate deadline) {
            this(status, filled, submittedAt, deadline, null);
        }
    }

    /**
     * The year's deadline (1 March of the next year unless set), its publication deadline (1 April
     * unless set) and the reports of the counties that have one.
     */
    record StatusReports(LocalDate deadline, LocalDate publicationDeadline, Map<String, ReportState> byCounty) {}

    /**
     * The reports of the year of these counties: one index look-up each. The counties, their
     * names and prefectures come from the region tree in memory, so that only what changes is read.
     */
    StatusReports statusReports(int year, List<String> countyCodes) {
        Map<String, ReportState> reports = new HashMap<>();
        LocalDate[] deadline = new LocalDate[2];
        jdbc.sql("""
                select p.deadline, p.publication_deadline, ar.county_code, ar.status, ar.filled_count,
                       ar.submitted_at, ar.submission_deadline, ar.publication_date
                from (select coalesce((select submission_deadline from report_deadline where year = :year),
                                      make_date(:year + 1, 3, 1)) as deadline,
                             coalesce((select publication_deadline from report_deadline where year = :year),
                                      make_date(:year + 1, 4, 1)) as publication_deadline) p
                left join report_progress ar on ar.year = :year and ar.county_code = any (:counties)
                """)
                .param("year", year)
                .param("counties", countyCodes.toArray(String[]::new))
                .query(rs -> {
                    deadline[0] = rs.getObject("deadline", LocalDate.class);
                    deadline[1] = rs.getObject("publication_deadline", LocalDate.class);
                    if (rs.getString("county_code") != null) {
                        reports.put(
                                rs.getString("county_code"),
                                new ReportState(
                                        ReportStatus.valueOf(rs.getString("status")),
                                        rs.getInt("filled_count"),
                                        instant(rs, "submitted_at"),
                                        rs.getObject("submission_deadline", LocalDate.class),
                                        rs.getObject("publication_date", LocalDate.class)));
                    }
                });
        return new StatusReports(deadline[0], deadline[1], reports);
    }

    // ---- ranking -----------------------------------------------------------------------------

    /**
     * A county's value of the ranked indicator this year and last year.
     *
     * @param reported whether the county has a counted report of the year
     * @param notApplicable a computed rate whose denominator is zero (不适用)
     */
    record CountyValue(
            String code,
            String name,
            String groupName,
            boolean reported,
            BigDecimal value,
            boolean notApplicable,
            BigDecimal previous,
            boolean correcting) {}

    /**
     * An area's aggregate of one indicator: a prefecture's (a province's in the national view), or
     * the whole area's in the last row (null group code).
     *
     * @param perCapita the sum of the values over the sum of the populations of the counties that
     *     reported it and have a population, per 10,000 residents; null when none
     */
    record Aggregate(
            String groupCode,
            String groupName,
            long counties,
            long reporting,
            BigDecimal sum,
            BigDecimal mean,
            long covered,
            BigDecimal ratio,
            boolean ratioNotApplicable,
            BigDecimal perCapita) {}

    /**
     * Every county of the slice with its value of the indicator this year and last year.
     *
     * @param asOf the moment whose published versions count (a ranking reproduced as it stood), or
     *     null for now
     */
    List<CountyValue> rankingValues(Slice slice, String indicator, Instant asOf) {
        return jdbc.sql("""
                with c as (
                    select r.code, r.name, coalesce(r.prefecture_code, r.province_code) as group_code
                    from region_area r where %1$s
                ), v as (
                    select ar.county_code, ar.year, iv.value, iv.source, ar.correcting
                    from %2$s ar
                    left join lateral counted_values(ar.id, ar.version_id) iv on iv.indicator_code = :indicator
                    where ar.year in (:year, :year - 1) and ar.status in (:statuses)
                      and ar.county_code in (select code from c)
                )
                select c.code, c.name, g.name as group_name, cur.county_code is not null as reported,
                       cur.value, cur.source = 'COMPUTED' and cur.value is null as not_applicable,
                       prev.value as previous, coalesce(cur.correcting, false) as correcting
                from c join region_area g on g.code = c.group_code
                left join v cur on cur.county_code = c.code and cur.year = :year
                left join v prev on prev.county_code = c.code and prev.year = :year - 1
                order by c.code
                """.formatted(slice.where("r"), reportsAsOf(asOf)))
                .params(params(slice))
                .param("indicator", indicator)
                .param("asOf", timestamp(asOf), Types.TIMESTAMP_WITH_TIMEZONE)
                .query((rs, n) -> new CountyValue(
                        rs.getString("code"),
                        rs.getString("name"),
                        rs.getString("group_name"),
                        rs.getBoolean("reported"),
                        rs.getBigDecimal("value"),
                        rs.getBoolean("not_applicable"),
                        rs.getBigDecimal("previous"),
                        rs.getBoolean("correcting")))
                .list();
    }

    /**
     * Per prefecture (per province when {@code byProvince}) and for the whole area (last): how many
     * counties report the indicator, the sum and the mean of their values, the sum per 10,000
     * residents of those with a population, and for a rate with parts the ratio of the summed parts
     * over the counties that reported both parts, with how many those are.
     */
    List<Aggregate> aggregates(
            Slice slice, String indicator, String numerator, String denominator, boolean byProvince, Instant asOf) {
        return jdbc.sql("""
                with c as (
                    select r.code, %2$s as group_code
                    from region_area r where %1$s
                ), per as (
                    select c.code, c.group_code, p.population,
                           max(iv.value) filter (where iv.indicator_code = :indicator) as value,
                           max(iv.value) filter (where iv.indicator_code = :numerator) as num,
                           max(iv.value) filter (where iv.indicator_code = :denominator) as den
                    from c
                    left join lateral (select population from region_population_figure
                                       where region_code = c.code order by census_year desc limit 1) p on true
                    left join %3$s ar on ar.county_code = c.code and ar.year = :year and ar.status in (:statuses)
                    left join lateral counted_values(ar.id, ar.version_id) iv
                         on iv.indicator_code in (:indicator, :numerator, :denominator)
                    group by c.code, c.group_code, p.population
                )
                select per.group_code, g.name as group_name, count(*) as counties, count(value) as reporting,
                       sum(value) as sum, avg(value) as mean,
                       count(*) filter (where num is not null and den is not null) as covered,
                       case when sum(den) filter (where num is not null and den is not null) > 0
                            then 100 * sum(num) filter (where num is not null and den is not null)
                                 / sum(den) filter (where num is not null and den is not null) end as ratio,
                       coalesce(sum(den) filter (where num is not null and den is not null) = 0, false) as ratio_na,
                       10000 * sum(value) filter (where population is not null)
                             / nullif(sum(population) filter (where value is not null), 0) as per_capita
                from per left join region_area g on g.code = per.group_code
                group by grouping sets ((per.group_code, g.name), ())
                order by per.group_code nulls last
                """.formatted(
                                slice.where("r"),
                                byProvince ? "r.province_code" : "coalesce(r.prefecture_code, r.province_code)",
                                reportsAsOf(asOf)))
                .params(params(slice))
                .param("indicator", indicator)
                .param("asOf", timestamp(asOf), Types.TIMESTAMP_WITH_TIMEZONE)
                .param("numerator", numerator, Types.VARCHAR)
                .param("denominator", denominator, Types.VARCHAR)
                .query((rs, n) -> new Aggregate(
                        rs.getString("group_code"),
                        rs.getString("group_name"),
                        rs.getLong("counties"),
                        rs.getLong("reporting"),
                        rs.getBigDecimal("sum"),
                        rs.getBigDecimal("mean"),
                        rs.getLong("covered"),
                        rs.getBigDecimal("ratio"),
                        rs.getBoolean("ratio_na"),
                        rs.getBigDecimal("per_capita")))
                .list();
    }

    // ---- values for scores and comparisons ----------------------------------------------------

    /**
     * One row per value of the slice's counties in the given years (or one row with a null
     * indicator for a county without a counted report), for the given indicators or, when
     * {@code indicators} is null, for every indicator with a direction; only of {@code counties}
     * unless null.
     */
    record ValueRow(
            String code,
            String name,
            String groupName,
            Integer year,
            String indicator,
            BigDecimal value,
            boolean notApplicable) {}

    List<ValueRow> values(
            Slice slice, Collection<Integer> years, Collection<String> indicators, Collection<String> counties) {
        String indicatorCondition = indicators == null
                ? "iv.indicator_code in (select code from catalog_indicator where direction <> 'NONE')"
                : "iv.indicator_code in (:indicators)";
        return jdbc.sql("""
                with c as (
                    select r.code, r.name, coalesce(r.prefecture_code, r.province_code) as group_code
                    from region_area r where %s%s
                )
                select c.code, c.name, g.name as group_name, ar.year, iv.indicator_code, iv.value,
                       iv.source = 'COMPUTED' and iv.value is null as not_applicable
                from c join region_area g on g.code = c.group_code
                left join counted_report ar on ar.county_code = c.code and ar.year in (:years) and ar.status in (:statuses)
                left join lateral counted_values(ar.id, ar.version_id) iv on %s
                order by c.code, ar.year
                """.formatted(
                        slice.where("r"), counties == null ? "" : " and r.code in (:counties)", indicatorCondition))
                .params(params(slice))
                .param("years", years)
                .param("counties", counties == null ? List.of("-") : counties)
                .param("indicators", indicators == null ? List.of("-") : indicators)
                // by position: a province's two years are ~20,000 rows, and a look-up by name costs a map probe a
                // column
                .query((rs, n) -> {
                    int year = rs.getInt(4);
                    return new ValueRow(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.wasNull() ? null : year,
                            rs.getString(5),
                            rs.getBigDecimal(6),
                            rs.getBoolean(7));
                })
                .list();
    }

    // ---- the composite index (issue 17) --------------------------------------------------------

    /** A value of a counted report, or a row with a null indicator for a counted report without values. */
    record IndexValue(String county, int year, String indicator, Double value) {}

    /**
     * The values of every indicator with a direction in the counted reports of the reference area
     * (a province, or the country when {@code province} is null) in the given years. Submitted
     * reports count only within {@code submittedWithin} (the viewer's scope; everywhere when null),
     * so that a prefecture's reviewer never learns from the distribution what other prefectures
     * submitted but nobody approved.
     */
    List<IndexValue> indexValues(
            String province, Collection<Integer> years, Collection<ReportStatus> statuses, String submittedWithin) {
        return jdbc.sql("""
                select ar.county_code, ar.year, iv.indicator_code, iv.value
                from counted_report ar
                join region_area r on r.code = ar.county_code
                left join lateral counted_values(ar.id, ar.version_id) iv on iv.value is not null
                     and iv.indicator_code in (select code from catalog_indicator where direction <> 'NONE')
                where ar.year in (:years) and ar.status in (:statuses)
                  and (:province = '' or r.province_code = :province)
                  and (ar.status = 'APPROVED' or :within = '' or r.province_code = :within or r.prefecture_code = :within)
                """)
                .param("province", province == null ? "" : province)
                .param("years", years)
                .param("statuses", names(statuses))
                .param("within", submittedWithin == null ? "" : submittedWithin)
                .query((rs, n) -> {
                    double value = rs.getDouble(4);
                    return new IndexValue(rs.getString(1), rs.getInt(2), rs.getString(3), rs.wasNull() ? null : value);
                })
                .list();
    }

    /**
     * Resident population per county: per county the figure of its latest census or statistics
     * year (a newer uploaded table stands beside the 2020 census). A county without a row has no
     * population, never 0.
     */
    Map<String, Long> populations() {
        Map<String, Long> populations = new HashMap<>();
        jdbc.sql("""
                select distinct on (region_code) region_code, population
                from region_population_figure order by region_code, census_year desc
                """).query(rs -> {
            populations.put(rs.getString(1), rs.getLong(2));
        });
        return populations;
    }

    /** The population table's source as the method page cites it: the latest year's source text. */
    String populationSource() {
        return jdbc.sql("""
                select source || '（' || census_year || '）' from region_population_figure
                group by census_year, source order by census_year desc, count(*) desc limit 1
                """).query(String.class).optional().orElse(null);
    }

    /** The coverage threshold an administrator set for the year, or null for the default. */
    Double coverageThreshold(int year) {
        return jdbc.sql("select coverage_threshold from catalog_scoring_setting where year = :year")
                .param("year", year)
                .query(Double.class)
                .optional()
                .orElse(null);
    }

    /** A report of the worked example. */
    record ReportKey(String county, int year) {}

    /** The fullest approved report of the latest year with one. */
    java.util.Optional<ReportKey> exampleReport() {
        return jdbc.sql("select county_code, year from counted_report where status = 'APPROVED'"
                        + " order by year desc, filled_count desc, county_code limit 1")
                .query((rs, n) -> new ReportKey(rs.getString(1), rs.getInt(2)))
                .optional();
    }

    /**
     * The latest year up to {@code last} with a report of one of the statuses in the area (a
     * province or prefecture, the country when null) and the scope, or null when there is none.
     */
    Integer latestYear(String area, String scope, Collection<ReportStatus> statuses, int last) {
        return jdbc.sql("""
                select max(ar.year) from counted_report ar join region_area r on r.code = ar.county_code
                where ar.status in (:statuses) and ar.year <= :last
                  and (:area = '' or r.province_code = :area or r.prefecture_code = :area)
                  and (:scope = '' or r.province_code = :scope or r.prefecture_code = :scope)
                """)
                .param("area", area == null ? "" : area)
                .param("scope", scope == null ? "" : scope)
                .param("statuses", names(statuses))
                .param("last", last)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    // ---- county profile ----------------------------------------------------------------------

    /** A report of the county with its value of the trend's indicator. */
    record ProfileRow(
            RegionView county,
            String provinceName,
            String prefectureName,
            Integer year,
            ReportStatus status,
            Instant submittedAt,
            Instant approvedAt,
            BigDecimal value,
            boolean hasValueRow,
            boolean notApplicable) {}

    /**
     * The county (one row with a null year when it has no report yet) and each of its reports
     * with the given statuses, with its value of {@code indicator}; empty when there is no such
     * county.
     */
    List<ProfileRow> profile(String county, Collection<ReportStatus> statuses, String indicator) {
        return jdbc.sql("""
                select r.code, r.name, r.level, r.parent_code, r.province_code, r.prefecture_code,
                       p.name as province_name, f.name as prefecture_name, ar.year, ar.status, ar.submitted_at, ar.approved_at, iv.value, iv.indicator_code is not null as has_row,
                       iv.source = 'COMPUTED' and iv.value is null as not_applicable
                from region_area r
                join region_area p on p.code = r.province_code
                left join region_area f on f.code = r.prefecture_code
                left join counted_report ar on ar.county_code = r.code and ar.status in (:statuses)
                left join lateral counted_values(ar.id, ar.version_id) iv on iv.indicator_code = :indicator
                where r.code = :county and r.level = 'COUNTY'
                order by ar.year desc
                """)
                .param("county", county)
                .param("statuses", names(statuses))
                .param("indicator", indicator, Types.VARCHAR)
                .query((rs, n) -> new ProfileRow(
                        region(rs, n),
                        rs.getString("province_name"),
                        rs.getString("prefecture_name"),
                        integer(rs, "year"),
                        status(rs.getString("status")),
                        instant(rs, "submitted_at"),
                        instant(rs, "approved_at"),
                        rs.getBigDecimal("value"),
                        rs.getBoolean("has_row"),
                        rs.getBoolean("not_applicable")))
                .list();
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The reports that count: as published now, or as published at a moment (migration V17). */
    private static String reportsAsOf(Instant asOf) {
        return asOf == null ? "counted_report" : "published_report_as_of(:asOf)";
    }

    private static java.time.OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static java.util.Map<String, Object> params(Slice slice) {
        java.util.Map<String, Object> p = new java.util.HashMap<>();
        p.put("area", slice.areaCode() == null ? "" : slice.areaCode());
        p.put("scope", slice.scope() == null ? "" : slice.scope());
        p.put("year", slice.year());
        p.put("statuses", names(slice.statuses()));
        return p;
    }

    /** The statuses as the database's column holds them. */
    static List<String> names(Collection<ReportStatus> statuses) {
        return statuses.stream().map(ReportStatus::name).toList();
    }

    private static ReportStatus status(String column) {
        return column == null ? null : ReportStatus.valueOf(column);
    }

    /** The condition that an indicator row {@code i} is in the catalogue of {@code :year}. */
    private static String validIn(String i) {
        return i + ".first_year <= :year and (" + i + ".last_year is null or " + i + ".last_year >= :year)";
    }

    private static RegionView region(ResultSet rs, int n) throws SQLException {
        return new RegionView(
                rs.getString("code"),
                rs.getString("name"),
                RegionLevel.valueOf(rs.getString("level")),
                rs.getString("parent_code"),
                rs.getString("province_code"),
                rs.getString("prefecture_code"));
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
