package cn.fazhi.portal.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Full approved reports of every county of 云南省 (530000) in 2020, for the comparison journey (a
 * province's heat map with rank intervals, a county beside its peers' median). No other test
 * reports in 云南 in 2020 (2019 holds the reports of 鲁甸县 and 533103 that other tests decide on;
 * the demo's 云南 reports are 2021–2023); a county that already has a 2020 report is left alone.
 *
 * <p>Written once per database with JDBC batches. Each county has a strength (its code order
 * modulo 20) that raises its values of higher-is-better indicators and lowers those of
 * lower-is-better ones, on top of a fixed pseudo-random spread per county and indicator, so that
 * the scores differ and the ranks are neither all tied nor all certain.
 */
final class YunnanComparisonData {

    static final String PROVINCE = "530000";
    static final int YEAR = 2020;

    private static volatile List<String> loaded;

    private YunnanComparisonData() {}

    /** The province's counties that got a generated report, in code order. */
    static synchronized List<String> load(JdbcTemplate jdbc) {
        if (loaded != null) {
            return loaded;
        }
        List<String> counties = jdbc.queryForList("""
                select r.code from region r where r.province_code = ? and r.level = 'COUNTY'
                  and not exists (select 1 from annual_report ar where ar.county_code = r.code and ar.year = ?)
                order by r.code
                """, String.class, PROVINCE, YEAR);
        List<Map<String, Object>> indicators = jdbc.queryForList("""
                select code, kind, direction, numerator_code, denominator_code, position from indicator
                where first_year <= ? and (last_year is null or last_year >= ?) order by position
                """, YEAR, YEAR);
        Timestamp submitted = Timestamp.from(Instant.parse(YEAR + 1 + "-02-10T02:00:00Z"));
        Timestamp approved = Timestamp.from(Instant.parse(YEAR + 1 + "-02-20T02:00:00Z"));
        List<Object[]> reports = new ArrayList<>();
        for (String county : counties) {
            reports.add(new Object[] {county, YEAR, "APPROVED", LocalDate.of(YEAR + 1, 3, 1), submitted, approved});
        }
        jdbc.batchUpdate("""
                insert into annual_report (county_code, year, status, submission_deadline, submitted_at, approved_at)
                values (?, ?, ?, ?, ?, ?) on conflict (county_code, year) do nothing
                """, reports);
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(
                "select county_code, id from annual_report where year = ? and county_code like '53%'",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                },
                YEAR);

        List<Object[]> values = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            long report = ids.get(counties.get(c));
            double strength = (c % 20) / 19.0;
            Map<String, BigDecimal> typed = new HashMap<>();
            for (Map<String, Object> i : indicators) {
                String code = (String) i.get("code");
                if (i.get("numerator_code") != null) {
                    continue;
                }
                double spread = new SplittableRandom(c * 1_000L + (Integer) i.get("position")).nextDouble();
                double push = switch ((String) i.get("direction")) {
                    case "UP" -> strength;
                    case "DOWN" -> 1 - strength;
                    default -> 0.5;
                };
                double mix = 0.6 * push + 0.4 * spread; // 0 … 1
                BigDecimal value = switch ((String) i.get("kind")) {
                    case "COUNT" -> BigDecimal.valueOf(Math.round(5 + 195 * mix));
                    case "AMOUNT" -> BigDecimal.valueOf(Math.round(10 + 990 * mix), 1);
                    default -> BigDecimal.valueOf(Math.round(400 + 590 * mix), 1); // 40.0 … 99.0 %
                };
                typed.put(code, value);
                values.add(new Object[] {report, code, i.get("kind"), value, "TYPED"});
            }
            for (Map<String, Object> i : indicators) {
                if (i.get("numerator_code") == null) {
                    continue;
                }
                BigDecimal num = typed.get((String) i.get("numerator_code"));
                BigDecimal den = typed.get((String) i.get("denominator_code"));
                if (num == null || den == null || den.signum() == 0) {
                    continue;
                }
                BigDecimal rate = num.multiply(BigDecimal.valueOf(100)).divide(den, 4, RoundingMode.HALF_UP);
                if (rate.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    values.add(new Object[] {report, i.get("code"), "RATE", rate, "COMPUTED"});
                }
            }
        }
        jdbc.batchUpdate("""
                insert into indicator_value (report_id, indicator_code, kind, value, source) values (?, ?, ?, ?, ?)
                on conflict (report_id, indicator_code) do nothing
                """, values);
        loaded = List.copyOf(counties);
        return loaded;
    }
}
