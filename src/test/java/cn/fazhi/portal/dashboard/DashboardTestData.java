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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Synthetic reports of 四川省 (510000) for the dashboard tests, written once per database with
 * JDBC batches: 150 counties approved in 2022 and 2023 with a value for every indicator, and a
 * mix of statuses in 2024. Only 四川 is used, so that no other test's counties are touched; the
 * values are a fixed function of county and indicator, so tests can recompute them.
 */
final class DashboardTestData {

    static final String PROVINCE = "510000";
    static final int COUNTIES = 150;
    static final List<Integer> FULL_YEARS = List.of(2022, 2023);
    static final int MIXED_YEAR = 2024;

    private static volatile boolean loaded;

    private DashboardTestData() {}

    /** The 150 counties, in code order. */
    static List<String> counties(JdbcTemplate jdbc) {
        return jdbc.queryForList(
                "select code from region where province_code = ? and level = 'COUNTY' order by code limit ?",
                String.class,
                PROVINCE,
                COUNTIES);
    }

    static synchronized void load(JdbcTemplate jdbc) {
        if (loaded) {
            return;
        }
        List<String> counties = counties(jdbc);
        List<Map<String, Object>> indicators = jdbc.queryForList(
                "select code, kind, numerator_code, denominator_code, position from indicator order by position");
        for (int year : FULL_YEARS) {
            insertReports(jdbc, counties, year, i -> "APPROVED");
            insertValues(jdbc, counties, year, indicators);
        }
        // 2024: approved, submitted, returned, drafts; the last 30 of the 150 have not started
        String[] mix = {"APPROVED", "SUBMITTED", "RETURNED", "DRAFT"};
        insertReports(jdbc, counties.subList(0, COUNTIES - 30), MIXED_YEAR, i -> mix[i % mix.length]);
        insertValues(jdbc, counties.subList(0, COUNTIES - 30), MIXED_YEAR, indicators);
        loaded = true;
    }

    /** The value every synthetic report holds for an indicator (before rates are computed). */
    static BigDecimal value(int countyIndex, int position, int year, String kind) {
        int base = (countyIndex * 7 + position * 13 + year) % 50;
        return switch (kind) {
            case "COUNT" -> BigDecimal.valueOf(base + 1L);
            case "AMOUNT" -> BigDecimal.valueOf(base * 10L + 5, 1);
            default -> BigDecimal.valueOf(50 + base);
        };
    }

    private static void insertReports(
            JdbcTemplate jdbc, List<String> counties, int year, java.util.function.IntFunction<String> status) {
        Timestamp submitted = Timestamp.from(Instant.parse(year + 1 + "-02-10T02:00:00Z"));
        Timestamp approved = Timestamp.from(Instant.parse(year + 1 + "-02-20T02:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < counties.size(); i++) {
            String s = status.apply(i);
            rows.add(new Object[] {
                counties.get(i),
                year,
                s,
                LocalDate.of(year + 1, 3, 1),
                s.equals("DRAFT") ? null : submitted,
                s.equals("APPROVED") ? approved : null,
                s.equals("RETURNED") ? "请补充" : null
            });
        }
        jdbc.batchUpdate("""
                insert into annual_report (county_code, year, status, submission_deadline, submitted_at, approved_at,
                                           review_comment)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (county_code, year) do nothing
                """, rows);
    }

    private static void insertValues(
            JdbcTemplate jdbc, List<String> counties, int year, List<Map<String, Object>> indicators) {
        Map<String, Long> reportIds = new HashMap<>();
        jdbc.query(
                "select county_code, id from annual_report where year = ? and county_code like '51%'",
                rs -> {
                    reportIds.put(rs.getString(1), rs.getLong(2));
                },
                year);
        List<Object[]> rows = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            Long report = reportIds.get(counties.get(c));
            Map<String, BigDecimal> typed = new HashMap<>();
            for (Map<String, Object> i : indicators) {
                if (i.get("numerator_code") == null) {
                    typed.put((String) i.get("code"), value(c, (Integer) i.get("position"), year, (String)
                            i.get("kind")));
                }
            }
            for (Map<String, Object> i : indicators) {
                String code = (String) i.get("code");
                if (i.get("numerator_code") == null) {
                    rows.add(new Object[] {report, code, i.get("kind"), typed.get(code), "TYPED"});
                    continue;
                }
                BigDecimal num = typed.get((String) i.get("numerator_code"));
                BigDecimal den = typed.get((String) i.get("denominator_code"));
                if (num == null || den == null) {
                    continue;
                }
                BigDecimal rate = den.signum() == 0
                        ? null
                        : num.multiply(BigDecimal.valueOf(100)).divide(den, 4, RoundingMode.HALF_UP);
                if (rate == null || rate.compareTo(BigDecimal.valueOf(100)) <= 0) {
                    rows.add(new Object[] {report, code, "RATE", rate, "COMPUTED"});
                }
            }
        }
        jdbc.batchUpdate("""
                insert into indicator_value (report_id, indicator_code, kind, value, source) values (?, ?, ?, ?, ?)
                on conflict (report_id, indicator_code) do nothing
                """, rows);
    }
}
