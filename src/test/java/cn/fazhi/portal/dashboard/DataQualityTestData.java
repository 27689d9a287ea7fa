package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.dashboard.PeerGroups.Group;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reports generated for the data-quality tests (and a browser journey that wants flags to show):
 * 贵州省 (520000) in 2018, a province and year no other test reports in. The counties are one
 * national peer group (same kind, same national population tercile) of the province:
 * <ul>
 * <li>{@code FUN_SERVICE_ITEMS} (raw): the peers spread evenly over 60–140; one county reports 20×
 *     their median (flagged), another 1.5× (not flagged);</li>
 * <li>{@code DIS_MEDIATION_CASES} (per 10,000 residents): the peers 60–140 per 10,000, the first
 *     county 20× that per 10,000 (flagged, with its per-10,000 value);</li>
 * <li>{@code LEA_PARTY_MEETINGS} (small counts): the peers 1–3 (median 2), a county 6 — far in z
 *     but only 4 meetings from the median: not flagged;</li>
 * <li>a draft with an absurd value, which is not checked (drafts count nowhere).</li>
 * </ul>
 * Written once per database with JDBC batches; the reports are approved except the 1.5× county's
 * (submitted) and the draft.
 */
final class DataQualityTestData {

    static final String PROVINCE = "520000";
    static final int YEAR = 2018;
    static final int PEERS = 14;

    private static volatile Generated data;

    /**
     * @param group the counties with a counted report (the {@value #PEERS} peers, then {@code high} and {@code moderate})
     * @param high 20× the median, approved; {@code moderate} 1.5×, submitted; {@code meetings} 6 meetings; {@code draft} a draft
     */
    record Generated(List<String> group, String high, String moderate, String meetings, String draft) {}

    private DataQualityTestData() {}

    /**
     * The province's largest peer group (by the national terciles, as the service computes them):
     * {@value #PEERS} ordinary peers, the 20× county, the 1.5× county (submitted, not yet approved),
     * and a draft; the meetings' outlier is one of the ordinary peers.
     */
    static synchronized Generated load(JdbcTemplate jdbc) {
        if (data != null) {
            return data;
        }
        long[] bounds = PeerGroups.tercileBounds(jdbc.queryForList("""
                select distinct on (rp.region_code) rp.population from region_population rp
                join region r on r.code = rp.region_code and r.level = 'COUNTY'
                order by rp.region_code, rp.census_year desc
                """, Long.class));
        Map<Group, List<String>> groups = new LinkedHashMap<>();
        Map<String, Long> populations = new HashMap<>();
        jdbc.query(
                """
                select r.code, r.name, (select rp.population from region_population rp where rp.region_code = r.code
                                        order by rp.census_year desc limit 1) as population
                from region r where r.province_code = ? and r.level = 'COUNTY' order by r.code
                """,
                rs -> {
                    long population = rs.getLong(3);
                    if (!rs.wasNull()) {
                        populations.put(rs.getString(1), population);
                        groups.computeIfAbsent(
                                        PeerGroups.groupOf(rs.getString(1), rs.getString(2), population, bounds),
                                        g -> new ArrayList<>())
                                .add(rs.getString(1));
                    }
                },
                PROVINCE);
        List<String> group = groups.values().stream()
                .max(Comparator.comparingInt(List::size))
                .orElseThrow();
        assertThat(group).as("a peer group of 贵州 large enough").hasSizeGreaterThanOrEqualTo(PEERS + 3);
        List<String> peers = group.subList(0, PEERS);
        String high = group.get(PEERS);
        String moderate = group.get(PEERS + 1);
        String draft = group.get(PEERS + 2);
        String meetings = peers.get(0);

        Map<String, String> status = new LinkedHashMap<>();
        peers.forEach(c -> status.put(c, "APPROVED"));
        status.put(high, "APPROVED");
        status.put(moderate, "SUBMITTED");
        status.put(draft, "DRAFT");
        List<Object[]> reports = new ArrayList<>();
        Timestamp submitted = Timestamp.from(Instant.parse(YEAR + 1 + "-02-10T02:00:00Z"));
        Timestamp approved = Timestamp.from(Instant.parse(YEAR + 1 + "-02-20T02:00:00Z"));
        status.forEach((county, s) -> reports.add(new Object[] {
            county,
            YEAR,
            s,
            LocalDate.of(YEAR + 1, 3, 1),
            s.equals("DRAFT") ? null : submitted,
            s.equals("APPROVED") ? approved : null
        }));
        jdbc.batchUpdate("""
                insert into annual_report (county_code, year, status, submission_deadline, submitted_at, approved_at)
                values (?, ?, ?, ?, ?, ?) on conflict (county_code, year) do nothing
                """, reports);
        Map<String, Long> ids = new HashMap<>();
        jdbc.query(
                "select county_code, id from annual_report where year = ? and county_code like '52%'",
                rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                },
                YEAR);

        List<Object[]> values = new ArrayList<>();
        for (int i = 0; i < PEERS; i++) {
            String county = peers.get(i);
            double spread = 60 + 80.0 * i / (PEERS - 1); // 60 … 140, median 100
            values.add(value(ids.get(county), "FUN_SERVICE_ITEMS", "COUNT", BigDecimal.valueOf(Math.round(spread))));
            values.add(value(
                    ids.get(county),
                    "DIS_MEDIATION_CASES",
                    "COUNT",
                    BigDecimal.valueOf(Math.round(spread * populations.get(county) / 10_000))));
            values.add(value(
                    ids.get(county),
                    "LEA_PARTY_MEETINGS",
                    "COUNT",
                    BigDecimal.valueOf(county.equals(meetings) ? 6 : i % 5 == 1 ? 1 : i % 5 == 3 ? 3 : 2)));
        }
        values.add(value(ids.get(high), "FUN_SERVICE_ITEMS", "COUNT", BigDecimal.valueOf(2000)));
        values.add(value(
                ids.get(high),
                "DIS_MEDIATION_CASES",
                "COUNT",
                BigDecimal.valueOf(Math.round(2000.0 * populations.get(high) / 10_000))));
        values.add(value(ids.get(high), "LEA_PARTY_MEETINGS", "COUNT", BigDecimal.valueOf(2)));
        values.add(value(ids.get(moderate), "FUN_SERVICE_ITEMS", "COUNT", BigDecimal.valueOf(150)));
        values.add(value(
                ids.get(moderate),
                "DIS_MEDIATION_CASES",
                "COUNT",
                BigDecimal.valueOf(Math.round(100.0 * populations.get(moderate) / 10_000))));
        values.add(value(ids.get(moderate), "LEA_PARTY_MEETINGS", "COUNT", BigDecimal.valueOf(2)));
        values.add(value(ids.get(draft), "FUN_SERVICE_ITEMS", "COUNT", BigDecimal.valueOf(99_999)));
        jdbc.batchUpdate("""
                insert into indicator_value (report_id, indicator_code, kind, value, source) values (?, ?, ?, ?, 'TYPED')
                on conflict (report_id, indicator_code) do nothing
                """, values);
        data = new Generated(List.copyOf(group.subList(0, PEERS + 2)), high, moderate, meetings, draft);
        return data;
    }

    private static Object[] value(long report, String indicator, String kind, BigDecimal value) {
        return new Object[] {report, indicator, kind, value};
    }
}
