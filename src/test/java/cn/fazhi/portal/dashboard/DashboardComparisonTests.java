package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.TestUsers;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Comparisons a province can defend (issue 17, "Tests that must show it"), through the pages as a
 * reviewer or the public sees them: coverage keeps a county that reports little from ranking
 * (鲁甸县 2023 of the demo), the comparison page's section scores are the heat map's, per-capita
 * rankings, the administrator's coverage threshold, peer groups, the default year, the national
 * view by province, rank intervals, the profile's radar gaps and the right-aligned numbers.
 *
 * <p>Data: the demo's 云南 (泸西县 2022–2023 approved, 鲁甸县 2023 submitted with 8 indicators) and the
 * synthetic 四川 of {@link DashboardTestData}. Whatever a test changes (values, populations, the
 * coverage threshold of 2023) it puts back in a {@code finally}.
 */
@PortalTest
class DashboardComparisonTests extends SichuanDashboardTest {

    static final String YUNNAN = "530000";
    static final String LUXI = "532527";
    static final String LUDIAN = "530621";

    /** "12（3–20）", or "7" when the interval is one rank. */
    static final Pattern INTERVAL = Pattern.compile("(\\d+)（(\\d+)–(\\d+)）|(\\d+)");
    /** A cell showing a number (a score below the threshold in brackets) or a gap. */
    static final Pattern NUMBER_OR_GAP = Pattern.compile("\\(?[-+]?\\d[\\d,]*(\\.\\d+)?\\)?|—");

    // ---- a. reporting less never ranks higher ------------------------------------------------

    @Test
    void ludianWithEightIndicatorsIsNotRankedAboveLuxiAndScoresBelowItWhenMissingCountsAsZero() throws Exception {
        PortalUser yunnan = TestUsers.demo(accounts, "demo-reviewer");
        Document heat = page(get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", YUNNAN)
                .param("includeSubmitted", "true")
                .with(user(yunnan)));
        assertThat(row(heat, "table-heatmap", LUDIAN)).as("鲁甸县 is not ranked").isNull();
        Element ludian = row(heat, "table-insufficient", LUDIAN);
        assertThat(ludian).as("鲁甸县 is listed as not ranked").isNotNull();
        assertThat(cell(heat, "table-insufficient", ludian, "未排名原因")).isEqualTo("数据不足，不参与排名");
        // its score is shown, in brackets (below the coverage threshold), with a coverage that says why:
        // of its 8 figures only those of indicators scored in 云南 that year count (with two reporting
        // counties, only the indicators with a target are)
        assertThat(cell(heat, "table-insufficient", ludian, "总分")).matches("\\(\\d\\.\\d\\d\\)");
        Matcher coverage =
                Pattern.compile("(\\d+)/(\\d+)（(\\d+)%）").matcher(cell(heat, "table-insufficient", ludian, "覆盖率"));
        assertThat(coverage.matches()).isTrue();
        assertThat(Integer.parseInt(coverage.group(1))).isBetween(1, 8);
        assertThat(Integer.parseInt(coverage.group(3))).isLessThan(67);
        // 泸西县 is on the heat map (ranked or not), and 鲁甸县 is nowhere above it
        Element luxi = row(heat, "table-heatmap", LUXI);
        assertThat(luxi != null || row(heat, "table-insufficient", LUXI) != null)
                .as("泸西县 shown")
                .isTrue();
        if (luxi != null) {
            assertThat(cell(heat, "table-heatmap", luxi, "名次")).matches("\\d+");
        }

        // 缺报按 0 计: both ranked, 鲁甸县 below 泸西县
        Document zero = page(get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", YUNNAN)
                .param("includeSubmitted", "true")
                .param("missingAsZero", "true")
                .with(user(yunnan)));
        Element ludianZero = row(zero, "table-heatmap", LUDIAN);
        Element luxiZero = row(zero, "table-heatmap", LUXI);
        assertThat(ludianZero).as("鲁甸县 ranked when missing counts as 0").isNotNull();
        assertThat(luxiZero).as("泸西县 ranked when missing counts as 0").isNotNull();
        BigDecimal ludianScore = new BigDecimal(cell(zero, "table-heatmap", ludianZero, "总分"));
        BigDecimal luxiScore = new BigDecimal(cell(zero, "table-heatmap", luxiZero, "总分"));
        assertThat(ludianScore).isLessThan(luxiScore);
        assertThat(Integer.parseInt(cell(zero, "table-heatmap", ludianZero, "名次")))
                .isGreaterThan(Integer.parseInt(cell(zero, "table-heatmap", luxiZero, "名次")));
        assertThat(zero.select("#table-insufficient tbody tr"))
                .extracting(r -> r.select("td").last().text())
                .doesNotContain("数据不足，不参与排名");
    }

    // ---- b. the comparison's section scores are the heat map's -------------------------------

    @Test
    void comparingTwoCountiesGivesTheHeatMapsSectionScoresForEverySection() throws Exception {
        // two counties of one prefecture: compared within the province and within the prefecture
        String a = counties.get(0);
        String prefecture = jdbc.queryForObject("select prefecture_code from region where code = ?", String.class, a);
        String b = counties.stream()
                .skip(1)
                .filter(c -> prefecture.equals(
                        jdbc.queryForObject("select prefecture_code from region where code = ?", String.class, c)))
                .findFirst()
                .orElseThrow();
        Document heat = page(get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", DashboardTestData.PROVINCE)
                .with(user(reviewer)));
        Document first = page(compare(DashboardTestData.PROVINCE, null, a, b));
        List<Element> sections = first.select("#section option");
        assertThat(sections).hasSizeGreaterThanOrEqualTo(5);
        int artefacts = 0;
        int compared = 0;
        for (String area : List.of(DashboardTestData.PROVINCE, prefecture)) {
            for (Element section : sections) {
                Document page = page(compare(area, section.attr("value"), a, b));
                List<String> scores = sectionScores(page);
                assertThat(scores)
                        .as("section scores of %s in %s", section.text(), area)
                        .hasSize(2);
                List<String> expected = List.of(heatScore(heat, a, section.text()), heatScore(heat, b, section.text()));
                assertThat(scores)
                        .as(
                                "%s in %s: the comparison's section scores are the province heat map's",
                                section.text(), area)
                        .isEqualTo(expected);
                if (!scores.contains("—")) {
                    compared++;
                    if (Set.copyOf(scores).equals(Set.of("0.00", "1.00"))) {
                        artefacts++;
                    }
                }
            }
        }
        assertThat(compared).as("sections with scores compared").isGreaterThanOrEqualTo(10);
        assertThat(artefacts)
                .as("sections where the two counties score exactly 0.00 and 1.00 (min–max among two)")
                .isLessThan(compared / 2);
    }

    private MockHttpServletRequestBuilder compare(String area, String section, String a, String b) {
        MockHttpServletRequestBuilder request = get("/dashboards/compare")
                .param("year", "2023")
                .param("area", area)
                .param("county", a, b)
                .with(user(reviewer));
        return section == null ? request : request.param("section", section);
    }

    /** The comparison's row 板块得分, one cell per county. */
    private static List<String> sectionScores(Document page) {
        Element row = page.select("#table-compare tbody tr").stream()
                .filter(r -> r.select("td").first().text().equals("板块得分"))
                .findFirst()
                .orElseThrow();
        List<String> cells = row.select("td").stream().map(Element::text).toList();
        return cells.subList(3, cells.size());
    }

    /** A county's score in a section on the heat map (either table); "—" when the section is not on it. */
    private static String heatScore(Document heat, String county, String section) {
        for (String table : List.of("table-heatmap", "table-insufficient")) {
            Element row = row(heat, table, county);
            if (row != null) {
                return headers(heat, table).contains(section) ? cell(heat, table, row, section) : "—";
            }
        }
        throw new AssertionError(county + " not on the heat map");
    }

    // ---- c. per capita -------------------------------------------------------------------------

    @Test
    void twiceThePopulationAndTwiceTheAccidentsRankTheSameAndACountyWithoutPopulationIsNotRanked() throws Exception {
        assertThat(jdbc.queryForObject("select per_capita from indicator where code = 'EMG_ACCIDENTS'", Boolean.class))
                .as("EMG_ACCIDENTS is compared per 10,000 residents")
                .isTrue();
        // three counties whose population is the 2020 census alone (no newer table)
        List<String> censusOnly = counties.stream()
                .filter(c -> jdbc.queryForObject(
                        "select count(*) = 1 and bool_and(census_year = 2020) from region_population where region_code = ?",
                        Boolean.class,
                        c))
                .limit(3)
                .toList();
        assertThat(censusOnly).hasSize(3);
        String a = censusOnly.get(0);
        String b = censusOnly.get(1);
        String c = censusOnly.get(2);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        Map<String, Long> populations = new LinkedHashMap<>();
        for (String county : censusOnly) {
            values.put(county, accidents(county));
            populations.put(
                    county,
                    jdbc.queryForObject(
                            "select population from region_population where region_code = ? and census_year = 2020",
                            Long.class,
                            county));
        }
        String source = jdbc.queryForObject(
                "select source from region_population where region_code = ? and census_year = 2020", String.class, c);
        try {
            setAccidents(a, 10);
            setAccidents(b, 20);
            jdbc.update(
                    "update region_population set population = 100000 where region_code = ? and census_year = 2020", a);
            jdbc.update(
                    "update region_population set population = 200000 where region_code = ? and census_year = 2020", b);
            jdbc.update("delete from region_population where region_code = ?", c);

            Document ranking = page(get("/dashboards/ranking")
                    .param("year", "2023")
                    .param("area", DashboardTestData.PROVINCE)
                    .param("indicator", "EMG_ACCIDENTS")
                    .with(user(reviewer)));
            assertThat(ranking.select("#per-capita-note")).isNotEmpty();
            Element rowA = row(ranking, "table-ranking", a);
            Element rowB = row(ranking, "table-ranking", b);
            Element rowC = row(ranking, "table-ranking", c);
            assertThat(cell(ranking, "table-ranking", rowA, "数值")).isEqualTo("10");
            assertThat(cell(ranking, "table-ranking", rowB, "数值")).isEqualTo("20");
            assertThat(cell(ranking, "table-ranking", rowA, "常住人口")).isEqualTo("100000");
            assertThat(cell(ranking, "table-ranking", rowB, "常住人口")).isEqualTo("200000");
            assertThat(cell(ranking, "table-ranking", rowA, "每万常住人口")).isEqualTo("1.00");
            assertThat(cell(ranking, "table-ranking", rowB, "每万常住人口")).isEqualTo("1.00");
            assertThat(cell(ranking, "table-ranking", rowA, "名次"))
                    .matches("\\d+")
                    .isEqualTo(cell(ranking, "table-ranking", rowB, "名次"));
            // without a population: its raw value, no per-capita value, no rank, and the reason
            assertThat(cell(ranking, "table-ranking", rowC, "数值"))
                    .isEqualTo(values.get(c).setScale(0).toPlainString());
            assertThat(cell(ranking, "table-ranking", rowC, "常住人口")).isEqualTo("无人口数据");
            assertThat(cell(ranking, "table-ranking", rowC, "每万常住人口")).isEqualTo("—");
            assertThat(cell(ranking, "table-ranking", rowC, "名次")).isEqualTo("—");
        } finally {
            setAccidents(a, values.get(a));
            setAccidents(b, values.get(b));
            jdbc.update(
                    "update region_population set population = ? where region_code = ? and census_year = 2020",
                    populations.get(a),
                    a);
            jdbc.update(
                    "update region_population set population = ? where region_code = ? and census_year = 2020",
                    populations.get(b),
                    b);
            jdbc.update(
                    "insert into region_population (region_code, census_year, population, source) values (?, 2020, ?, ?)"
                            + " on conflict do nothing",
                    c,
                    populations.get(c),
                    source);
        }
        for (String county : censusOnly) {
            assertThat(accidents(county)).as("restored").isEqualByComparingTo(values.get(county));
        }
    }

    private BigDecimal accidents(String county) {
        return jdbc.queryForObject("""
                select iv.value from indicator_value iv join annual_report ar on ar.id = iv.report_id
                where ar.county_code = ? and ar.year = 2023 and iv.indicator_code = 'EMG_ACCIDENTS'
                """, BigDecimal.class, county);
    }

    private void setAccidents(String county, Number value) {
        assertThat(jdbc.update("""
                update indicator_value set value = ? where indicator_code = 'EMG_ACCIDENTS'
                  and report_id = (select id from annual_report where county_code = ? and year = 2023)
                """, value, county)).isEqualTo(1);
    }

    // ---- d. the administrator's coverage threshold ---------------------------------------------

    @Test
    void aLowerCoverageThresholdForTheYearRanksLudian() throws Exception {
        PortalUser yunnan = TestUsers.demo(accounts, "demo-reviewer");
        MockHttpServletRequestBuilder heatMap = get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", YUNNAN)
                .param("includeSubmitted", "true")
                .with(user(yunnan));
        assertThat(jdbc.queryForObject("select count(*) from scoring_setting where year = 2023", Long.class))
                .as("2023 uses the default threshold")
                .isZero();
        Document before = page(heatMap);
        Element ludian = row(before, "table-insufficient", LUDIAN);
        assertThat(ludian).isNotNull();
        Matcher coverage =
                Pattern.compile("(\\d+)/(\\d+)（\\d+%）").matcher(cell(before, "table-insufficient", ludian, "覆盖率"));
        assertThat(coverage.matches()).isTrue();
        double share = Double.parseDouble(coverage.group(1)) / Double.parseDouble(coverage.group(2));
        // a threshold at or below 鲁甸县's coverage (in the column's three decimals)
        BigDecimal threshold = BigDecimal.valueOf((long) Math.max(1, Math.floor(share * 1000) - 1), 3);
        try {
            jdbc.update(
                    "insert into scoring_setting (year, coverage_threshold, updated_by) values (2023, ?, 'comparison-tests')",
                    threshold);
            Document after = page(heatMap);
            assertThat(row(after, "table-insufficient", LUDIAN))
                    .as("no longer listed as 数据不足")
                    .isNull();
            Element ranked = row(after, "table-heatmap", LUDIAN);
            assertThat(ranked).as("鲁甸县 ranked under the lower threshold").isNotNull();
            assertThat(cell(after, "table-heatmap", ranked, "名次")).matches("\\d+");
            assertThat(cell(after, "table-heatmap", ranked, "总分")).doesNotStartWith("(");
            assertThat(after.select("#method-note").text())
                    .contains(threshold
                                    .movePointRight(2)
                                    .setScale(1, java.math.RoundingMode.HALF_UP)
                                    .toPlainString() + "%");
        } finally {
            jdbc.update("delete from scoring_setting where year = 2023");
        }
        assertThat(row(page(heatMap), "table-insufficient", LUDIAN))
                .as("back to the default threshold")
                .isNotNull();
    }

    // ---- e. peer groups ----------------------------------------------------------------------

    @Test
    void thePeerGroupFilterListsOnlyThatGroupRankedFromOne() throws Exception {
        Document all = page(get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", DashboardTestData.PROVINCE)
                .with(user(reviewer)));
        Map<String, Integer> sizes = new LinkedHashMap<>();
        for (String table : List.of("table-heatmap", "table-insufficient")) {
            for (Element r : all.select("#" + table + " tbody tr")) {
                sizes.merge(cell(all, table, r, "同类组"), 1, Integer::sum);
            }
        }
        // a group some counties but not all belong to, whose middle-ranked county would not be first alone
        String label = cell(
                all,
                "table-heatmap",
                all.select("#table-heatmap tbody tr")
                        .get(all.select("#table-heatmap tbody tr").size() / 2),
                "同类组");
        assertThat(sizes.get(label))
                .isLessThan(sizes.values().stream().mapToInt(Integer::intValue).sum());
        String code = all.select("#peer option").stream()
                .filter(o -> o.text().equals(label))
                .findFirst()
                .orElseThrow()
                .attr("value");
        Document peers = page(get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", DashboardTestData.PROVINCE)
                .param("peer", code)
                .with(user(reviewer)));
        assertThat(peers.select("#peer option[selected]").attr("value")).isEqualTo(code);
        List<String> shown = new ArrayList<>();
        for (String table : List.of("table-heatmap", "table-insufficient")) {
            for (Element r : peers.select("#" + table + " tbody tr")) {
                shown.add(cell(peers, table, r, "同类组"));
            }
        }
        assertThat(shown).hasSize(sizes.get(label)).containsOnly(label);
        List<Integer> ranks = peers.select("#table-heatmap tbody tr").stream()
                .map(r -> Integer.parseInt(cell(peers, "table-heatmap", r, "名次")))
                .toList();
        assertThat(ranks).isNotEmpty().isSorted();
        assertThat(ranks.get(0)).isEqualTo(1);
        assertThat(ranks.get(ranks.size() - 1)).isLessThanOrEqualTo(ranks.size());
        // the intervals speak of the group's ranking too
        for (Element r : peers.select("#table-heatmap tbody tr")) {
            int[] interval = interval(cell(peers, "table-heatmap", r, "名次区间（中位，5%–95%）"));
            assertThat(interval[2]).isLessThanOrEqualTo(ranks.size());
        }
    }

    // ---- f. the default year -----------------------------------------------------------------

    @Test
    void theHeatMapOpensOnTheLatestYearWithAnApprovedReportInTheArea() throws Exception {
        Integer latest = jdbc.queryForObject("""
                select max(year) from annual_report ar join region r on r.code = ar.county_code
                where r.province_code = '530000' and status = 'APPROVED'
                """, Integer.class);
        assertThat(latest).isNotNull();
        Document heat = page(get("/dashboards/heatmap").param("area", YUNNAN));
        assertThat(heat.select("#year option[selected]").attr("value")).isEqualTo(latest.toString());
        assertThat(heat.select("#table-heatmap tbody tr, #table-insufficient tbody tr"))
                .isNotEmpty();
        Document ranking = page(get("/dashboards/ranking").param("area", YUNNAN));
        assertThat(ranking.select("#year option[selected]").attr("value")).isEqualTo(latest.toString());
    }

    // ---- g. the national view shows provinces ------------------------------------------------

    @Test
    void theNationalHeatMapShowsOneRowPerProvinceAndItsDownloadEveryCounty() throws Exception {
        Document national = page(get("/dashboards/heatmap").param("year", "2023"));
        List<String> provinces = jdbc.queryForList(
                "select distinct province_code from region where level = 'COUNTY' order by 1", String.class);
        List<Element> rows = national.select("#table-heatmap tbody tr, #table-insufficient tbody tr");
        assertThat(rows).hasSize(provinces.size());
        assertThat(national.select("#table-heatmap a, #table-insufficient a").eachAttr("href"))
                .as("no county rows")
                .noneMatch(href -> href.contains("/dashboards/counties/"));
        Set<String> linked = new HashSet<>();
        for (Element r : rows) {
            List<Element> links = r.select("a");
            assertThat(links).hasSize(1);
            Matcher drill = Pattern.compile("/dashboards/heatmap\\?year=2023&area=(\\d{6})")
                    .matcher(links.get(0).attr("href"));
            assertThat(drill.matches()).as(links.get(0).attr("href")).isTrue();
            linked.add(drill.group(1));
        }
        assertThat(linked).containsExactlyInAnyOrderElementsOf(provinces);
        // 四川 is ranked (its counties' reports are complete)
        assertThat(national.select("#table-heatmap a").eachAttr("href"))
                .filteredOn(h -> h.endsWith("area=510000"))
                .hasSize(1);
        assertThat(national.select("#download-only a#export-counties-csv")).hasSize(1);

        MockHttpServletResponse csv = mvc.perform(get("/dashboards/heatmap")
                        .param("year", "2023")
                        .param("format", "csv")
                        .param("table", "counties"))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .parse(new StringReader(
                        csv.getContentAsString(StandardCharsets.UTF_8).replace("\uFEFF", "")))
                .getRecords();
        long counties = jdbc.queryForObject("select count(*) from region where level = 'COUNTY'", Long.class);
        assertThat(records).hasSize((int) counties + 1);
        assertThat(records.get(0).get(2)).isEqualTo("县（市、区）");
        assertThat(records.stream().skip(1).map(r -> r.get(2))).contains("泸西县");
    }

    // ---- h. rank intervals ---------------------------------------------------------------------

    @Test
    void everyRankedCountyHasAConsistentIntervalAndTheSameDataGivesTheSameIntervals() throws Exception {
        MockHttpServletRequestBuilder heatMap = get("/dashboards/heatmap")
                .param("year", "2023")
                .param("area", DashboardTestData.PROVINCE)
                .with(user(reviewer));
        Document first = page(heatMap);
        List<Element> rows = first.select("#table-heatmap tbody tr");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(100);
        Map<String, String> intervals = intervals(first);
        int outside = 0;
        int ranges = 0;
        for (Element r : rows) {
            int rank = Integer.parseInt(cell(first, "table-heatmap", r, "名次"));
            String text = cell(first, "table-heatmap", r, "名次区间（中位，5%–95%）");
            int[] interval = interval(text);
            assertThat(interval[1]).as(text).isBetween(1, interval[0]);
            assertThat(interval[2]).as(text).isBetween(interval[0], rows.size());
            if (interval[1] < interval[2]) {
                ranges++;
            }
            if (rank < interval[1] || rank > interval[2]) {
                outside++;
                // the standard method is one of the alternatives: its rank is never far outside
                int width = Math.max(3, interval[2] - interval[1]);
                assertThat(rank)
                        .as("rank %d against interval %s", rank, text)
                        .isBetween(interval[1] - width, interval[2] + width);
            }
            assertThat(r.select("td").get(1).attr("style"))
                    .as("an interval bar")
                    .contains("linear-gradient");
        }
        assertThat(ranges).as("intervals that are ranges").isPositive();
        assertThat(outside).as("ranks outside their own 5–95 % interval").isLessThanOrEqualTo(rows.size() / 10);

        // computed again after the data generation moved (nothing changed): the same intervals
        jdbc.update(
                "insert into scoring_setting (year, coverage_threshold, updated_by) values (2097, 0.5, 'comparison-tests')");
        jdbc.update("delete from scoring_setting where year = 2097");
        assertThat(intervals(page(heatMap))).isEqualTo(intervals);
    }

    private static Map<String, String> intervals(Document page) {
        Map<String, String> intervals = new LinkedHashMap<>();
        for (Element r : page.select("#table-heatmap tbody tr")) {
            intervals.put(r.select("a").attr("href"), cell(page, "table-heatmap", r, "名次区间（中位，5%–95%）"));
        }
        return intervals;
    }

    /** median, low, high of an interval cell. */
    private static int[] interval(String text) {
        Matcher m = INTERVAL.matcher(text);
        assertThat(m.matches()).as("an interval: %s", text).isTrue();
        if (m.group(4) != null) {
            int only = Integer.parseInt(m.group(4));
            return new int[] {only, only, only};
        }
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    // ---- i. the radar leaves a gap -----------------------------------------------------------

    @Test
    void theRadarBreaksAtASectionWithoutAScoreAndSaysSo() throws Exception {
        PortalUser yunnan = TestUsers.demo(accounts, "demo-reviewer");
        Document profile = page(get("/dashboards/counties/" + LUDIAN)
                .param("year", "2023")
                .param("includeSubmitted", "true")
                .with(user(yunnan)));
        List<Element> rows = profile.select("#table-sections tbody tr");
        List<Element> sections = rows.subList(0, rows.size() - 1); // the last is the overall score
        List<String> gaps = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Element r : sections) {
            names.add(r.select("td").get(0).text());
            if (r.select("td").get(1).text().equals("—")) {
                gaps.add(r.select("td").get(0).text());
            }
        }
        assertThat(gaps).as("鲁甸县 (8 indicators) has sections without a score").isNotEmpty();
        assertThat(gaps).as("and some with one").hasSizeLessThan(names.size());
        JsonNode chart = JsonMapper.builder()
                .build()
                .readTree(profile.select("#radar-chart").attr("data-chart"));
        List<String> labels = new ArrayList<>();
        chart.get("angleLabels").forEach(l -> labels.add(l.asString()));
        assertThat(labels).isEqualTo(names);
        JsonNode county = chart.get("series").get(0);
        assertThat(county.get("name").asString()).isEqualTo("鲁甸县");
        for (int i = 0; i < names.size(); i++) {
            JsonNode value = county.get("data").get(i).get(0);
            if (gaps.contains(names.get(i))) {
                assertThat(value.isString() && value.asString().equals("-"))
                        .as("%s: a gap, not 0", names.get(i))
                        .isTrue();
            } else {
                assertThat(value.isNumber()).as("%s: a score", names.get(i)).isTrue();
            }
        }
        // the profile says it is not ranked
        assertThat(profile.select("#not-ranked").text()).isEqualTo("数据不足，不参与排名");
        assertThat(profile.select("#rank")).isEmpty();
        // BUG (main code, templates/dashboard/county.html): #radar-gaps is never rendered. Its
        // th:if tests the variable its own th:with defines, but Thymeleaf evaluates th:if before
        // th:with (attribute precedence), so `gaps` is still null there, #lists.isEmpty(null) is
        // true and the paragraph is dropped. The chart breaks at the gap (checked above) but the page
        // never says so. Fix: compute the list on an enclosing element (or test
        // profile.sections.?[...] directly in th:if).
        assertThat(profile.select("#radar-gaps"))
                .as("the page names the sections without a score")
                .hasSize(1);
        assertThat(profile.select("#radar-gaps").text()).contains("不是 0 分");
        for (String gap : gaps) {
            assertThat(profile.select("#radar-gaps").text()).contains(gap);
        }
    }

    // ---- j. numbers and gaps aligned right ----------------------------------------------------

    @Test
    void everyNumberAndGapInTheTablesIsAlignedRight() throws Exception {
        PortalUser yunnan = TestUsers.demo(accounts, "demo-reviewer");
        List<Document> pages = List.of(
                page(get("/dashboards/heatmap")
                        .param("year", "2023")
                        .param("area", DashboardTestData.PROVINCE)
                        .with(user(reviewer))),
                page(get("/dashboards/heatmap")
                        .param("year", "2023")
                        .param("area", YUNNAN)
                        .param("includeSubmitted", "true")
                        .with(user(yunnan))),
                page(get("/dashboards/heatmap").param("year", "2023")),
                page(get("/dashboards/ranking")
                        .param("year", "2023")
                        .param("area", DashboardTestData.PROVINCE)
                        .param("indicator", "EMG_ACCIDENTS")
                        .with(user(reviewer))),
                page(get("/dashboards/ranking")
                        .param("year", "2023")
                        .param("area", YUNNAN)
                        .param("indicator", "EMG_ACCIDENTS")
                        .param("includeSubmitted", "true")
                        .with(user(yunnan))),
                page(get("/dashboards/ranking").param("year", "2023").param("indicator", "EMG_ACCIDENTS")));
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (Document page : pages) {
            for (Element td :
                    page.select("#table-heatmap td, #table-insufficient td, #table-ranking td, #table-aggregates td")) {
                if (NUMBER_OR_GAP.matcher(td.text()).matches()) {
                    checked++;
                    if (!td.hasClass("text-end")) {
                        wrong.add(td.closest("table").id() + ": " + td.text());
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(1000);
        assertThat(wrong).as("numbers and gaps not aligned right").isEmpty();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus())
                .as(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> headers(Document page, String table) {
        return page.select("#" + table + " thead th").stream()
                .map(Element::text)
                .toList();
    }

    /** The row of a table whose link opens the county's profile; null when it has none. */
    static Element row(Document page, String table, String county) {
        return page.select("#" + table + " tbody tr").stream()
                .filter(r -> r.select("a").stream()
                        .anyMatch(a -> a.attr("href").startsWith("/dashboards/counties/" + county + "?")))
                .findFirst()
                .orElse(null);
    }

    /** A row's cell under the header. */
    private static String cell(Document page, String table, Element row, String header) {
        int column = headers(page, table).indexOf(header);
        assertThat(column)
                .as("column %s of %s: %s", header, table, headers(page, table))
                .isNotNegative();
        return row.select("td").get(column).text();
    }
}
