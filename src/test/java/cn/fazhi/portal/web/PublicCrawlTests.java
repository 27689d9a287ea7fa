package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.SweepTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Internal stays internal (issue 18, point 2): a crawl of the public site as an anonymous visitor —
 * every page it links to, and every CSV, Excel and Word download — finds no review comment, no clerk's
 * explanation and no inspection text, whether the demo's own or ones planted on an approved demo
 * report for the crawl.
 */
@SweepTest
@PortalTest
class PublicCrawlTests {

    /** How many public pages and downloads the crawl reads at most (the region tree alone has thousands). */
    private static final int MAX_FETCHES = 250;
    /** The demo's counties, whose pages the crawl reads first. */
    private static final List<String> DEMO = List.of("532527", "530621", "530524", "410324", "150204");

    private static final String REVIEW = "内部审核意见：请核实数据来源XQ7";
    private static final String EXPLANATION = "内部说明：本数据尚未经统计局核对XQ8";
    private static final String REASON = "内部理由：重新打开更正执法数据XQ9";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void noPublicPageOrDownloadCarriesAnInternalText() throws Exception {
        Long report = jdbc.queryForObject(
                "select id from annual_report where county_code = '532527' and year = 2022"
                        + " and status = 'APPROVED'",
                Long.class);
        String comment =
                jdbc.queryForObject("select review_comment from annual_report where id = ?", String.class, report);
        String indicator = jdbc.queryForObject(
                "select indicator_code from indicator_value where report_id = ?"
                        + " and value is not null order by indicator_code limit 1",
                String.class,
                report);
        String explanation = jdbc.queryForObject(
                "select explanation from indicator_value where report_id = ?" + " and indicator_code = ?",
                String.class,
                report,
                indicator);
        java.util.Map<String, Object> approval =
                jdbc.queryForMap("select approved_at, approved_by from annual_report where id = ?", report);
        jdbc.update(
                "update indicator_value set explanation = ? where report_id = ? and indicator_code = ?",
                EXPLANATION,
                report,
                indicator);
        // reopened for a correction: the public reads its approved version, marked 更正中, never the reason
        jdbc.update(
                "update annual_report set review_comment = ?, correction_reason = ?, status = 'RETURNED',"
                        + " approved_at = null, approved_by = null where id = ?",
                REVIEW,
                REASON,
                report);
        try {
            List<String> read = crawl();
            assertThat(read.size()).as("pages and downloads read").isGreaterThan(40);
            assertThat(read).anyMatch(u -> u.endsWith("/counties/532527/reports/2022"));
            assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(
                                    "/counties/532527/reports/2022"))
                            .andReturn()
                            .getResponse()
                            .getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                    .contains("更正中");
            assertThat(read).anyMatch(u -> u.endsWith("report.xlsx"));
            assertThat(read).anyMatch(u -> u.contains("format=csv"));
            assertThat(read).anyMatch(u -> u.endsWith("/counties/532527/reports/2022/document.docx"));
        } finally {
            jdbc.update(
                    "update annual_report set review_comment = ?, correction_reason = null, status = 'APPROVED',"
                            + " approved_at = ?, approved_by = ? where id = ?",
                    comment,
                    approval.get("approved_at"),
                    approval.get("approved_by"),
                    report);
            jdbc.update(
                    "update indicator_value set explanation = ? where report_id = ? and indicator_code = ?",
                    explanation,
                    report,
                    indicator);
        }
    }

    /**
     * Reads the public site breadth first from the home page and the demo counties' pages, and
     * checks each page and download against every review comment, explanation, reopening reason
     * and inspection text of the database long enough not to occur by chance in a page's wording.
     */
    private List<String> crawl() throws Exception {
        Set<String> internal = new LinkedHashSet<>(jdbc.queryForList("""
                select review_comment from annual_report where length(review_comment) >= 8
                union select explanation from indicator_value where length(explanation) >= 8
                union select description from inspection_finding where length(description) >= 8
                union select rectification_reply from inspection_finding where length(rectification_reply) >= 8
                union select review_comment from inspection_finding where length(review_comment) >= 8
                union select correction_reason from annual_report where length(correction_reason) >= 8
                union select correction_reason from report_version where length(correction_reason) >= 8
                """, String.class));
        internal.addAll(List.of(REVIEW, EXPLANATION, REASON));
        Deque<String> queue = new ArrayDeque<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String county : DEMO) {
            queue.add("/counties/" + county);
            queue.add("/dashboards/counties/" + county);
        }
        queue.addAll(List.of(
                "/",
                "/catalog",
                "/regions",
                "/dashboards/ranking",
                "/dashboards/heatmap",
                "/dashboards/scoring",
                "/counties/532527/reports/2022",
                "/counties/532527/reports/2022/report.csv",
                "/counties/532527/reports/2022/report.xlsx"));
        List<String> read = new ArrayList<>();
        while (!queue.isEmpty() && read.size() < MAX_FETCHES) {
            String url = queue.poll();
            if (!seen.add(url)) {
                continue;
            }
            MockHttpServletResponse response = mvc.perform(get(url)).andReturn().getResponse();
            if (response.getStatus() != 200) {
                continue;
            }
            read.add(url);
            String type = String.valueOf(response.getContentType());
            String text;
            if (type.contains("spreadsheetml")) {
                text = cells(response.getContentAsByteArray());
            } else if (type.contains("wordprocessingml")) {
                text = words(response.getContentAsByteArray());
            } else {
                text = response.getContentAsString(StandardCharsets.UTF_8);
            }
            for (String secret : internal) {
                assertThat(text).as("%s carries an internal text", url).doesNotContain(secret);
            }
            if (type.startsWith("text/html")) {
                Document page = Jsoup.parse(text);
                List<String> links = new ArrayList<>();
                for (Element a : page.select("a[href]")) {
                    String href = a.attr("href");
                    if (href.startsWith("/")
                            && !href.startsWith("//")
                            && !href.startsWith("/login")
                            && !href.startsWith("/logout")
                            && !href.contains("lang=")) {
                        links.add(href.replace("&amp;", "&"));
                    }
                }
                // the demo's counties and the downloads first: the region tree alone has thousands of pages
                links.stream()
                        .filter(l ->
                                DEMO.stream().anyMatch(l::contains) || l.contains("format=") || l.contains("report."))
                        .forEach(queue::addFirst);
                links.forEach(queue::addLast);
            }
        }
        return read;
    }

    /** The text of a Word file: its body, tables, header and footer. */
    private static String words(byte[] docx) throws Exception {
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            return extractor.getText();
        }
    }

    /** Every cell's text of a workbook, one after the other. */
    private static String cells(byte[] xlsx) throws Exception {
        StringBuilder text = new StringBuilder();
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : book) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        text.append(cell.toString()).append('\n');
                    }
                }
            }
        }
        return text.toString();
    }
}
