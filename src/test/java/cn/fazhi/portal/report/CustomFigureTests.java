package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.CustomFigureView;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Custom figures (自定义数据) over HTTP: added, changed and removed with the section they belong
 * to, refused and shown back as typed when malformed, in the report's page, its Excel form (third
 * sheet) and its CSV, with their history, and only ever by the county's own clerk.
 *
 * <p>Each test takes counties of its own from {@link TestFixtures#freshCounty()}.
 */
@PortalTest
class CustomFigureTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ReportService reportService;

    @Autowired
    ReportWorkflow workflow;

    @Autowired
    ReportEntryService entryService;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditService audit;

    @Test
    void aClerkAddsChangesAndRemovesFiguresWithTheirHistory() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        assertThat(save(
                        clerk,
                        county,
                        "LEADERSHIP",
                        Map.of(
                                "added.name",
                                " 法治培训人次 ",
                                "added.unit",
                                "人次",
                                "added.value",
                                "1,200",
                                "added.note",
                                "含线上培训")))
                .hasStatus(HttpStatus.FOUND);
        CustomFigureView added = figures(county).get(0);
        assertThat(added)
                .extracting(
                        CustomFigureView::sectionCode,
                        CustomFigureView::name,
                        CustomFigureView::unit,
                        CustomFigureView::note)
                .containsExactly("LEADERSHIP", "法治培训人次", "人次", "含线上培训");
        assertThat(added.value()).isEqualByComparingTo("1200");

        // the form lists it with its fields, and a blank row for the next one
        assertThat(mvc.get().uri(editUrl(county) + "?section=LEADERSHIP").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"figures[" + added.id() + "].name\"", "value=\"法治培训人次\"", "name=\"added.name\"");

        String key = "figures[" + added.id() + "].";
        assertThat(save(
                        clerk,
                        county,
                        "LEADERSHIP",
                        Map.of(key + "name", "法治培训人次", key + "unit", "人次", key + "value", "1300", key + "note", "")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(figures(county).get(0).value()).isEqualByComparingTo("1300");
        assertThat(figures(county).get(0).note()).isNull();

        assertThat(save(
                        clerk,
                        county,
                        "LEADERSHIP",
                        Map.of(
                                key + "name",
                                "法治培训人次",
                                key + "unit",
                                "人次",
                                key + "value",
                                "1300",
                                key + "remove",
                                "on")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(figures(county)).isEmpty();
        // newest first
        assertThat(audit.historyOf("CustomFigure", Long.toString(added.id())))
                .extracting(AuditEntry::action)
                .containsExactly("CUSTOM_FIGURE_REMOVED", "CUSTOM_FIGURE_CHANGED", "CUSTOM_FIGURE_ADDED");
    }

    @Test
    void malformedFiguresAreShownBackAsTypedAndNotStored() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        assertThat(save(
                        clerk,
                        county,
                        "CAPACITY",
                        Map.of("added.name", "营商环境活动场次", "added.unit", "场", "added.value", "12")))
                .hasStatus(HttpStatus.FOUND);
        long stored = figures(county).get(0).id();
        String key = "figures[" + stored + "].";
        int version = version(county);

        // a value that is not a number, a figure without a unit, a name the section has already, an overlong note
        MvcTestResult result = save(
                clerk,
                county,
                "CAPACITY",
                Map.of(
                        key + "name",
                        "营商环境活动场次",
                        key + "unit",
                        "场",
                        key + "value",
                        "十二场",
                        "added.name",
                        "营商环境活动场次",
                        "added.unit",
                        "场",
                        "added.value",
                        "3"));
        assertThat(result).hasStatusOk().bodyText().contains("value=\"十二场\"", "请填写数字", "本板块已有同名数据");
        assertThat(save(
                        clerk,
                        county,
                        "CAPACITY",
                        Map.of(
                                "added.name",
                                "普法讲座",
                                "added.unit",
                                " ",
                                "added.value",
                                "-4",
                                "added.note",
                                "长".repeat(2001))))
                .hasStatusOk()
                .bodyText()
                .contains("value=\"普法讲座\"", "value=\"-4\"", "请填写单位", "不能为负数", "说明不能超过 2000 字");
        assertThat(figures(county)).singleElement().satisfies(f -> {
            assertThat(f.name()).isEqualTo("营商环境活动场次");
            assertThat(f.value()).isEqualByComparingTo("12");
        });
        // what was refused changed nothing, so the report is as it was before these saves
        assertThat(version(county)).isEqualTo(version);
    }

    @Test
    void onlyTheCountysOwnClerkTouchesItsFiguresWhateverTheFormSays() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        assertThat(save(
                        clerk,
                        county,
                        "LEADERSHIP",
                        Map.of("added.name", "法治讲座场次", "added.unit", "场", "added.value", "8")))
                .hasStatus(HttpStatus.FOUND);
        long figure = figures(county).get(0).id();
        String otherCounty = fixtures.freshCounty();
        PortalUser other = fixtures.clerkWithDraft(otherCounty);

        // another county's clerk, by URL
        assertThat(mvc.post()
                        .uri(editUrl(county))
                        .with(csrf())
                        .with(user(other))
                        .param("section", "LEADERSHIP")
                        .param("version", Integer.toString(version(county)))
                        .param("figures[" + figure + "].remove", "on"))
                .hasStatus(HttpStatus.FORBIDDEN);
        // and through its own report's form, naming this county's figure
        assertThat(save(
                        other,
                        otherCounty,
                        "LEADERSHIP",
                        Map.of(
                                "figures[" + figure + "].name",
                                "改掉",
                                "figures[" + figure + "].unit",
                                "场",
                                "figures[" + figure + "].value",
                                "0",
                                "figures[" + figure + "].remove",
                                "on")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(figures(county))
                .singleElement()
                .extracting(CustomFigureView::name)
                .isEqualTo("法治讲座场次");
        // the history is for those who may see the draft
        String history = "/counties/" + county + "/reports/" + reportService.reportingYear() + "/custom-figures/"
                + figure + "/history";
        assertThat(mvc.get().uri(history).with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("法治讲座场次");
        assertThat(mvc.get().uri(history).with(user(other))).hasStatus(HttpStatus.NOT_FOUND);

        // submitted: the reviewer sees the figure on the report's page; for the clerk it is read-only
        int year = reportService.reportingYear();
        entryService.saveNarrative(
                county,
                year,
                version(county),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                clerk.toViewer());
        assertThat(workflow.submit(
                        county, year, version(county), clerk.toViewer(), java.util.Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        PortalUser reviewer = fixtures.reviewerOf(TestFixtures.FRESH_PROVINCE);
        assertThat(mvc.get().uri("/counties/" + county + "/reports/" + year).with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("其他数据", "法治讲座场次", "8");
        assertThat(save(clerk, county, "LEADERSHIP", Map.of("figures[" + figure + "].remove", "on")))
                .hasStatus(HttpStatus.CONFLICT);
        assertThat(figures(county)).hasSize(1);
    }

    @Test
    void theExcelFormCarriesTheFiguresInItsThirdSheetBothWays() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        assertThat(save(
                        clerk,
                        county,
                        "LEADERSHIP",
                        Map.of("added.name", "法治培训人次", "added.unit", "人次", "added.value", "1200")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(save(
                        clerk,
                        county,
                        "CAPACITY",
                        Map.of("added.name", "删掉的数据", "added.unit", "个", "added.value", "1")))
                .hasStatus(HttpStatus.FOUND);
        byte[] downloaded = download(clerk, county);

        byte[] edited;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloaded))) {
            Sheet sheet = workbook.getSheet("其他数据");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("板块");
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo(sectionName("LEADERSHIP"));
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("法治培训人次");
            assertThat(first.getCell(3).getNumericCellValue()).isEqualTo(1200.0);
            first.getCell(3).setCellValue(1250);
            // the second figure's row is emptied: it is removed; a new one is typed below
            for (int column = 0; column < 5; column++) {
                sheet.getRow(2).getCell(column).setBlank();
            }
            Row added = sheet.getRow(3);
            added.getCell(0).setCellValue(sectionName("CAPACITY"));
            added.getCell(1).setCellValue("营商环境活动场次");
            added.getCell(2).setCellValue("场");
            added.getCell(3).setCellValue(6);
            added.getCell(4).setCellValue("线下 4 场");
            edited = bytes(workbook);
        }
        assertThat(upload(clerk, county, edited)).hasStatus(HttpStatus.FOUND);
        assertThat(figures(county)).extracting(CustomFigureView::name).containsExactlyInAnyOrder("法治培训人次", "营商环境活动场次");
        assertThat(figures(county))
                .filteredOn(f -> f.name().equals("法治培训人次"))
                .singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("1250"));

        // a second download gives back exactly what is stored
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(download(clerk, county)))) {
            Sheet sheet = workbook.getSheet("其他数据");
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("营商环境活动场次");
            assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("线下 4 场");
            // a bad cell is reported by sheet, row and column, and nothing is written
            sheet.getRow(1).getCell(3).setCellValue("很多");
            sheet.getRow(3).getCell(0).setCellValue("不存在的板块");
            sheet.getRow(3).getCell(1).setCellValue("新数据");
            sheet.getRow(3).getCell(2).setCellValue("个");
            sheet.getRow(3).getCell(3).setCellValue(1);
            MvcTestResult refused = upload(clerk, county, bytes(workbook));
            assertThat(refused)
                    .hasStatusOk()
                    .bodyText()
                    .contains("工作表“其他数据”第 2 行 D 列", "工作表“其他数据”第 4 行 A 列", "“不存在的板块”不是本年度指标目录的板块");
        }
        assertThat(figures(county)).hasSize(2);

        // the CSV lists them after the catalogue's indicators, with no code
        String csv = mvc.get()
                .uri("/counties/" + county + "/reports/" + reportService.reportingYear() + "/report.csv")
                .with(user(clerk))
                .exchange()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv).contains("\r\n\"\"," + sectionName("LEADERSHIP") + ",法治培训人次,人次,,1250,");
    }

    // ---- helpers

    private MvcTestResult save(PortalUser clerk, String county, String section, Map<String, String> fields) {
        var request = mvc.post()
                .uri(editUrl(county))
                .with(csrf())
                .with(user(clerk))
                .param("section", section)
                .param("version", Integer.toString(version(county)));
        fields.forEach(request::param);
        return request.exchange();
    }

    private List<CustomFigureView> figures(String county) {
        return transaction.execute(
                s -> reports
                        .findByCountyCodeAndYear(county, reportService.reportingYear())
                        .orElseThrow()
                        .getCustomFigures()
                        .stream()
                        .map(CustomFigureView::of)
                        .toList());
    }

    private int version(String county) {
        return transaction.execute(s -> reports.findByCountyCodeAndYear(county, reportService.reportingYear())
                .orElseThrow()
                .getVersion());
    }

    private String editUrl(String county) {
        return "/counties/" + county + "/reports/" + reportService.reportingYear() + "/edit";
    }

    private String sectionName(String code) {
        return switch (code) {
            case "LEADERSHIP" ->
                reportService
                        .find("532527", 2023, cn.fazhi.portal.account.Viewer.ANONYMOUS)
                        .orElseThrow()
                        .sections()
                        .get(0)
                        .section()
                        .nameZh();
            default ->
                reportService
                        .find("532527", 2023, cn.fazhi.portal.account.Viewer.ANONYMOUS)
                        .orElseThrow()
                        .sections()
                        .stream()
                        .filter(s -> s.section().code().equals(code))
                        .findFirst()
                        .orElseThrow()
                        .section()
                        .nameZh();
        };
    }

    private byte[] download(PortalUser clerk, String county) {
        MvcTestResult result = mvc.get()
                .uri("/counties/" + county + "/reports/" + reportService.reportingYear() + "/report.xlsx")
                .with(user(clerk))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsByteArray();
    }

    private MvcTestResult upload(PortalUser clerk, String county, byte[] file) {
        return mvc.post()
                .uri("/counties/" + county + "/reports/" + reportService.reportingYear() + "/import")
                .multipart()
                .file(new MockMultipartFile("file", "report.xlsx", null, file))
                .param("section", "LEADERSHIP")
                .with(csrf())
                .with(user(clerk))
                .exchange();
    }

    private static byte[] bytes(XSSFWorkbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }
}
