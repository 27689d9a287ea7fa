package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.StatementCounting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Every dashboard page over 150 counties of 四川省: it shows them all, and it issues at most 10
 * SQL statements whatever the number of counties (counted with datasource-proxy, the session
 * check of a logged-in user included).
 */
@PortalTest
class DashboardPagesTests extends SichuanDashboardTest {

    static final int MAX_STATEMENTS = 10;

    @Test
    void everyPageShowsTheCountiesWithAtMostTenStatements() throws Exception {
        String first = counties.get(0);
        Map<String, MockHttpServletRequestBuilder> pages = new LinkedHashMap<>();
        pages.put("status", get("/dashboards/status").param("year", "2024").with(user(reviewer)));
        pages.put(
                "ranking",
                get("/dashboards/ranking")
                        .param("year", "2023")
                        .param("indicator", "CAP_LAWYER_COVERAGE")
                        .with(user(reviewer)));
        pages.put("heatmap", get("/dashboards/heatmap").param("year", "2023").with(user(reviewer)));
        pages.put(
                "profile",
                get("/dashboards/counties/" + first)
                        .param("year", "2023")
                        .param("indicator", "EMG_ACCIDENTS")
                        .with(user(reviewer)));
        pages.put(
                "compare",
                get("/dashboards/compare")
                        .param("year", "2023")
                        .param("area", "510000")
                        .param("county", counties.get(0), counties.get(1), counties.get(2))
                        .param("section", "CAPACITY")
                        .with(user(reviewer)));
        pages.put(
                "public ranking",
                get("/dashboards/ranking").param("year", "2023").param("area", "510000"));
        pages.put(
                "public heat map",
                get("/dashboards/heatmap").param("year", "2023").param("area", "510000"));
        pages.put("public profile", get("/dashboards/counties/" + first).param("year", "2023"));
        pages.put(
                "status export",
                get("/dashboards/status")
                        .param("year", "2024")
                        .param("format", "xlsx")
                        .with(user(reviewer)));
        pages.put(
                "ranking export",
                get("/dashboards/ranking")
                        .param("year", "2023")
                        .param("format", "csv")
                        .param("table", "aggregates")
                        .with(user(reviewer)));
        pages.put(
                "heat map export",
                get("/dashboards/heatmap")
                        .param("year", "2023")
                        .param("format", "xlsx")
                        .with(user(reviewer)));
        Map<String, Long> counted = new LinkedHashMap<>();
        for (Map.Entry<String, MockHttpServletRequestBuilder> page : pages.entrySet()) {
            MockHttpServletResponse[] response = new MockHttpServletResponse[1];
            long statements = StatementCounting.during(
                    () -> response[0] = mvc.perform(page.getValue()).andReturn().getResponse());
            assertThat(response[0].getStatus()).as(page.getKey()).isEqualTo(200);
            counted.put(page.getKey(), statements);
        }
        System.out.println("SQL statements per dashboard page: " + counted);
        assertThat(counted.values()).as(counted.toString()).allMatch(n -> n <= MAX_STATEMENTS);
    }

    @Test
    void statusBoardListsEveryCountyOfTheProvinceWithItsStatus() throws Exception {
        Document page = page(get("/dashboards/status").param("year", "2024").with(user(reviewer)));
        List<String> codes =
                page.select("#table-counties tbody tr td:nth-child(3)").eachText();
        long sichuan = jdbc.queryForObject(
                "select count(*) from region where province_code = '510000' and level = 'COUNTY'", Long.class);
        assertThat(codes).hasSize((int) sichuan).containsAll(counties);
        // the 2024 mix: approved, submitted, returned, draft in turn; the last 30 of the 150 have not started
        assertThat(cells(page, counties.get(0))).contains("已审核通过");
        assertThat(cells(page, counties.get(1))).contains("已报送");
        assertThat(cells(page, counties.get(2))).contains("已退回");
        // a draft or no report after the deadline (1 March 2025) is late
        assertThat(cells(page, counties.get(3))).contains("逾期未报");
        assertThat(cells(page, counties.get(149))).contains("逾期未报").contains("—");
        // the counts per prefecture add up to the province
        List<String> total =
                page.select("#table-counts tbody tr").last().select("td").eachText();
        assertThat(total.get(0)).isEqualTo("合计");
        assertThat(total.get(total.size() - 1)).isEqualTo(Long.toString(sichuan));
    }

    @Test
    void rankingOfAComputedRateAggregatesThePartsNotTheRates() throws Exception {
        Document page = page(get("/dashboards/ranking")
                .param("year", "2023")
                .param("indicator", "CAP_LAWYER_COVERAGE")
                .with(user(reviewer)));
        List<String> total =
                page.select("#table-aggregates tbody tr").last().select("td").eachText();
        Map<String, Object> expected = jdbc.queryForMap("""
                select round(100 * sum(n.value) / sum(d.value), 1) as ratio, count(*) as covered
                from annual_report ar
                join indicator_value n on n.report_id = ar.id and n.indicator_code = 'CAP_LAWYER_UNITS'
                join indicator_value d on d.report_id = ar.id and d.indicator_code = 'CAP_UNITS'
                join region r on r.code = ar.county_code
                where ar.year = 2023 and ar.status = 'APPROVED' and r.province_code = '510000'
                """);
        assertThat(total.get(3)).isEqualTo(expected.get("ratio").toString());
        assertThat(total.get(4)).isEqualTo(expected.get("covered").toString());
        // target ≥ 60 %: met or not for every county with a value; the rank change from 2022 for every ranked county
        List<String> first =
                page.select("#table-ranking tbody tr").first().select("td").eachText();
        assertThat(first.get(5)).isEqualTo("≥ 60");
        assertThat(first.get(6)).isIn("达标", "未达标");
        assertThat(first.get(7)).matches("↑ \\d+|↓ \\d+|持平");
        // the ranks run from 1, the chart beside the table carries its data
        assertThat(page.select("#table-ranking tbody tr")
                        .first()
                        .select("td")
                        .first()
                        .text())
                .isEqualTo("1");
        assertThat(page.select("#ranking-chart").attr("data-chart")).contains("\"type\":\"bar\"");
    }

    @Test
    void gapsAreShownAsGapsNeverAsZero() throws Exception {
        // 2021: nobody in 四川 reported; the public heat map and ranking show every county with "—"
        Document ranking = page(get("/dashboards/ranking")
                .param("year", "2021")
                .param("area", "510000")
                .param("indicator", "EMG_ACCIDENTS"));
        List<String> values =
                ranking.select("#table-ranking tbody tr td:nth-child(4)").eachText();
        assertThat(values).isNotEmpty().containsOnly("—");
        Document heat = page(get("/dashboards/heatmap").param("year", "2021").param("area", "510000"));
        assertThat(heat.select("#table-heatmap tbody tr"))
                .as("nobody is ranked")
                .isEmpty();
        assertThat(heat.select("#table-insufficient tbody tr"))
                .hasSize(jdbc.queryForObject(
                        "select count(*) from region where province_code = ? and level = 'COUNTY'",
                        Integer.class,
                        DashboardTestData.PROVINCE));
        // overall score, coverage, change: all gaps, and the reason is that there is no report
        assertThat(heat.select("#table-insufficient tbody tr td:nth-last-child(4)")
                        .eachText())
                .containsOnly("—");
        assertThat(heat.select("#table-insufficient tbody tr td:nth-last-child(1)")
                        .eachText())
                .containsOnly("没有计入的报告");
        // a zero denominator is "不适用"
        String county = counties.get(5);
        jdbc.update("""
                insert into indicator_value (report_id, indicator_code, kind, value, source)
                select id, 'CAP_LAWYER_COVERAGE', 'RATE', null, 'COMPUTED' from annual_report
                where county_code = ? and year = 2022
                on conflict (report_id, indicator_code) do update set value = null, source = 'COMPUTED'
                """, county);
        Document rate = page(get("/dashboards/ranking")
                .param("year", "2022")
                .param("area", "510000")
                .param("indicator", "CAP_LAWYER_COVERAGE"));
        assertThat(rowOf(rate, "table-ranking", county)).contains("不适用");
    }

    @Test
    void profileShowsScoresTrendAndNotInCatalogueYears() throws Exception {
        Document page = page(get("/dashboards/counties/" + counties.get(0))
                .param("year", "2023")
                .param("indicator", "EMG_ACCIDENTS"));
        List<String> trend = page.select("#table-trend tbody tr").eachText();
        assertThat(trend).anyMatch(r -> r.startsWith("2023 "));
        assertThat(trend).anyMatch(r -> r.startsWith("2021 —"));
        assertThat(page.select("#radar-chart").attr("data-chart")).contains("\"coordinateSystem\":\"polar\"");
        assertThat(page.select("#table-sections tbody tr").last().text()).startsWith("总分");
    }

    @Test
    void publicViewsCountApprovedReportsOnly() throws Exception {
        // 2024: the first county approved, the second submitted
        String approved = counties.get(0);
        String submitted = counties.get(1);
        String url = "/dashboards/ranking?year=2024&area=510000&indicator=EMG_ACCIDENTS&includeSubmitted=true";
        Document anonymous = page(get(url));
        assertThat(anonymous.select("#includeSubmitted"))
                .as("no such choice for the public")
                .isEmpty();
        assertThat(value(anonymous, approved)).matches("\\d+");
        assertThat(value(anonymous, submitted)).isEqualTo("—");
        Document ticked = page(get(url).with(user(reviewer)));
        assertThat(value(ticked, submitted)).matches("\\d+");
        Document unticked = page(get(url.replace("&includeSubmitted=true", "")).with(user(reviewer)));
        assertThat(value(unticked, submitted)).isEqualTo("—");
    }

    private static String value(Document page, String county) {
        return page.select("#table-ranking tbody tr").stream()
                .filter(r -> r.select("a[href*=" + county + "]").size() > 0)
                .findFirst()
                .orElseThrow()
                .select("td")
                .get(3)
                .text();
    }

    @Test
    void everyPageSpeaksEnglishToo() throws Exception {
        Map<String, String> pages = Map.of(
                "/dashboards/status?year=2024&lang=en",
                "Status by prefecture",
                "/dashboards/ranking?year=2023&lang=en",
                "Prefecture and area aggregates",
                "/dashboards/heatmap?year=2023&lang=en",
                "Section scores of the counties",
                "/dashboards/counties/" + counties.get(0) + "?year=2023&lang=en",
                "Overall score 2023",
                "/dashboards/compare?year=2023&section=CAPACITY&county=" + counties.get(0) + "&county="
                        + counties.get(1) + "&lang=en",
                "Section score",
                "/dashboards/scoring?lang=en",
                "How scores are computed");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            assertThat(page(get(page.getKey()).with(user(reviewer))).text())
                    .as(page.getKey())
                    .contains(page.getValue());
        }
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString());
    }

    @Test
    void theIndicatorPickerOffersTheYearsCatalogueBySectionWithTheChosenOneSelected() throws Exception {
        List<Map<String, Object>> catalogue = jdbc.queryForList("""
                select i.code, i.name_zh, s.name_zh as section from indicator i join section s on s.code = i.section_code
                where i.first_year <= 2023 and (i.last_year is null or i.last_year >= 2023) order by s.position, i.position
                """);
        for (String url : List.of(
                "/dashboards/ranking?year=2023&indicator=EMG_ACCIDENTS",
                "/dashboards/counties/" + counties.get(0) + "?year=2023&indicator=EMG_ACCIDENTS")) {
            Document page = page(get(url).with(user(reviewer)));
            assertThat(page.select("#indicator option").eachAttr("value"))
                    .as(url)
                    .isEqualTo(catalogue.stream().map(r -> r.get("code")).toList());
            assertThat(page.select("#indicator option").eachText())
                    .isEqualTo(catalogue.stream().map(r -> r.get("name_zh")).toList());
            assertThat(page.select("#indicator optgroup").eachAttr("label"))
                    .isEqualTo(catalogue.stream()
                            .map(r -> r.get("section"))
                            .distinct()
                            .toList());
            assertThat(page.select("#indicator option[selected]").eachAttr("value"))
                    .containsExactly("EMG_ACCIDENTS");
        }
    }

    @Test
    void theYearAndAreaFiltersOfferWhatTheViewerMayChoose() throws Exception {
        List<String> prefectures = jdbc.queryForList(
                "select code from region where level = 'PREFECTURE'" + " and province_code = ? order by code",
                String.class,
                DashboardTestData.PROVINCE);
        Document board = page(get("/dashboards/status?year=2023").with(user(reviewer)));
        assertThat(board.select("#year option[selected]").eachAttr("value")).containsExactly("2023");
        List<Integer> years = board.select("#year option").eachAttr("value").stream()
                .map(Integer::valueOf)
                .toList();
        assertThat(years)
                .isSortedAccordingTo(java.util.Comparator.reverseOrder())
                .contains(2024)
                .endsWith(2015);
        // a province reviewer: the province (selected) and its prefectures, indented; no country
        List<String> areas = new java.util.ArrayList<>(List.of(DashboardTestData.PROVINCE));
        areas.addAll(prefectures);
        assertThat(board.select("#area option").eachAttr("value")).isEqualTo(areas);
        assertThat(board.select("#area option[selected]").eachAttr("value"))
                .containsExactly(DashboardTestData.PROVINCE);
        assertThat(board.select("#area option").get(1).text()).startsWith("\u3000");
        // the public: the whole country first, then every province
        Document ranking = page(get("/dashboards/ranking?year=2023&area=" + prefectures.get(0)));
        assertThat(ranking.select("#area option").first().attr("value")).isEmpty();
        assertThat(ranking.select("#area option").first().text()).isEqualTo("全国");
        assertThat(ranking.select("#area option[selected]").eachAttr("value")).containsExactly(prefectures.get(0));
        assertThat(ranking.select("#area option").eachAttr("value")).contains("110000", "650000");
    }

    private static String cells(Document page, String code) {
        return page.select("#table-counties tbody tr").stream()
                .filter(r -> r.text().contains(code))
                .findFirst()
                .orElseThrow()
                .text();
    }

    private static String rowOf(Document page, String table, String county) {
        return page.select("#" + table + " tbody tr").stream()
                .filter(r -> r.select("a[href*=" + county + "]").size() > 0)
                .findFirst()
                .orElseThrow()
                .text();
    }
}
