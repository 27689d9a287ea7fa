package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.report.internal.SectionForm;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The annual report as a Word file (issue 18, point 3): 泸西县's approved 2023 report opens with
 * POI with the customary title, the four parts in order, an appendix with exactly the database's
 * values, A4 after GB/T 9704 and page numbers; a draft is marked 草稿 for its clerk and does not
 * exist for the public.
 */
@PortalTest
class ReportDocxTests {

    private static final String LUXI = "/counties/532527/reports/2023/document.docx";
    private static final List<String> PARTS =
            List.of("一、主要举措和成效", "二、存在的不足和原因", "三、党政主要负责人履行推进法治建设第一责任人职责情况", "四、下一年度工作安排");

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Test
    void theApprovedReportOfLuxi2023DownloadsAsAWordDocumentWithTheDatabasesFigures() throws Exception {
        MockHttpServletResponse response = download(get(LUXI));
        assertThat(response.getContentType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        ContentDisposition disposition = ContentDisposition.parse(response.getHeader(HttpHeaders.CONTENT_DISPOSITION));
        assertThat(disposition.isAttachment()).isTrue();
        assertThat(disposition.getFilename()).isEqualTo("532527-2023-法治政府建设年度报告.docx");

        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> paragraphs =
                    docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("泸西县人民政府关于2023年度法治政府建设情况的报告");
            assertThat(docx.getParagraphs().get(0).getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("方正小标宋简体");
            assertThat(paragraphs).containsSubsequence(PARTS);
            PARTS.forEach(
                    part -> assertThat(paragraphs).filteredOn(part::equals).hasSize(1));
            // part one: the county's text, then its key figures; in 仿宋 三号 at GB/T 9704's line pitch
            int measures = paragraphs.indexOf(PARTS.get(0));
            assertThat(paragraphs.indexOf(PARTS.get(1)) - measures).isGreaterThan(2);
            XWPFParagraph text = docx.getParagraphs().get(measures + 1);
            assertThat(text.getRuns().get(0).getFontFamily(XWPFRun.FontCharRange.eastAsia))
                    .isEqualTo("仿宋_GB2312");
            assertThat(text.getRuns().get(0).getFontSizeAsDouble()).isEqualTo(16.0);
            assertThat(text.getSpacingBetween()).isEqualTo(28.95);
            // each section's figures written into the text after part one
            assertThat(paragraphs.subList(measures, paragraphs.indexOf(PARTS.get(1))))
                    .anyMatch(p -> p.startsWith("党的领导与组织保障：") && p.contains("党委常委会专题研究法治建设次数为14次"));
            assertThat(paragraphs).contains("泸西县人民政府");
            assertThat(paragraphs).anyMatch(p -> p.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"));
            assertThat(new XWPFWordExtractor(docx).getText()).doesNotContain("草稿");

            // the appendix: every value of the report, each as the database has it, and nothing else
            Long report = jdbc.sql("select id from annual_report where county_code = '532527' and year = 2023")
                    .query(Long.class)
                    .single();
            // the 55 figures 泸西县 published, and the rates the portal computed from them
            assertThat(jdbc.sql("select count(*) from indicator_value where report_id = ? and value is not null"
                                    + " and source = 'TYPED'")
                            .param(report)
                            .query(Long.class)
                            .single())
                    .isEqualTo(55);
            Map<String, String> expected = new LinkedHashMap<>();
            jdbc.sql("""
                    select i.name_zh, i.kind, iv.value from indicator_value iv join indicator i on i.code = iv.indicator_code
                    where iv.report_id = ? and (iv.value is not null or iv.source = 'COMPUTED') order by i.position""")
                    .param(report)
                    .query((rs, n) -> expected.put(
                            rs.getString(1),
                            rs.getBigDecimal(3) == null
                                    ? "不适用"
                                    : FigureFormat.format(IndicatorKind.valueOf(rs.getString(2)), rs.getBigDecimal(3))))
                    .list();
            jdbc.sql("select name, value from custom_figure where report_id = ?")
                    .param(report)
                    .query((rs, n) -> expected.put(rs.getString(1), customFigure(rs.getBigDecimal(2))))
                    .list();
            Map<String, String> appendix = new LinkedHashMap<>();
            for (XWPFTable table : docx.getTables()) {
                assertThat(table.getRow(0).getTableCells())
                        .extracting(c -> c.getText())
                        .containsExactly("指标", "单位", "数值", "上年", "目标值");
                for (XWPFTableRow row : table.getRows().subList(1, table.getNumberOfRows())) {
                    assertThat(appendix.put(
                                    row.getCell(0).getText(), row.getCell(2).getText()))
                            .isNull();
                }
            }
            assertThat(appendix).hasSizeGreaterThanOrEqualTo(55).containsExactlyInAnyOrderEntriesOf(expected);
            // the print view's appendix lists the same rows, in the same order, with the same values
            Document print = Jsoup.parse(
                    download(get("/counties/532527/reports/2023/print")).getContentAsString(StandardCharsets.UTF_8));
            Map<String, String> printed = new LinkedHashMap<>();
            print.select("#appendix tbody tr")
                    .forEach(tr -> printed.put(tr.child(0).text(), tr.child(2).text()));
            assertThat(printed).containsExactlyEntriesOf(appendix);
            assertThat(print.select(".key-figures").eachText())
                    .isEqualTo(
                            paragraphs.subList(paragraphs.indexOf("全年主要指标完成情况如下："), paragraphs.indexOf(PARTS.get(1))));

            // A4 after GB/T 9704, the county and year at the head of every page, the page number at its foot
            CTPageSz size = docx.getDocument().getBody().getSectPr().getPgSz();
            assertThat(List.of(size.getW(), size.getH()))
                    .containsExactly(BigInteger.valueOf(11906), BigInteger.valueOf(16838));
            CTPageMar margins = docx.getDocument().getBody().getSectPr().getPgMar();
            assertThat(List.of(margins.getTop(), margins.getBottom(), margins.getLeft(), margins.getRight()))
                    .containsExactly(
                            BigInteger.valueOf(2098),
                            BigInteger.valueOf(1984),
                            BigInteger.valueOf(1587),
                            BigInteger.valueOf(1474));
            assertThat(docx.getHeaderList())
                    .extracting(XWPFHeader::getText)
                    .anyMatch(t -> t.contains("泸西县") && t.contains("2023"));
            assertThat(docx.getFooterList()).isNotEmpty();
            for (XWPFFooter footer : docx.getFooterList()) {
                assertThat(footer.getParagraphs().stream()
                                .flatMap(p -> p.getRuns().stream())
                                .flatMap(r -> r.getCTR().getInstrTextList().stream())
                                .map(CTText::getStringValue)
                                .map(String::strip))
                        .containsExactly("PAGE");
                assertThat(footer.getText()).contains("—");
            }
        }
    }

    @Test
    void thePublicDocumentCarriesNoInternalText() throws Exception {
        Long report = jdbc.sql("select id from annual_report where county_code = '532527' and year = 2023")
                .query(Long.class)
                .single();
        List<String> internal =
                jdbc.sql("""
                select review_comment from annual_report where id = :id and length(review_comment) >= 8
                union select explanation from indicator_value where report_id = :id and length(explanation) >= 8""").param("id", report).query(String.class).list();
        String text = text(download(get(LUXI)));
        internal.forEach(secret -> assertThat(text).doesNotContain(secret));
    }

    @Test
    void theDocumentIsWrittenInTheReadersLanguage() throws Exception {
        MockHttpServletResponse response = download(get(LUXI).param("lang", "en"));
        assertThat(ContentDisposition.parse(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                        .getFilename())
                .isEqualTo("532527-2023-rule-of-law-government-report.docx");
        assertThat(text(response))
                .contains("Report of the People's Government of 泸西县 on building a rule-of-law government in 2023")
                .contains("1. Main measures and results", "4. Plans for the next year");
    }

    @Test
    void aDraftIsMarkedForItsClerkAndDoesNotExistForThePublic() throws Exception {
        // 威信县's 2020 report, which no other test uses
        PortalUser clerk = TestUsers.user(accounts, "docx-clerk-530629", Role.COUNTY_STAFF, "530629");
        Viewer viewer = Viewer.of(clerk);
        reports.openDraft("530629", 2020, viewer);
        assertThat(entries.saveNarrative(
                        "530629",
                        2020,
                        version(viewer),
                        Map.of(
                                "measures",
                                "第一段措施。\r\n\r\n第二段成效。",
                                "problems",
                                "不足",
                                "nextYearPlan",
                                "计划",
                                "leadersDuty",
                                "述法"),
                        viewer))
                .isEmpty();
        assertThat(entries.saveSection(
                        "530629",
                        2020,
                        SectionForm.of("LEADERSHIP", version(viewer), Map.of("LEA_PARTY_MEETINGS", "6")),
                        viewer))
                .isEmpty();
        String url = "/counties/530629/reports/2020/document.docx";

        MockHttpServletResponse response = download(get(url).with(user(clerk)));
        assertThat(ContentDisposition.parse(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
                        .getFilename())
                .isEqualTo("530629-2020-法治政府建设年度报告-草稿.docx");
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            List<String> paragraphs =
                    docx.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertThat(paragraphs.get(0)).isEqualTo("威信县人民政府关于2020年度法治政府建设情况的报告");
            assertThat(paragraphs.get(1)).startsWith("草稿").contains("尚未审核通过");
            XWPFHeader header = docx.getHeaderFooterPolicy().getDefaultHeader();
            assertThat(header.getText()).contains("威信县", "2020", "草稿");
            // and a watermark across every page
            assertThat(header._getHdrFtr().xmlText()).contains("textpath").contains("string=\"草稿\"");
            assertThat(paragraphs)
                    .containsSubsequence(
                            PARTS.get(0),
                            "第一段措施。",
                            "第二段成效。",
                            "全年主要指标完成情况如下：",
                            "党的领导与组织保障：党委常委会专题研究法治建设次数为6次。",
                            PARTS.get(1));
            // not approved: no date under the signature
            assertThat(paragraphs).noneMatch(p -> p.matches("\\d{4}年\\d{1,2}月\\d{1,2}日"));
        }

        MockHttpServletResponse anonymous = mvc.perform(get(url)).andReturn().getResponse();
        assertThat(anonymous.getStatus()).isEqualTo(404);
        assertThat(String.valueOf(anonymous.getContentType())).doesNotContain("wordprocessingml");
        var elsewhere = TestUsers.user(accounts, "docx-clerk-530628", Role.COUNTY_STAFF, "530628");
        assertThat(mvc.perform(get(url).with(user(elsewhere)))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(404);
    }

    @Test
    void aBadYearOrCountyIsNotFound() throws Exception {
        for (String url : List.of(
                "/counties/532527/reports/abcd/document.docx",
                "/counties/532527/reports/20231/document.docx",
                "/counties/532527/reports/0000/document.docx",
                "/counties/532527/reports/-2023/document.docx",
                "/counties/532527/reports/1999/document.docx",
                "/counties/999999/reports/2023/document.docx",
                "/counties/abc/reports/2023/document.docx")) {
            assertThat(mvc.perform(get(url)).andReturn().getResponse().getStatus())
                    .as(url)
                    .isEqualTo(404);
        }
    }

    /** The report's page links to its Word file beside the print version. */
    @Test
    void theReportPageLinksToTheDocument() throws Exception {
        String page = mvc.perform(get("/counties/532527/reports/2023"))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(Jsoup.parse(page).select("#docx-link").attr("href")).endsWith(LUXI);
    }

    private int version(Viewer viewer) {
        return reports.find("530629", 2020, viewer).orElseThrow().version();
    }

    private MockHttpServletResponse download(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        return response;
    }

    private static String text(MockHttpServletResponse response) throws Exception {
        try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(response.getContentAsByteArray()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
            return extractor.getText();
        }
    }

    /** As the report shows a custom figure: thousands separated, every decimal it has. */
    private static String customFigure(BigDecimal value) {
        return new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
