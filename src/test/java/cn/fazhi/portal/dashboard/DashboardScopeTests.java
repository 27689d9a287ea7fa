package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A reviewer of 成都市 (510100) never sees a county of another prefecture: not in any view, not in
 * any export, not by naming another area or county in a parameter, not with submitted reports
 * counted.
 */
@PortalTest
class DashboardScopeTests extends SichuanDashboardTest {

    private static final String CHENGDU = "510100";
    private static final Pattern COUNTY_LINK = Pattern.compile("/counties/(\\d{6})");

    PortalUser chengdu;
    String ownCounty;
    String otherCounty;
    Set<String> otherNames;

    @BeforeEach
    void chengdu() {
        chengdu = TestUsers.user(accounts, "dash-reviewer-chengdu", Role.REVIEWER, CHENGDU);
        ownCounty = jdbc.queryForObject(
                "select min(code) from region where prefecture_code = ? and level = 'COUNTY'", String.class, CHENGDU);
        otherCounty = jdbc.queryForObject(
                "select min(code) from region where prefecture_code = '510300' and level = 'COUNTY'", String.class);
        otherNames = new HashSet<>(jdbc.queryForList("""
                select name from region where province_code = '510000' and level = 'COUNTY' and prefecture_code <> ?
                except select name from region where prefecture_code = ?
                """, String.class, CHENGDU, CHENGDU));
    }

    @Test
    void everyViewAndExportShowsOnlyTheReviewersPrefecture() throws Exception {
        String c = "&includeSubmitted=true";
        List<String> urls = List.of(
                "/dashboards/status?year=2024",
                "/dashboards/ranking?year=2023&indicator=CAP_LAWYER_COVERAGE" + c,
                "/dashboards/heatmap?year=2023" + c,
                "/dashboards/counties/" + ownCounty + "?year=2023" + c,
                "/dashboards/compare?year=2023&section=CAPACITY&county=" + ownCounty + "&county=" + next(ownCounty)
                        + c);
        for (String url : urls) {
            String page = ok(get(url));
            assertOnlyChengdu(url, page);
            for (String table : List.of(
                    "counts",
                    "counties",
                    "ranking",
                    "aggregates",
                    "heatmap",
                    "sections",
                    "trend",
                    "reports",
                    "compare")) {
                if (page.contains("id=\"table-" + table + "\"")) {
                    assertOnlyChengdu(url + " csv " + table, ok(get(url + "&format=csv&table=" + table)));
                    MockHttpServletResponse xlsx = mvc.perform(
                                    get(url + "&format=xlsx&table=" + table).with(user(chengdu)))
                            .andReturn()
                            .getResponse();
                    assertThat(xlsx.getStatus()).isEqualTo(200);
                }
            }
        }
    }

    @Test
    void anotherAreaOrCountyInAParameterIsRefused() throws Exception {
        List<String> refused = List.of(
                "/dashboards/status?area=510300",
                "/dashboards/status?area=510000",
                "/dashboards/status?area=530000&format=csv",
                "/dashboards/ranking?area=510300",
                "/dashboards/ranking?area=510000&format=xlsx",
                "/dashboards/heatmap?area=510300",
                "/dashboards/heatmap?area=510000&format=csv",
                "/dashboards/counties/" + otherCounty,
                "/dashboards/counties/" + otherCounty + "?format=csv&table=trend",
                "/dashboards/compare?area=510000",
                "/dashboards/compare?county=" + ownCounty + "&county=" + otherCounty,
                "/dashboards/compare?county=" + ownCounty + "&county=" + otherCounty + "&format=csv");
        for (String url : refused) {
            int status = mvc.perform(get(url).with(user(chengdu)))
                    .andReturn()
                    .getResponse()
                    .getStatus();
            assertThat(status).as(url).isIn(403, 404);
        }
    }

    @Test
    void theProfileComparesWithThePrefectureNotTheProvince() throws Exception {
        String page = ok(get("/dashboards/counties/" + ownCounty + "?year=2023"));
        assertThat(page).contains("成都市平均").doesNotContain("四川省平均");
    }

    private String ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(request.with(user(chengdu))).andReturn().getResponse();
        assertThat(response.getStatus()).as(request.toString()).isEqualTo(200);
        return new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    private void assertOnlyChengdu(String what, String content) {
        Matcher links = COUNTY_LINK.matcher(content);
        while (links.find()) {
            assertThat(links.group(1)).as(what).startsWith("5101");
        }
        for (String name : otherNames) {
            assertThat(content).as(what).doesNotContain(">" + name + "<").doesNotContain("," + name + ",");
        }
    }

    private String next(String county) {
        return jdbc.queryForObject(
                "select min(code) from region where prefecture_code = ? and level = 'COUNTY' and code > ?",
                String.class,
                CHENGDU,
                county);
    }
}
