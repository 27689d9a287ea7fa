package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.PublicationTestData;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportPublications;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.report.internal.PublicationForm;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The status board's second column (issue 18): each county's publication of its report against
 * the publication deadline, counted per prefecture, and the board narrowed to one publication
 * state. 海北 2020 (see {@link PublicationTestData}): 门源 on its website on 28 March (on time), 祁连
 * on the portal, approved at 00:30 on 2 April in Beijing (late), 海晏 on the portal, approved at
 * 23:30 on 1 April (on time), 刚察 not at all (overdue).
 */
@PortalTest
class PublicationStatusBoardTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Autowired
    ReportWorkflow workflow;

    @Autowired
    ReportPublications publications;

    @Autowired
    TestClock clock;

    private PortalUser reviewer;

    @BeforeEach
    void publications() {
        PublicationTestData data = new PublicationTestData(reports, entries, workflow, accounts, clock);
        data.haibei();
        reviewer = data.reviewer();
        Viewer admin = TestUsers.demo(accounts, "demo-admin").toViewer();
        publications.record(
                PublicationTestData.MENYUAN,
                PublicationTestData.YEAR,
                new PublicationForm("WEBSITE", "2021-03-28", "https://www.menyuan.gov.cn/fzbg"),
                admin);
        publications.record(
                PublicationTestData.QILIAN, PublicationTestData.YEAR, new PublicationForm("PORTAL", "", ""), admin);
        publications.record(
                PublicationTestData.HAIYAN, PublicationTestData.YEAR, new PublicationForm("PORTAL", "", ""), admin);
    }

    @Test
    void theCountsPerPrefectureHaveThePublicationColumns() throws Exception {
        Document board = board("");
        List<String> headers = board.select("#table-counts thead th").eachText();
        assertThat(headers).containsSubsequence("逾期未报", "未发布", "逾期未发布", "按时发布", "逾期发布", "合计");
        List<String> haibei =
                board.select("#table-counts tbody tr").first().select("td").eachText();
        assertThat(haibei.get(0)).isEqualTo("海北藏族自治州");
        int unpublished = headers.indexOf("未发布");
        assertThat(haibei.subList(unpublished, unpublished + 5)).containsExactly("0", "1", "2", "1", "4");
        assertThat(haibei.get(headers.indexOf("已审核通过"))).isEqualTo("4");
        List<String> total =
                board.select("#table-counts tbody tr").last().select("td").eachText();
        assertThat(total.get(0)).isEqualTo("合计");
        assertThat(total.subList(unpublished, unpublished + 5)).containsExactly("0", "1", "2", "1", "4");
        // each county's row has its state and date
        assertThat(row(board, PublicationTestData.MENYUAN)).contains("按时发布", "2021-03-28");
        assertThat(row(board, PublicationTestData.QILIAN)).contains("逾期发布", "2021-04-02");
        assertThat(row(board, PublicationTestData.HAIYAN)).contains("按时发布", "2021-04-01");
        assertThat(row(board, PublicationTestData.GANGCHA)).contains("逾期未发布");
        assertThat(board.select("#publication-deadline").text()).contains("2021-04-01");
    }

    @Test
    void theBoardIsNarrowedToAPublicationStateAndTheCountsStayWhole() throws Exception {
        Document onTime = board("ON_TIME");
        assertThat(onTime.select("#table-counties tbody tr td:nth-child(3)").eachText())
                .containsExactly(PublicationTestData.MENYUAN, PublicationTestData.HAIYAN);
        assertThat(onTime.select("#publication option[selected]").val()).isEqualTo("ON_TIME");
        assertThat(onTime.select("#table-counts tbody tr")
                        .last()
                        .select("td")
                        .last()
                        .text())
                .isEqualTo("4");
        assertThat(board("OVERDUE")
                        .select("#table-counties tbody tr td:nth-child(3)")
                        .eachText())
                .containsExactly(PublicationTestData.GANGCHA);
        assertThat(board("LATE")
                        .select("#table-counties tbody tr td:nth-child(3)")
                        .eachText())
                .containsExactly(PublicationTestData.QILIAN);
        // anything else is no filter
        assertThat(board("<script>").select("#table-counties tbody tr")).hasSize(4);
        // the export follows the filter
        assertThat(mvc.get()
                        .uri("/dashboards/status?year=2020&area=632200&publication=LATE&format=csv&table=counties")
                        .with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("祁连县")
                .doesNotContain("门源回族自治县");
    }

    private Document board(String publication) throws Exception {
        return Jsoup.parse(mvc.get()
                .uri(
                        "/dashboards/status?year={y}&area={a}&publication={p}",
                        PublicationTestData.YEAR,
                        PublicationTestData.PREFECTURE,
                        publication)
                .with(user(reviewer))
                .exchange()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String row(Document board, String county) {
        return board.select("#table-counties tbody tr").stream()
                .filter(r -> r.text().contains(county))
                .findFirst()
                .orElseThrow()
                .text();
    }
}
