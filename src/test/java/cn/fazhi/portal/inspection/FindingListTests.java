package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.internal.FindingQuery;
import cn.fazhi.portal.inspection.internal.InspectionSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The findings list, its filters and downloads, the counts per county, and "overdue" as the
 * days pass (the test clock moves). Counties of 玉溪市: 江川区 (530403), 通海县 (530423), 华宁县
 * (530424), 易门县 (530425).
 */
@PortalTest
class FindingListTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    InspectionService inspections;

    @Autowired
    ReportingCalendar calendar;

    @Autowired
    TestClock clock;

    PortalUser reviewer;
    PortalUser clerk;
    InspectionHttp http;

    @BeforeEach
    void users() {
        reviewer = TestUsers.user(accounts, "list-reviewer-yuxi", Role.REVIEWER, "530400");
        clerk = TestUsers.user(accounts, "list-clerk-huaning", Role.COUNTY_STAFF, "530424");
        http = new InspectionHttp(mvc);
    }

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void aFindingIsOverdueFromTheDayAfterItsDeadline() {
        LocalDate today = calendar.today();
        long inspection = http.record(reviewer, "530424", "玉溪市委依法治市办");
        long due = http.addFinding(reviewer, inspection, "华宁县行政复议决定书送达超期", today);
        String page = "/findings/" + due;
        assertThat(mvc.get().uri(page).with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("期限 " + today + "，还剩 0 天")
                .doesNotContain("data-testid=\"finding-overdue\"");
        assertThat(listed("/findings?overdue=true&county=530424")).doesNotContain("华宁县行政复议决定书送达超期");

        clock.advance(Duration.ofDays(1));
        assertThat(mvc.get().uri(page).with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("期限 " + today + "，已逾期 1 天", "data-testid=\"finding-overdue\"");
        assertThat(listed("/findings?overdue=true&county=530424")).contains("华宁县行政复议决定书送达超期");
        assertThat(mvc.get().uri("/").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("已逾期 1 天");
        assertThat(inspections
                        .findingCountsByCounty(List.of("530424"), reviewer.toViewer())
                        .get("530424")
                        .overdue())
                .isPositive();
    }

    @Test
    void countsPerCountyAreOpenAndOverdueFindingsAndOnlyInScope() {
        Viewer viewer = reviewer.toViewer();
        Map<String, FindingCounts> before = inspections.findingCountsByCounty(List.of("530425", "530402"), viewer);
        long inspection = http.record(reviewer, "530425", "玉溪市司法局");
        http.addFinding(reviewer, inspection, "易门县普法责任清单未公开", calendar.today().minusDays(3));
        http.addFinding(reviewer, inspection, "易门县公职律师未全覆盖", calendar.today().plusDays(3));
        long closed = http.addFinding(
                reviewer, inspection, "易门县执法公示栏未更新", calendar.today().minusDays(1));
        assertThat(http.reply(
                        clerkOf("530425"), closed, 0, "已更新", calendar.today().toString()))
                .hasStatus(org.springframework.http.HttpStatus.FOUND);
        assertThat(http.accept(reviewer, closed, 1)).hasStatus(org.springframework.http.HttpStatus.FOUND);

        Map<String, FindingCounts> after = inspections.findingCountsByCounty(List.of("530425", "530402"), viewer);
        assertThat(after.get("530425").open() - before.get("530425").open()).isEqualTo(2);
        assertThat(after.get("530425").overdue() - before.get("530425").overdue())
                .isEqualTo(1);
        assertThat(after.keySet()).containsExactly("530425", "530402");
        // outside the viewer's scope, and for the public, nothing is counted
        PortalUser otherReviewer = TestUsers.user(accounts, "list-reviewer-baoshan", Role.REVIEWER, "530500");
        assertThat(inspections.findingCountsByCounty(List.of("530425"), otherReviewer.toViewer()))
                .containsEntry("530425", FindingCounts.none("530425"));
        assertThat(inspections.findingCountsByCounty(List.of("530425"), Viewer.ANONYMOUS))
                .containsEntry("530425", FindingCounts.none("530425"));
        assertThat(inspections
                        .findingCountsByCounty(
                                List.of("530425"), clerkOf("530425").toViewer())
                        .get("530425"))
                .isEqualTo(after.get("530425"));
    }

    @Test
    void theListFiltersAndPages() {
        long inspection = http.record(reviewer, "530403", "玉溪市委依法治市办");
        for (int i = 0; i < 22; i++) {
            http.addFinding(reviewer, inspection, "江川区问题" + i, calendar.today().plusDays(40 + i));
        }
        mvc.post()
                .uri("/findings/" + firstOf("530403") + "/edit")
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .with(user(reviewer))
                .param("description", "江川区严重问题")
                .param("severity", "SEVERE")
                .param("deadline", calendar.today().plusDays(40).toString())
                .param("version", "0")
                .exchange();
        assertThat(inspections
                        .search(
                                new FindingQuery(null, null, "530400", "530403", false),
                                PageRequest.of(0, 20),
                                reviewer.toViewer(),
                                Locale.SIMPLIFIED_CHINESE)
                        .getTotalElements())
                .isGreaterThanOrEqualTo(22);
        String first = listed("/findings?prefecture=530400&county=530403");
        assertThat(first)
                .contains(
                        "第 1 /",
                        "下一页",
                        "<select id=\"prefecture\"",
                        "<select id=\"county\"",
                        "<option value=\"530403\" selected=\"selected\">玉溪市 江川区</option>");
        assertThat(listed("/findings?county=530403&severity=SEVERE"))
                .contains("江川区严重问题")
                .doesNotContain("江川区问题1<");
        assertThat(listed("/findings?county=530403&status=CLOSED")).doesNotContain("江川区问题");
        // another prefecture's filter finds none of these
        assertThat(listed("/findings?prefecture=530500&county=530403")).doesNotContain("江川区问题");
    }

    @Test
    void theListDownloadsAsCsvAndExcelWithTheSameColumnsAndTheFiltersInTheName() throws IOException {
        long inspection = http.record(reviewer, "530423", "玉溪市委依法治市办");
        http.addFinding(
                reviewer,
                inspection,
                "=HYPERLINK(\"http://x\") 通海县问题",
                calendar.today().plusDays(9));
        MvcTestResult csv = mvc.get()
                .uri("/findings.csv?county=530423&status=OPEN")
                .with(user(reviewer))
                .exchange();
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getHeader("Content-Disposition"))
                .contains("attachment", "findings-530423-OPEN-" + calendar.today() + ".csv");
        String text = csv.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF问题编号,县级代码,县,督察类型").contains("'=HYPERLINK", "通海县", "待整改");

        MvcTestResult xlsx = mvc.get()
                .uri("/findings.xlsx?county=530423&status=OPEN")
                .with(user(reviewer))
                .exchange();
        assertThat(xlsx).hasStatusOk();
        assertThat(xlsx.getResponse().getHeader("Content-Disposition"))
                .contains("findings-530423-OPEN-" + calendar.today() + ".xlsx");
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            String[] header =
                    text.substring(1).lines().findFirst().orElseThrow().split(",");
            for (int c = 0; c < header.length; c++) {
                assertThat(sheet.getRow(0).getCell(c).getStringCellValue()).isEqualTo(header[c]);
            }
            assertThat(sheet.getLastRowNum())
                    .isEqualTo(text.substring(1).lines().count() - 1);
        }
        // a clerk of another county downloads nothing of it
        PortalUser otherClerk = TestUsers.user(accounts, "list-clerk-hongta", Role.COUNTY_STAFF, "530402");
        assertThat(mvc.get()
                        .uri("/findings.csv?county=530423")
                        .with(user(otherClerk))
                        .exchange()
                        .getResponse()
                        .getContentAsString(StandardCharsets.UTF_8))
                .doesNotContain("通海县问题");
    }

    @Test
    void theDemoDataHasAnInspectionOfLuxiToShow() {
        PortalUser demoReviewer = TestUsers.demo(accounts, "demo-reviewer");
        List<InspectionSummary> demo = inspections.inspections("532527", null, demoReviewer.toViewer()).stream()
                .filter(i -> i.inspectingBody().equals(DemoInspections.BODY))
                .toList();
        assertThat(demo).singleElement().satisfies(i -> {
            assertThat(i.findings()).isEqualTo(3);
            assertThat(i.open()).isEqualTo(2);
        });
        assertThat(mvc.get().uri("/inspections/" + demo.get(0).id()).with(user(demoReviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("重大行政决策事项目录未向社会公开", "已销号", "待验收");
    }

    private PortalUser clerkOf(String county) {
        return TestUsers.user(accounts, "list-clerk-" + county, Role.COUNTY_STAFF, county);
    }

    private long firstOf(String county) {
        return inspections
                .search(
                        new FindingQuery(null, null, null, county, false),
                        PageRequest.of(0, 1),
                        reviewer.toViewer(),
                        Locale.SIMPLIFIED_CHINESE)
                .getContent()
                .get(0)
                .id();
    }

    private String listed(String url) {
        MvcTestResult result = mvc.get().uri(url).with(user(reviewer)).exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
