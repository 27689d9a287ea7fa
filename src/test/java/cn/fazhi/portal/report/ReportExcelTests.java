package cn.fazhi.portal.report;

import static cn.fazhi.portal.report.EditedWorkbooks.edit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.SectionForm;
import cn.fazhi.portal.report.internal.ValueEntry;
import cn.fazhi.portal.report.internal.ValueSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Excel form of a report, down and up again, and its CSV: a downloaded form uploaded into
 * another county's draft gives the same report; a bad upload changes nothing and says which cell
 * is wrong and why.
 */
@PortalTest
class ReportExcelTests {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ReportService reportService;

    @Autowired
    ReportEntryService entryService;

    @Autowired
    ReportWorkflow workflow;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditService audit;

    @Autowired
    CatalogService catalogs;

    @LocalServerPort
    int port;

    @Test
    void theWorkbookCarriesTheReportWithOnlyValuesExplanationsAndTextsUnlocked() throws IOException {
        // 泸西县 2023 is approved: public, its downloads too, named by the published version
        MvcTestResult result =
                mvc.get().uri("/counties/532527/reports/2023/report.xlsx").exchange();
        assertThat(result).hasStatusOk().hasContentType(XLSX);
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"532527-2023-v1.xlsx\"")
                .contains("filename*=UTF-8''532527-%E6%B3%B8%E8%A5%BF%E5%8E%BF-2023-v1.xlsx");
        try (XSSFWorkbook workbook = workbook(result)) {
            assertThat(workbook.getSheetName(0)).isEqualTo("指标");
            assertThat(workbook.getSheetName(1)).isEqualTo("报告正文");
            XSSFSheet values = workbook.getSheet("指标");
            assertThat(values.getProtect()).isTrue();
            assertThat(values.getRow(0).getCell(1).getStringCellValue()).isEqualTo("532527");
            assertThat(values.getRow(1).getCell(1).getStringCellValue()).isEqualTo("泸西县");
            assertThat(values.getRow(2).getCell(1).getNumericCellValue()).isEqualTo(2023);
            assertThat((Object) values.getRow(3))
                    .as("the blank row below the header")
                    .isNull();
            assertThat(texts(values.getRow(4)))
                    .containsExactly("指标代码", "板块", "指标名称", "单位", "上年数值", "本年数值", "计算值", "说明");

            Row meetings = row(values, "LEA_PARTY_MEETINGS");
            assertThat(meetings.getCell(2).getStringCellValue()).isEqualTo("党委常委会专题研究法治建设次数");
            assertThat(meetings.getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(meetings.getCell(5).getNumericCellValue()).isEqualTo(14);
            assertThat(meetings.getCell(5).getCellStyle().getLocked()).isFalse();
            assertThat(meetings.getCell(7).getCellStyle().getLocked()).isFalse();
            for (int column : new int[] {0, 1, 2, 3, 4, 6}) {
                assertThat(meetings.getCell(column).getCellStyle().getLocked())
                        .as("column %d", column)
                        .isTrue();
            }
            // a rate computed from its parts is no input: blank, with what the parts give beside it
            Row coverage = row(values, "CAP_LAWYER_COVERAGE");
            assertThat(coverage.getCell(5).getCellType()).isEqualTo(CellType.BLANK);
            assertThat(coverage.getCell(6).getNumericCellValue()).isEqualTo(70.8333);
            assertThat(catalogCodes(values)).hasSize(catalogSize(2023));

            XSSFSheet narrative = workbook.getSheet("报告正文");
            assertThat(narrative.getProtect()).isTrue();
            assertThat(narrative.getRow(1).getCell(0).getStringCellValue()).isEqualTo("主要举措和成效");
            assertThat(narrative.getRow(1).getCell(0).getCellStyle().getLocked())
                    .isTrue();
            assertThat(narrative.getRow(1).getCell(1).getStringCellValue()).startsWith("（演示数据）本县2023年");
            assertThat(narrative.getRow(1).getCell(1).getCellStyle().getLocked())
                    .isFalse();
            assertThat(narrative.getRow(4).getCell(0).getStringCellValue()).isEqualTo("党政主要负责人履行推进法治建设第一责任人职责情况");
        }
    }

    @Test
    void aDownloadedReportUploadedIntoAnotherCountysDraftReproducesEveryTypedValueAndTheNarrative() throws IOException {
        int approvedVersion = transaction.execute(s -> report("532527", 2023).getVersion());
        byte[] downloaded = mvc.get()
                .uri("/counties/532527/reports/2023/report.xlsx")
                .with(user(TestUsers.demo(accounts, "demo-reviewer")))
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        int year = reportService.reportingYear();
        byte[] rewritten = edit(downloaded, workbook -> {
            workbook.getSheet("指标").getRow(0).getCell(1).setCellValue(county);
            workbook.getSheet("指标").getRow(2).getCell(1).setCellValue(year);
        });

        MvcTestResult result = upload(clerk, county, rewritten);
        assertThat(result)
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/counties/" + county + "/reports/" + year + "/edit");
        assertThat(result).flash().containsEntry("flash", "excel.imported");

        Map<String, ValueEntry> source = entries("532527", 2023);
        Map<String, ValueEntry> copy = entries(county, year);
        assertThat(typed(copy)).isNotEmpty().isEqualTo(typed(source));
        // the rates follow from the same parts
        assertThat(copy.get("CAP_LAWYER_COVERAGE").value()).isEqualByComparingTo("70.8333");
        transaction.executeWithoutResult(s -> {
            AnnualReport original = report("532527", 2023);
            AnnualReport imported = report(county, year);
            assertThat(imported.getMeasuresText()).isEqualTo(original.getMeasuresText());
            assertThat(imported.getProblemsText()).isEqualTo(original.getProblemsText());
            assertThat(imported.getNextYearPlanText()).isEqualTo(original.getNextYearPlanText());
            assertThat(imported.getLeadersDutyText()).isEqualTo(original.getLeadersDutyText());
            // the source is only read
            assertThat(original.getVersion()).isEqualTo(approvedVersion);
            assertThat(original.getStatus()).isEqualTo(ReportStatus.APPROVED);
        });
    }

    @Test
    void importedValuesAreReadAsTypedAndAuditedLikeTheForm() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        int year = reportService.reportingYear();
        saveSection(clerk, county, "CAPACITY", Map.of("CAP_UNITS", "30", "CAP_EDU_EVENTS", "5"));
        byte[] filled = edit(download(clerk, county), workbook -> {
            Sheet values = workbook.getSheet("指标");
            // Excel keeps every number as a double: 12 comes back as 12.0, a large one may be shown as 1.2E7
            row(values, "LEA_PARTY_MEETINGS").getCell(5).setCellValue(12.0);
            row(values, "DIG_APP_USERS").getCell(5).setCellValue(12_000_000d);
            row(values, "DIG_SUPERVISION_COVERAGE").getCell(5).setCellValue(51.57);
            // typed as "97.5%", Excel keeps 0.975 shown as a percentage
            Cell rate = row(values, "ENF_ONLINE_ENTRY_RATE").getCell(5);
            rate.setCellValue(0.975);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
            rate.setCellStyle(percent);
            // typed into a cell formatted as text, as people write it
            row(values, "CAP_EDU_REACH").getCell(5).setCellValue("４８,９００");
            row(values, "CAP_EDU_REACH").getCell(7).setCellValue("含线上宣传");
            // a blank cell clears, as a blank field does
            row(values, "CAP_EDU_EVENTS").getCell(5).setBlank();
            workbook.getSheet("报告正文").getRow(2).getCell(1).setCellValue("  执法力量不足  ");
        });

        assertThat(upload(clerk, county, filled, "CAPACITY"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/counties/" + county + "/reports/" + year + "/edit?section=CAPACITY");
        Map<String, ValueEntry> stored = entries(county, year);
        assertThat(stored.get("LEA_PARTY_MEETINGS").value()).isEqualByComparingTo("12");
        assertThat(stored.get("DIG_APP_USERS").value()).isEqualByComparingTo("12000000");
        assertThat(stored.get("DIG_SUPERVISION_COVERAGE").value()).isEqualByComparingTo("51.57");
        assertThat(stored.get("ENF_ONLINE_ENTRY_RATE").value()).isEqualByComparingTo("97.5");
        assertThat(stored.get("CAP_EDU_REACH").value()).isEqualByComparingTo("48900");
        assertThat(stored.get("CAP_EDU_REACH").explanation()).isEqualTo("含线上宣传");
        assertThat(stored.get("CAP_UNITS").value()).isEqualByComparingTo("30");
        assertThat(stored).doesNotContainKey("CAP_EDU_EVENTS");

        Long id = transaction.execute(s -> {
            assertThat(report(county, year).getProblemsText()).isEqualTo("执法力量不足");
            assertThat(report(county, year).getMeasuresText()).isNull();
            return report(county, year).getId();
        });
        assertThat(audit.historyOf("IndicatorValue", id + "/CAP_EDU_EVENTS"))
                .extracting(AuditEntry::action)
                .containsExactly("VALUE_CHANGED", "VALUE_CHANGED");
        assertThat(audit.historyOf("IndicatorValue", id + "/LEA_PARTY_MEETINGS"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo(clerk.getUsername());
                    assertThat(e.afterState()).contains("\"12\"");
                });
        // an unchanged value leaves no trace
        assertThat(audit.historyOf("IndicatorValue", id + "/CAP_UNITS")).hasSize(1);
        assertThat(audit.historyOf("AnnualReport", id.toString()))
                .extracting(AuditEntry::action)
                .contains("NARRATIVE_CHANGED");
    }

    @Test
    void aFileThatIsNoWorkbookIsRefusedWhateverItsName() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        String notXlsx = "上传的文件不是 Excel 工作簿（.xlsx）";
        assertRefused(
                clerk,
                "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII),
                notXlsx);
        assertRefused(clerk, "指标代码,本年数值\nLEA_PARTY_MEETINGS,14\n".getBytes(StandardCharsets.UTF_8), notXlsx);
        assertRefused(clerk, zipOf("readme.txt", "a zip, but no workbook"), notXlsx);
        assertRefused(clerk, xls(), "旧版 Excel 97-2003 文件（.xls）");
        assertRefused(clerk, new byte[0], "上传的文件是空的");
        assertThat(mvc.post()
                        .uri(importUrl(county))
                        .multipart()
                        .param("section", "LEADERSHIP")
                        .with(csrf())
                        .with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("请选择要上传的 Excel 文件");
        // MockMvc skips the container's limit: the service's own check answers here
        byte[] oversized = Arrays.copyOf(download(clerk, county), (int) ReportExcelService.MAX_UPLOAD_BYTES + 1);
        assertRefused(clerk, oversized, "文件超过 5 MB");
    }

    @Test
    void aFormOfAnotherCountyOrYearIsRefused() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        int year = reportService.reportingYear();
        byte[] form = download(clerk, county);
        assertRefused(
                clerk,
                edit(form, w -> w.getSheet("指标").getRow(0).getCell(1).setCellValue("532527")),
                "工作表“指标”第 1 行 B 列",
                "这是区划代码 532527 的表，不是本县（" + county + "）的");
        assertRefused(
                clerk,
                edit(form, w -> w.getSheet("指标").getRow(2).getCell(1).setCellValue(year - 1)),
                "工作表“指标”第 3 行 B 列",
                "这是 " + (year - 1) + " 年度的表，不是本报告（" + year + " 年度）的");
        assertRefused(clerk, edit(form, w -> w.removeSheetAt(1)), "缺少工作表“报告正文”");
        assertRefused(
                clerk,
                edit(form, w -> w.getSheet("指标").getRow(4).getCell(5).setCellValue("数值")),
                "工作表“指标”第 5 行 F 列",
                "此处应为“本年数值”");
    }

    @Test
    void unknownAndRepeatedCodesAndFormulasAreRefusedCellByCell() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        byte[] form = download(clerk, county);
        int first = rowNumber(form, "LEA_PARTY_MEETINGS");
        int second = rowNumber(form, "LEA_GOV_MEETINGS");
        assertRefused(
                clerk,
                edit(
                        form,
                        w -> row(w.getSheet("指标"), "LEA_GOV_MEETINGS")
                                .getCell(0)
                                .setCellValue("NO_SUCH_CODE")),
                "工作表“指标”第 " + second + " 行 A 列",
                "指标代码“NO_SUCH_CODE”不在本年度的指标目录中");
        assertRefused(
                clerk,
                edit(
                        form,
                        w -> row(w.getSheet("指标"), "LEA_GOV_MEETINGS")
                                .getCell(0)
                                .setCellValue("LEA_PARTY_MEETINGS")),
                "工作表“指标”第 " + second + " 行 A 列",
                "指标代码“LEA_PARTY_MEETINGS”重复出现（第一次在第 " + first + " 行）");
        assertRefused(
                clerk,
                edit(
                        form,
                        w -> row(w.getSheet("指标"), "LEA_GOV_MEETINGS")
                                .getCell(5)
                                .setCellFormula("10+2")),
                "工作表“指标”第 " + second + " 行 F 列",
                "不能使用公式");
    }

    @Test
    void malformedValuesAndOverlongTextsAreAllListedAndNothingIsWritten() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        byte[] form = download(clerk, county);
        int meetings = rowNumber(form, "LEA_PARTY_MEETINGS");
        int units = rowNumber(form, "CAP_UNITS");
        byte[] bad = edit(form, w -> {
            Sheet values = w.getSheet("指标");
            // well-formed changes in the same file are not applied either
            row(values, "LEA_GOV_MEETINGS").getCell(5).setCellValue(99);
            row(values, "LEA_PARTY_MEETINGS").getCell(5).setCellValue("五十九");
            row(values, "CAP_UNITS").getCell(7).setCellValue("说".repeat(ReportEntryService.MAX_EXPLANATION + 1));
            row(values, "CAP_LAWYER_UNITS").getCell(5).setCellValue(2.5);
            w.getSheet("报告正文").getRow(1).getCell(1).setCellValue("长".repeat(ReportEntryService.MAX_NARRATIVE + 1));
        });
        assertRefused(
                clerk,
                bad,
                "请改正以下 4 处问题",
                "工作表“指标”第 " + meetings + " 行 F 列：",
                "请填写数字",
                "工作表“指标”第 " + units + " 行 H 列：",
                "说明不能超过 2000 字",
                "此项为计数，须为整数",
                "工作表“报告正文”第 2 行 B 列：",
                "此部分不能超过 20000 字");
    }

    /**
     * Through the real server: Tomcat refuses a body over the limit as soon as anything reads a
     * parameter, which MockMvc never shows. Over the file limit and over the request limit alike,
     * the clerk gets the form back with the message, not a bare 413.
     */
    @Test
    void anOversizedUploadGetsTheFormWithItsMessageFromTheRealServer() throws Exception {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        Snapshot before = snapshot(county);
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).build();
        String loginPage = http.send(
                        HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString())
                .body();
        String login =
                "username=" + clerk.getUsername() + "&password=" + TestUsers.PASSWORD + "&_csrf=" + token(loginPage);
        assertThat(http.send(
                                HttpRequest.newBuilder(url("/login"))
                                        .header("Content-Type", "application/x-www-form-urlencoded")
                                        .POST(HttpRequest.BodyPublishers.ofString(login))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(302);
        String csrf = token(
                http.send(HttpRequest.newBuilder(url(editUrl(county))).build(), HttpResponse.BodyHandlers.ofString())
                        .body());

        for (int size : new int[] {(int) ReportExcelService.MAX_UPLOAD_BYTES + 100_000, 12 * 1024 * 1024}) {
            String boundary = "----excel-test-boundary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                            + "\r\n--" + boundary
                            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.xlsx\"\r\n"
                            + "Content-Type: " + XLSX + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(new byte[size]);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(url(importUrl(county)))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%d bytes", size).isEqualTo(302);
            assertThat(response.headers().firstValue("Location"))
                    .hasValueSatisfying(location -> assertThat(location).endsWith(editUrl(county)));
            String form = http.send(
                            HttpRequest.newBuilder(url(editUrl(county))).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
            assertThat(form).contains("文件超过 5 MB", "id=\"import-form\"");
        }
        assertThat(snapshot(county)).isEqualTo(before);
    }

    @Test
    void onlyTheCountysOwnClerkImportsAndOnlyIntoAnEditableReport() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        byte[] changed = edit(
                download(clerk, county),
                w -> row(w.getSheet("指标"), "LEA_PARTY_MEETINGS").getCell(5).setCellValue(77));
        Snapshot before = snapshot(county);
        // another county's clerk, a reviewer of the county's province, an administrator
        for (PortalUser other : List.of(
                fixtures.demo("demo-clerk"),
                fixtures.reviewerOf(TestFixtures.FRESH_PROVINCE),
                fixtures.demo("demo-admin"))) {
            assertThat(upload(other, county, changed)).as(other.getUsername()).hasStatus(HttpStatus.FORBIDDEN);
        }
        assertThat(mvc.post().uri(importUrl(county)).multipart().file(xlsxFile(changed)))
                .as("without the CSRF token")
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(snapshot(county)).isEqualTo(before);

        // a submitted report is no longer the clerk's to change
        String submitterCounty = fixtures.freshCounty();
        PortalUser submitter = fixtures.clerkWithDraft(submitterCounty);
        int year = reportService.reportingYear();
        entryService.saveNarrative(
                submitterCounty,
                year,
                version(submitterCounty),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                submitter.toViewer());
        assertThat(workflow.submit(
                        submitterCounty,
                        year,
                        version(submitterCounty),
                        submitter.toViewer(),
                        Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        byte[] form = mvc.get()
                .uri("/counties/" + submitterCounty + "/reports/" + year + "/report.xlsx")
                .with(user(submitter))
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        assertThat(upload(submitter, submitterCounty, form)).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void anUnapprovedReportsDownloadsAreForItsScopeOnly() {
        // 鲁甸县 2023 waits for review
        for (String path : List.of("report.xlsx", "report.csv")) {
            String url = "/counties/530621/reports/2023/" + path;
            assertThat(mvc.get().uri(url)).hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri(url).with(user(TestUsers.demo(accounts, "demo-clerk"))))
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(mvc.get().uri(url).with(user(TestUsers.demo(accounts, "demo-reviewer"))))
                    .hasStatusOk();
        }
        assertThat(mvc.get().uri("/counties/532527/reports/1999/report.csv")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/counties/532527/reports/abc/report.xlsx")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void theCsvHasAByteOrderMarkAndTheValuesAsPublished() throws IOException {
        MvcTestResult result =
                mvc.get().uri("/counties/532527/reports/2023/report.csv").exchange();
        assertThat(result).hasStatusOk();
        assertThat(result.getResponse().getContentType()).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(result.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment; filename=\"532527-2023-v1.csv\"");
        byte[] bytes = result.getResponse().getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records =
                CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
        assertThat(records.get(0).values()).containsExactly("指标代码", "板块", "指标名称", "单位", "上年数值", "本年数值", "说明");
        Map<String, CSVRecord> byCode = records.stream().skip(1).collect(Collectors.toMap(r -> r.get(0), r -> r));
        assertThat(byCode).hasSize(catalogSize(2023));
        assertThat(byCode.get("CAP_LAWYER_COVERAGE").values())
                .containsExactly("CAP_LAWYER_COVERAGE", "法治能力与普法", "公职律师覆盖率", "%", "", "70.8", "");
        assertThat(byCode.get("FUN_HALL_CASES").get(5)).isEqualTo("232959");
        assertThat(byCode.get("DIG_SUPERVISION_COVERAGE").get(5)).isEqualTo("51.57");
    }

    @Test
    void aFormDownloadedBeforeSomeoneChangedTheReportIsRefusedRatherThanUndoingTheChange() {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        byte[] downloaded = download(clerk, county);
        // meanwhile a colleague corrects a figure on the page
        saveSection(clerk, county, "LEADERSHIP", Map.of("LEA_PARTY_MEETINGS", "15"));
        Snapshot before = snapshot(county);
        assertThat(upload(clerk, county, downloaded)).hasStatusOk().bodyText().contains("在您下载模板之后已有改动");
        assertThat(snapshot(county)).isEqualTo(before);
        // a fresh download goes in
        assertThat(upload(clerk, county, download(clerk, county))).hasStatus(HttpStatus.FOUND);
    }

    /**
     * Issue 16, H1: the attacker's file, the form and 10 extra sheets each unpacking to 19 MB of
     * XML, under 5 MB zipped and under POI's 1:100 ratio. Refused from the zip's sizes alone,
     * before any sheet is parsed; and when the zip lies about them, from what they really unpack to.
     */
    @Test
    void anUploadThatUnpacksToHundredsOfMegabytesIsRefusedBeforeAnySheetIsRead() {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        byte[] form = download(clerk, county);
        byte[] bomb = HostileWorkbooks.withExtraSheets(form, 10, 19L * 1024 * 1024);
        assertThat(bomb.length).isBetween(3_000_000, (int) ReportExcelService.MAX_UPLOAD_BYTES);
        assertRefused(clerk, bomb, "文件中的部件“xl/worksheets/hostile0.xml”解压后过大");
        assertRefused(clerk, HostileWorkbooks.lyingAboutSizes(bomb), "解压后过大");
        // parts of a size the form could have, 20 MB in all
        assertRefused(clerk, HostileWorkbooks.withExtraSheets(form, 4, 6L * 1024 * 1024), "文件解压后超过 20 MB");
    }

    @Test
    void onlyTheFormsSheetsRowsAndColumnsAreRead() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        byte[] form = download(clerk, county);
        // sheets the form does not have are named, visible or not, and not read
        assertRefused(
                clerk, HostileWorkbooks.withExtraSheets(form, 2, 20_000), "工作表“Sheet4”：", "工作表“Sheet5”：", "这不是填报表的工作表");
        assertRefused(
                clerk,
                edit(form, w -> {
                    w.createSheet("草稿");
                    w.setSheetHidden(3, true);
                }),
                "工作表“草稿”：",
                "这不是填报表的工作表");
        assertRefused(clerk, HostileWorkbooks.withExtraParts(form, 100), "文件包含的部件超过 64 个");
        assertRefused(clerk, HostileWorkbooks.withExtraParts(form, 25_000), "文件包含的部件超过 64 个");
        // 200,000 rows: refused at the first row past the limit
        assertRefused(clerk, HostileWorkbooks.withRows(form, 200_000), "工作表“指标”：", "超过 2000 行");
        int meetings = rowNumber(form, "LEA_GOV_MEETINGS");
        assertRefused(
                clerk,
                edit(
                        form,
                        w -> row(w.getSheet("指标"), "LEA_GOV_MEETINGS")
                                .createCell(25)
                                .setCellValue("备注")),
                "工作表“指标”第 " + meetings + " 行 Z 列：",
                "此处超出填报表的范围（最多 20 列）");
        assertRefused(
                clerk,
                edit(form, w -> w.getSheet("报告正文").createRow(5000).createCell(1).setCellValue("附")),
                "工作表“报告正文”：",
                "超过 2000 行");
        // more than an Excel cell holds, which no clerk typed in Excel
        assertRefused(
                clerk,
                HostileWorkbooks.withSheetXml(
                        form,
                        "xl/worksheets/sheet2.xml",
                        "<row r=\"10\"><c r=\"B10\" t=\"inlineStr\"><is><t>" + chineseText(40_000)
                                + "</t></is></c></row>"),
                "工作表“报告正文”第 10 行 B 列：",
                "单元格内容超过 32767 字");
    }

    /**
     * Issue 16, M4: a tool that drops custom properties when it saves dropped the only stamp, and
     * the stale file overwrote a newer value. The stamp is now also in a hidden, locked cell.
     */
    @Test
    void theDownloadStampIsAlsoInAHiddenLockedCellAndAFormWithoutAnyStampIsRefused() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        int year = reportService.reportingYear();
        byte[] downloaded = download(clerk, county);
        String stamp = county + "/" + year + "/" + version(county);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(downloaded))) {
            XSSFSheet values = workbook.getSheet("指标");
            assertThat(values.isColumnHidden(9)).isTrue();
            assertThat(values.getRow(0).getCell(9).getStringCellValue()).isEqualTo(stamp);
            assertThat(values.getRow(0).getCell(9).getCellStyle().getLocked()).isTrue();
            assertThat(workbook.getProperties()
                            .getCustomProperties()
                            .getProperty("fazhi-report-version")
                            .getLpwstr())
                    .isEqualTo(stamp);
        }
        byte[] staleWithoutProperty = edit(downloaded, ReportExcelTests::dropStampProperty);
        // meanwhile a colleague corrects a figure on the page
        saveSection(clerk, county, "LEADERSHIP", Map.of("LEA_PARTY_MEETINGS", "15"));
        Snapshot before = snapshot(county);
        assertThat(upload(clerk, county, staleWithoutProperty))
                .hasStatusOk()
                .bodyText()
                .contains("在您下载模板之后已有改动");

        byte[] fresh = download(clerk, county);
        assertThat(upload(clerk, county, edit(fresh, w -> {
                    dropStampProperty(w);
                    w.getSheet("指标").getRow(0).getCell(9).setBlank();
                })))
                .hasStatusOk()
                .bodyText()
                .contains("文件未导入", "没有版本标记", "请重新下载填报表");
        assertThat(upload(
                        clerk,
                        county,
                        edit(
                                fresh,
                                w -> w.getSheet("指标")
                                        .getRow(0)
                                        .getCell(9)
                                        .setCellValue(county + "/" + year + "/999999"))))
                .hasStatusOk()
                .bodyText()
                .contains("两处版本标记不一致");
        assertThat(snapshot(county)).isEqualTo(before);

        // a fresh form that lost its property goes in: the cell is enough
        assertThat(upload(clerk, county, edit(fresh, w -> {
                    dropStampProperty(w);
                    row(w.getSheet("指标"), "LEA_GOV_MEETINGS").getCell(5).setCellValue(21);
                })))
                .hasStatus(HttpStatus.FOUND);
        assertThat(entries(county, year).get("LEA_GOV_MEETINGS").value()).isEqualByComparingTo("21");
    }

    /** Issue 16, L5: "1,5" typed into a text cell was stored as 15; the form's rule applies. */
    @Test
    void aCommaInATextCellOnlySeparatesThousandsAsInTheForm() throws IOException {
        String county = fixtures.freshCounty();
        PortalUser clerk = clerkWithValues(county);
        int year = reportService.reportingYear();
        assertThat(entryService.saveSection(
                        county,
                        year,
                        SectionForm.of("LEADERSHIP", version(county), Map.of("LEA_PARTY_MEETINGS", "2,75")),
                        clerk.toViewer()))
                .containsEntry("values[LEA_PARTY_MEETINGS]", "value.misplacedComma");
        byte[] form = download(clerk, county);
        int meetings = rowNumber(form, "LEA_PARTY_MEETINGS");
        Snapshot before = snapshot(county);
        assertThat(upload(
                        clerk,
                        county,
                        edit(
                                form,
                                w -> row(w.getSheet("指标"), "LEA_PARTY_MEETINGS")
                                        .getCell(5)
                                        .setCellValue("1,5"))))
                .hasStatusOk()
                .bodyText()
                .contains("工作表“指标”第 " + meetings + " 行 F 列：", "逗号只能用作千位分隔符");
        assertThat(snapshot(county)).isEqualTo(before);
        assertThat(upload(
                        clerk,
                        county,
                        edit(
                                form,
                                w -> row(w.getSheet("指标"), "LEA_PARTY_MEETINGS")
                                        .getCell(5)
                                        .setCellValue("2,664"))))
                .hasStatus(HttpStatus.FOUND);
        assertThat(entries(county, year).get("LEA_PARTY_MEETINGS").value()).isEqualByComparingTo("2664");
    }

    // ---- helpers ----

    /** The 4 narrative parts and the values of one report, to show that a refused upload wrote nothing. */
    private record Snapshot(int version, Map<String, ValueEntry> entries, List<String> narrative) {}

    private void assertRefused(PortalUser clerk, byte[] file, String... expected) {
        String county = clerk.getScopeRegionCode();
        Snapshot before = snapshot(county);
        MvcTestResult result = upload(clerk, county, file);
        assertThat(result)
                .hasStatusOk()
                .hasViewName("report/edit")
                .bodyText()
                .contains("文件未导入，报告没有任何改动")
                .contains(expected);
        assertThat(snapshot(county)).isEqualTo(before);
    }

    private Snapshot snapshot(String county) {
        return transaction.execute(s -> {
            AnnualReport report = report(county, reportService.reportingYear());
            return new Snapshot(
                    report.getVersion(),
                    report.entries(),
                    Arrays.asList(
                            report.getMeasuresText(),
                            report.getProblemsText(),
                            report.getNextYearPlanText(),
                            report.getLeadersDutyText()));
        });
    }

    /** A clerk of the county with a draft of the reporting year, with some values and a narrative part stored, so that a change would show. */
    private PortalUser clerkWithValues(String county) {
        PortalUser clerk = fixtures.clerkWithDraft(county);
        if (!entries(county, reportService.reportingYear()).containsKey("LEA_PARTY_MEETINGS")) {
            saveSection(
                    clerk,
                    county,
                    "LEADERSHIP",
                    Map.of("LEA_PARTY_MEETINGS", "14", "LEA_GOV_MEETINGS", "12"),
                    Map.of("LEA_GOV_MEETINGS", "含专题会"));
            entryService.saveNarrative(
                    county,
                    reportService.reportingYear(),
                    version(county),
                    Map.of("measures", "已有的举措"),
                    clerk.toViewer());
        }
        return clerk;
    }

    private void saveSection(PortalUser clerk, String county, String section, Map<String, String> values) {
        saveSection(clerk, county, section, values, Map.of());
    }

    private void saveSection(
            PortalUser clerk,
            String county,
            String section,
            Map<String, String> values,
            Map<String, String> explanations) {
        assertThat(entryService.saveSection(
                        county,
                        reportService.reportingYear(),
                        SectionForm.of(section, version(county), values, explanations),
                        clerk.toViewer()))
                .isEmpty();
    }

    private byte[] download(PortalUser viewer, String county) {
        MvcTestResult result = mvc.get()
                .uri("/counties/" + county + "/reports/" + reportService.reportingYear() + "/report.xlsx")
                .with(user(viewer))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsByteArray();
    }

    private MvcTestResult upload(PortalUser clerk, String county, byte[] file) {
        return mvc.post()
                .uri(importUrl(county))
                .multipart()
                .file(xlsxFile(file))
                .with(csrf())
                .with(user(clerk))
                .exchange();
    }

    private MvcTestResult upload(PortalUser clerk, String county, byte[] file, String section) {
        return mvc.post()
                .uri(importUrl(county))
                .multipart()
                .file(xlsxFile(file))
                .param("section", section)
                .with(csrf())
                .with(user(clerk))
                .exchange();
    }

    private static MockMultipartFile xlsxFile(byte[] content) {
        return new MockMultipartFile("file", "report.xlsx", XLSX, content);
    }

    private String importUrl(String county) {
        return "/counties/" + county + "/reports/" + reportService.reportingYear() + "/import";
    }

    private String editUrl(String county) {
        return "/counties/" + county + "/reports/" + reportService.reportingYear() + "/edit";
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String token(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    private static XSSFWorkbook workbook(MvcTestResult result) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
    }

    /** Chinese characters at random: a text that deflates as little as real text does. */
    private static String chineseText(int length) {
        java.util.Random random = new java.util.Random(16);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x4E00 + random.nextInt(0x5000)));
        }
        return text.toString();
    }

    /** Removes the download stamp's custom property, as some programs do when they save. */
    private static void dropStampProperty(XSSFWorkbook workbook) {
        var properties = workbook.getProperties().getCustomProperties().getUnderlyingProperties();
        for (int i = properties.sizeOfPropertyArray() - 1; i >= 0; i--) {
            if ("fazhi-report-version".equals(properties.getPropertyArray(i).getName())) {
                properties.removeProperty(i);
            }
        }
    }

    private static Row row(Sheet sheet, String code) {
        for (Row row : sheet) {
            Cell cell = row.getCell(0);
            if (row.getRowNum() > 4 && cell != null && code.equals(cell.getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row of " + code);
    }

    /** The row of an indicator as Excel numbers it. */
    private static int rowNumber(byte[] workbook, String code) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            return row(book.getSheet("指标"), code).getRowNum() + 1;
        }
    }

    private static List<String> texts(Row row) {
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }

    private static List<String> catalogCodes(Sheet sheet) {
        List<String> codes = new ArrayList<>();
        sheet.forEach(row -> {
            if (row.getRowNum() > 4) {
                codes.add(row.getCell(0).getStringCellValue());
            }
        });
        return codes;
    }

    private int catalogSize(int year) {
        return catalogs.forYear(year).indicators().size();
    }

    private static byte[] zipOf(String name, String content) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }

    private static byte[] xls() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("指标").createRow(0).createCell(0).setCellValue("指标代码");
            book.write(out);
            return out.toByteArray();
        }
    }

    /** What the clerk typed, as comparable text: value without trailing zeros, and explanation. */
    private static Map<String, List<String>> typed(Map<String, ValueEntry> entries) {
        return entries.entrySet().stream()
                .filter(e -> e.getValue().source() == ValueSource.TYPED)
                .collect(Collectors.toMap(
                        Map.Entry::getKey,
                        e -> Arrays.asList(
                                e.getValue().value() == null
                                        ? null
                                        : e.getValue()
                                                .value()
                                                .stripTrailingZeros()
                                                .toPlainString(),
                                e.getValue().explanation())));
    }

    private int version(String county) {
        return transaction.execute(
                s -> report(county, reportService.reportingYear()).getVersion());
    }

    private AnnualReport report(String county, int year) {
        return reports.findByCountyCodeAndYear(county, year).orElseThrow();
    }

    private Map<String, ValueEntry> entries(String county, int year) {
        return transaction.execute(s -> report(county, year).entries());
    }
}
