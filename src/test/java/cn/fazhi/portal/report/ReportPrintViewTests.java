package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The annual report as a document to print (issue 18, point 3's print view): the customary title,
 * the four narrative parts in order, every figure the county reported and no empty row, nothing of
 * the portal's menus or buttons; a report not yet approved prints as a draft, and never for the public.
 */
@PortalTest
class ReportPrintViewTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Test
    void anApprovedReportPrintsAsTheCountysDocument() throws Exception {
        Document page = page(get("/counties/532527/reports/2023/print"));
        assertThat(page.select("#document-title").text()).isEqualTo("泸西县人民政府关于2023年度法治政府建设情况的报告");
        assertThat(page.select("section.part h2").eachText())
                .containsExactly("一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、下一年度工作安排");
        // every figure the county reported, equal to the database's, and no empty row
        List<String> reported = jdbc.queryForList("""
                select iv.indicator_code from indicator_value iv join annual_report ar on ar.id = iv.report_id
                where ar.county_code = '532527' and ar.year = 2023 and (iv.value is not null or iv.source = 'COMPUTED')
                order by 1""", String.class);
        assertThat(page.select("tr.figure").eachAttr("data-indicator")).containsExactlyInAnyOrderElementsOf(reported);
        assertThat(page.select("tr.figure td.number:eq(2)").eachText()).doesNotContain("—", "");
        // a document, not a portal page: no navigation, no buttons, no forms, no draft mark
        assertThat(page.select("nav, button, form, .watermark, #draft-note")).isEmpty();
        assertThat(page.select("link[rel=stylesheet]").attr("href")).endsWith("/css/report-print.css");
        assertThat(page.select("#approved-on").text()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日");
        // the report's page links to it
        assertThat(page(get("/counties/532527/reports/2023"))
                        .select("#print-link")
                        .attr("href"))
                .endsWith("/counties/532527/reports/2023/print");
    }

    @Test
    void aSubmittedReportPrintsAsADraftForItsReviewerAndNotForThePublic() throws Exception {
        // 鲁甸县 2023 waits for review
        MockHttpServletResponse anonymous = mvc.perform(get("/counties/530621/reports/2023/print"))
                .andReturn()
                .getResponse();
        assertThat(anonymous.getStatus()).isIn(302, 401, 403, 404);
        assertThat(anonymous.getContentAsString(StandardCharsets.UTF_8)).doesNotContain("鲁甸县人民政府关于");
        var reviewer = TestUsers.user(accounts, "print-reviewer-yunnan", Role.REVIEWER, "530000");
        Document draft = page(get("/counties/530621/reports/2023/print").with(user(reviewer)));
        assertThat(draft.select(".watermark").text()).isEqualTo("草稿");
        assertThat(draft.select("#draft-note").text()).contains("尚未审核通过");
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
    }
}
