package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.dashboard.DataQualityService.Flag;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Outliers among peers (issue 17, point 5) on the reports {@link DataQualityTestData} generates
 * for 贵州省 2018: 20× the peers' median flagged, 1.5× not, a small count (median 2, value 6) not,
 * a draft never checked; who sees the flags, the export, and the badge on the review page.
 */
@PortalTest
class DataQualityTests {

    static final String PROVINCE = DataQualityTestData.PROVINCE;
    static final int YEAR = DataQualityTestData.YEAR;
    static final int PEERS = DataQualityTestData.PEERS;

    private DataQualityTestData.Generated data;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    DataQualityService quality;

    PortalUser reviewer;
    PortalUser otherReviewer;
    PortalUser clerk;
    PortalUser admin;

    @BeforeEach
    void generated() {
        data = DataQualityTestData.load(jdbc);
        reviewer = TestUsers.user(accounts, "quality-reviewer-guizhou", Role.REVIEWER, PROVINCE);
        otherReviewer = TestUsers.user(accounts, "quality-reviewer-sichuan", Role.REVIEWER, "510000");
        clerk = TestUsers.user(accounts, "quality-clerk", Role.COUNTY_STAFF, data.high());
        admin = TestUsers.demo(accounts, "demo-admin");
    }

    // ---- the test ----------------------------------------------------------------------

    @Test
    void twentyTimesThePeersMedianIsFlaggedOneAndAHalfTimesAndSmallCountsAreNot() {
        List<Flag> flags = quality.flagsOf(YEAR).flags();
        Flag high = only(flags, data.high(), "FUN_SERVICE_ITEMS");
        assertThat(high).isNotNull();
        assertThat(high.perCapita()).isFalse();
        assertThat(high.raw()).isEqualByComparingTo("2000");
        assertThat(high.peerMedian()).isBetween(95.0, 115.0); // 2000 is about 20× it
        assertThat(high.z()).isGreaterThan(PeerGroups.Z_LIMIT);
        assertThat(high.peers()).isEqualTo(PEERS + 2);

        assertThat(only(flags, data.moderate(), "FUN_SERVICE_ITEMS"))
                .as("1.5× the median")
                .isNull();
        assertThat(only(flags, data.meetings(), "LEA_PARTY_MEETINGS"))
                .as("6 meetings against a median of 2")
                .isNull();
        assertThat(flags).as("a draft is not checked").noneMatch(f -> f.county().equals(data.draft()));
        // the small count is far in z: only the 10 units spare it
        assertThat(PeerGroups.outliers(meetingsObservations(), false)).isEmpty();
        assertThat(Math.abs(zOf(meetingsObservations(), data.meetings()))).isGreaterThan(PeerGroups.Z_LIMIT);

        Flag perCapita = only(flags, data.high(), "DIS_MEDIATION_CASES");
        assertThat(perCapita).as("per 10,000 residents").isNotNull();
        assertThat(perCapita.perCapita()).isTrue();
        assertThat(perCapita.compared()).isBetween(1990.0, 2010.0);
        assertThat(perCapita.peerMedian()).isBetween(95.0, 115.0);
        // only the generated province's counties are flagged there
        assertThat(flags.stream().filter(f -> f.provinceCode().equals(PROVINCE)))
                .extracting(f -> f.county() + "/" + f.indicator())
                .containsExactlyInAnyOrder(data.high() + "/FUN_SERVICE_ITEMS", data.high() + "/DIS_MEDIATION_CASES");
    }

    // ---- who sees them -------------------------------------------------------------------------

    @Test
    void theReviewerOfTheProvinceSeesTheFlagsOnTheDashboardWithTheLatestYearByDefault() throws Exception {
        Document page = page(get("/dashboards/quality"), reviewer);
        assertThat(page.select("#year option[selected]").text()).isEqualTo(Integer.toString(YEAR));
        List<Element> rows = page.select("#table-flags tbody tr");
        assertThat(rows)
                .extracting(r -> r.select("td").get(0).text() + "/"
                        + r.select("td").get(2).text())
                .contains(name(data.high()) + "/政务服务中心进驻事项数")
                .noneMatch(r -> r.startsWith(name(data.moderate()) + "/"));
        Element row = rows.stream()
                .filter(r -> r.select("td").get(2).text().equals("政务服务中心进驻事项数")
                        && r.select("td").get(0).text().equals(name(data.high())))
                .findFirst()
                .orElseThrow();
        assertThat(row.select("td").get(3).text()).isEqualTo("2000");
        assertThat(row.select("td").get(3).hasClass("text-end"))
                .as("numbers right-aligned")
                .isTrue();
        assertThat(row.select("td").get(8).hasClass("text-end")).isTrue();
        assertThat(row.select("td").get(9).text()).isEqualTo("已审核通过");
        assertThat(row.select("td a").attr("href")).isEqualTo("/counties/" + data.high() + "/reports/" + YEAR);
        // the dashboards' navigation links the page for reviewers
        assertThat(page.select("a[href=/dashboards/quality]")).isNotEmpty();
        // an administrator sees them too, for the whole country
        Document national = page(get("/dashboards/quality").param("year", Integer.toString(YEAR)), admin);
        assertThat(national.select("#table-flags tbody tr td:eq(0)"))
                .extracting(Element::text)
                .contains(name(data.high()));
    }

    @Test
    void aReviewerOfAnotherProvinceSeesNoneOfThem() throws Exception {
        Document page = page(get("/dashboards/quality").param("year", Integer.toString(YEAR)), otherReviewer);
        assertThat(page.select("#table-flags tbody td"))
                .extracting(Element::text)
                .doesNotContain(name(data.high()));
        assertThat(status(
                        get("/dashboards/quality")
                                .param("year", Integer.toString(YEAR))
                                .param("area", PROVINCE),
                        otherReviewer))
                .isEqualTo(403);
        assertThat(quality.flagsOf(data.high(), YEAR, otherReviewer.toViewer())).isEmpty();
        assertThat(quality.flagsOf(data.high(), YEAR, reviewer.toViewer()))
                .containsOnlyKeys("FUN_SERVICE_ITEMS", "DIS_MEDIATION_CASES");
    }

    @Test
    void thePublicAndClerksNeverSeeThem() throws Exception {
        assertThat(mvc.perform(get("/dashboards/quality"))
                        .andReturn()
                        .getResponse()
                        .getRedirectedUrl())
                .as("the public is sent to log in")
                .endsWith("/login");
        assertThat(status(get("/dashboards/quality"), clerk)).isEqualTo(403);
        assertThat(status(get("/dashboards/quality").param("format", "csv"), clerk))
                .isEqualTo(403);
        assertThat(quality.flagsOf(data.high(), YEAR, clerk.toViewer())).isEmpty();
        assertThat(quality.flagsOf(data.high(), YEAR, cn.fazhi.portal.account.Viewer.ANONYMOUS))
                .isEmpty();
    }

    @Test
    void theCsvExportHoldsTheFlaggedRows() throws Exception {
        MockHttpServletResponse csv = mvc.perform(get("/dashboards/quality")
                        .param("year", Integer.toString(YEAR))
                        .param("format", "csv")
                        .param("table", "flags")
                        .with(user(reviewer)))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        assertThat(csv.getHeader("Content-Disposition")).contains("quality-flags-" + YEAR + "-" + PROVINCE);
        List<CSVRecord> records = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(
                        csv.getContentAsString(StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        CSVRecord perCapita = records.stream()
                .filter(r -> r.get(0).equals(name(data.high())) && r.get(2).equals("人民调解案件数"))
                .findFirst()
                .orElse(null);
        assertThat(records)
                .anyMatch(r -> r.get(0).equals(name(data.high()))
                        && r.get(2).equals("政务服务中心进驻事项数")
                        && r.get(3).equals("2000"));
        assertThat(records).noneMatch(r -> r.get(0).equals(name(data.moderate())));
        assertThat(perCapita).isNotNull();
        assertThat(new BigDecimal(perCapita.get(5))).isBetween(new BigDecimal("1990"), new BigDecimal("2010"));
        assertThat(status(
                        get("/dashboards/quality")
                                .param("year", Integer.toString(YEAR))
                                .param("format", "xlsx"),
                        reviewer))
                .isEqualTo(200);
        assertThat(status(get("/dashboards/quality").param("format", "pdf"), reviewer))
                .isEqualTo(400);
        assertThat(status(get("/dashboards/quality").param("format", "csv").param("table", "x"), reviewer))
                .isEqualTo(404);
    }

    @Test
    void theReviewPageShowsTheFlagBesideTheValueToReviewersOnly() throws Exception {
        String url = "/counties/" + data.high() + "/reports/" + YEAR;
        Document reviewed = page(get(url), reviewer);
        Element flag = reviewed.selectFirst("#value-FUN_SERVICE_ITEMS [data-testid=value-flag]");
        assertThat(flag).isNotNull();
        assertThat(flag.text()).contains("异常值").contains("中位数").contains("修正 z 值");
        assertThat(reviewed.select("#value-DIS_MEDIATION_CASES [data-testid=value-flag]")
                        .text())
                .contains("每万人");
        assertThat(reviewed.select("[data-testid=value-flag]")).hasSize(2);
        assertThat(page(get("/counties/" + data.moderate() + "/reports/" + YEAR), reviewer)
                        .select("[data-testid=value-flag]"))
                .isEmpty();
        // the approved report is public: the public, the county's clerk and another province's reviewer see no flag
        assertThat(Jsoup.parse(mvc.perform(get(url))
                                .andReturn()
                                .getResponse()
                                .getContentAsString(StandardCharsets.UTF_8))
                        .select("[data-testid=value-flag]"))
                .isEmpty();
        assertThat(page(get(url), clerk).select("[data-testid=value-flag]")).isEmpty();
        assertThat(page(get(url), otherReviewer).select("[data-testid=value-flag]"))
                .isEmpty();
        assertThat(page(get(url).param("lang", "en"), admin)
                        .select("[data-testid=value-flag]")
                        .text())
                .contains("Unusual value");
    }

    @Test
    void badFiltersAreRefusedWithoutAnError() throws Exception {
        assertThat(status(get("/dashboards/quality").param("year", "二〇一八"), reviewer))
                .isEqualTo(400);
        assertThat(status(get("/dashboards/quality").param("year", "1999"), reviewer))
                .isEqualTo(400);
        assertThat(status(get("/dashboards/quality").param("area", "52'; drop table region; --"), reviewer))
                .isEqualTo(404);
        assertThat(status(
                        get("/dashboards/quality")
                                .param("area", "520000")
                                .param("format", "xlsx")
                                .param("year", "x"),
                        reviewer))
                .isEqualTo(400);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private Document page(MockHttpServletRequestBuilder request, PortalUser as) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(user(as))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private int status(MockHttpServletRequestBuilder request, PortalUser as) throws Exception {
        return mvc.perform(request.with(user(as))).andReturn().getResponse().getStatus();
    }

    private String name(String county) {
        return jdbc.queryForObject("select name from region where code = ?", String.class, county);
    }

    private static Flag only(List<Flag> flags, String county, String indicator) {
        return flags.stream()
                .filter(f -> f.county().equals(county) && f.indicator().equals(indicator))
                .findFirst()
                .orElse(null);
    }

    /** The meetings as the service compares them: the generated group's counted reports. */
    private List<PeerGroups.Observation> meetingsObservations() {
        return jdbc.query(
                """
                select ar.county_code, iv.value from annual_report ar
                join indicator_value iv on iv.report_id = ar.id and iv.indicator_code = 'LEA_PARTY_MEETINGS'
                where ar.year = ? and ar.status in ('APPROVED', 'SUBMITTED') and ar.county_code = any (?)
                """,
                (rs, n) -> new PeerGroups.Observation(rs.getString(1), rs.getDouble(2), rs.getDouble(2), null),
                YEAR,
                data.group().toArray(String[]::new));
    }

    private static double zOf(List<PeerGroups.Observation> observations, String county) {
        double[] values = observations.stream()
                .mapToDouble(PeerGroups.Observation::compared)
                .sorted()
                .toArray();
        double median = CompositeIndex.quantile(values, 0.5);
        double meanDeviation = observations.stream()
                .mapToDouble(o -> Math.abs(o.compared() - median))
                .average()
                .orElseThrow();
        double own = observations.stream()
                .filter(o -> o.county().equals(county))
                .findFirst()
                .orElseThrow()
                .compared();
        return (own - median) / (1.253314 * meanDeviation); // MAD is 0: most peers hold 2 meetings
    }
}
