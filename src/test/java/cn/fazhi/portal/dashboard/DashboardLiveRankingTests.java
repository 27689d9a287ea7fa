package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import cn.fazhi.portal.PortalTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
        String county = jdbc.queryForObject("select code from region where province_code = ? and level = 'COUNTY'"
                + " order by code desc limit 1", String.class, DashboardTestData.PROVINCE);
        assertThat(counties).doesNotContain(county);
        jdbc.update("delete from annual_report where county_code = ? and year = 2024", county);
        Long report = jdbc.queryForObject("""
                insert into annual_report (county_code, year, status, submission_deadline, submitted_at)
                values (?, 2024, 'SUBMITTED', date '2025-03-01', timestamptz '2025-02-10 10:00+08') returning id
                """, Long.class, county);
        jdbc.update("insert into indicator_value (report_id, indicator_code, kind, value, source)"
                + " values (?, 'EMG_ACCIDENTS', 'COUNT', 7, 'TYPED')", report);
        String ranking = "/dashboards/ranking?year=2024&area=510000&indicator=EMG_ACCIDENTS";
        assertThat(value(page(get(ranking)), county)).isEqualTo("—");

        MockHttpServletResponse approved = mvc.perform(post("/counties/" + county + "/reports/2024/approve")
                .param("version", jdbc.queryForObject("select version from annual_report where id = ?", String.class,
                        report))
                .with(csrf()).with(user(reviewer))).andReturn().getResponse();
        assertThat(approved.getStatus()).isEqualTo(302);

        assertThat(value(page(get(ranking)), county)).isEqualTo("7");
        assertThat(value(page(get(ranking).with(user(reviewer))), county)).isEqualTo("7");
    }

    @Test
    void theNationalRankingIsPagedAndItsExportIsComplete() throws Exception {
        long all = jdbc.queryForObject("select count(*) from region where level = 'COUNTY'", Long.class);
        String ranking = "/dashboards/ranking?year=2023&indicator=EMG_ACCIDENTS";
        Document first = page(get(ranking));
        List<String> firstRows = first.select("#table-ranking tbody tr").eachText();
        assertThat(firstRows).hasSize(DashboardController.RANKING_PAGE_SIZE);
        long pages = (all + DashboardController.RANKING_PAGE_SIZE - 1) / DashboardController.RANKING_PAGE_SIZE;
        assertThat(first.select(".pagination").text()).contains("第 1 / " + pages + " 页，共 " + String.format("%,d", all) + " 条");
        Document last = page(get(ranking + "&page=" + (pages - 1)));
        assertThat(last.select("#table-ranking tbody tr")).hasSize((int) (all - (pages - 1) * DashboardController.RANKING_PAGE_SIZE));
        assertThat(last.select("#table-ranking tbody tr").eachText()).doesNotContainAnyElementsOf(firstRows);
        // an unreadable page number shows the first page; one past the end the last
        assertThat(page(get(ranking + "&page=x")).select("#table-ranking tbody tr").eachText()).isEqualTo(firstRows);
        assertThat(page(get(ranking + "&page=999")).select("#table-ranking tbody tr")).hasSameSizeAs(
                last.select("#table-ranking tbody tr"));
        // a province fits on one page: no pager
        assertThat(page(get(ranking + "&area=510000")).select(".pagination")).isEmpty();

        MockHttpServletResponse csv = mvc.perform(get(ranking + "&page=3&format=csv")).andReturn().getResponse();
        assertThat(csv.getStatus()).isEqualTo(200);
        long lines = csv.getContentAsString(StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).count();
        assertThat(lines).isEqualTo(all + 1);
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }

    private static String value(Document page, String county) {
        return page.select("#table-ranking tbody tr").stream()
                .filter(r -> r.select("a[href*=" + county + "]").size() > 0).findFirst().orElseThrow()
                .select("td").get(3).text();
    }
}
