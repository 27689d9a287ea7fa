package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.fazhi.portal.PortalTest;
import java.nio.charset.StandardCharsets;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The ranking reads the reports as they are: an approval shows on the next request (no copy to
 * refresh), and the national ranking is paged on the page while its export holds every county.
 */
@PortalTest
class DashboardLiveRankingTests extends SichuanDashboardTest {

    @Test
    void anApprovalShowsInTheProvinceRankingOnTheNextRequest() throws Exception {
        // a county of 四川省 outside the shared 150, with a submitted 2024 report of 7 accidents
        String county = jdbc.queryForObject(
                "select code from region where province_code = ? and level = 'COUNTY'" + " order by code desc limit 1",
                String.class,
                DashboardTestData.PROVINCE);
        assertThat(counties).doesNotContain(county);
        jdbc.update("delete from annual_report where county_code = ? and year = 2024", county);
        Long report = jdbc.queryForObject("""
                insert into annual_report (county_code, year, status, submission_deadline, submitted_at)
                values (?, 2024, 'SUBMITTED', date '2025-03-01', timestamptz '2025-02-10 10:00+08') returning id
                """, Long.class, county);
        jdbc.update(
                "insert into indicator_value (report_id, indicator_code, kind, value, source)"
                        + " values (?, 'EMG_ACCIDENTS', 'COUNT', 7, 'TYPED')",
                report);
        String ranking = "/dashboards/ranking?year=2024&area=510000&indicator=EMG_ACCIDENTS";
        assertThat(value(page(get(ranking)), county)).isEqualTo("—");

        MockHttpServletResponse approved = mvc.perform(post("/counties/" + county + "/reports/2024/approve")
                        .param(
                                "version",
                                jdbc.queryForObject(
                                        "select version from annual_report where id = ?", String.class, report))
                        .with(csrf())
                        .with(user(reviewer)))
                .andReturn()
                .getResponse();
        assertThat(approved.getStatus()).isEqualTo(302);

        assertThat(value(page(get(ranking)), county)).isEqualTo("7");
        assertThat(value(page(get(ranking).with(user(reviewer))), county)).isEqualTo("7");
    }

    @Test
    void theNationalRankingShowsProvincesAndItsExportEveryCounty() throws Exception {
        long all = jdbc.queryForObject("select count(*) from region where level = 'COUNTY'", Long.class);
        long provinces = jdbc.queryForObject(
                "select count(distinct province_code) from region where level = 'COUNTY'", Long.class);
        String ranking = "/dashboards/ranking?year=2023&indicator=EMG_ACCIDENTS";
        Document page = page(get(ranking));
        // one row a province, each linking to its counties; no page draws the country's counties
        assertThat(page.select("#table-ranking tbody tr")).hasSize((int) provinces);
        assertThat(page.select("#table-ranking tbody tr a[href*=area=510000]")).hasSize(1);
        assertThat(page.select(".pagination")).isEmpty();
        assertThat(page.select("#table-counties")).isEmpty();
        assertThat(page.select("#export-counties-csv").attr("href")).contains("table=counties");
        // 四川, where every county reported (EMG_ACCIDENTS is compared per 10,000 residents), ranks by that
        assertThat(page.select("#per-capita-note")).hasSize(1);

        MockHttpServletResponse csv = mvc.perform(get(ranking + "&format=csv&table=counties"))
                .andReturn()
                .getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        long lines = csv.getContentAsString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .count();
        assertThat(lines).isEqualTo(all + 1);
        // a province fits on one page: no pager
        assertThat(page(get(ranking + "&area=510000")).select(".pagination")).isEmpty();
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
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
}
