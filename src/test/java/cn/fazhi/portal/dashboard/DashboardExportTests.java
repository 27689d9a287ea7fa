package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Every table of every dashboard, downloaded as CSV (parsed with Commons CSV) and as XLSX (opened
 * with POI), holds exactly the page's table: the same headers, rows and cell texts; and the file
 * name carries the filters.
 */
@PortalTest
class DashboardExportTests extends SichuanDashboardTest {

    @Test
    void everyTableExportsAsThePageShowsIt() throws Exception {
        List<String> pages = List.of(
                "/dashboards/status?year=2024&area=510100",
                "/dashboards/ranking?year=2023&area=510000&indicator=CAP_LAWYER_COVERAGE",
                "/dashboards/ranking?year=2024&area=510000&indicator=EMG_ACCIDENTS&includeSubmitted=true",
                "/dashboards/heatmap?year=2023&area=510000",
                "/dashboards/counties/" + counties.get(0) + "?year=2023&indicator=EMG_ACCIDENTS",
                "/dashboards/compare?year=2023&area=510000&section=CAPACITY&county=" + counties.get(0) + "&county="
                        + counties.get(1) + "&county=" + counties.get(2));
        int compared = 0;
        for (String url : pages) {
            Document page = Jsoup.parse(fetch(url).getContentAsString(StandardCharsets.UTF_8));
            for (Element table : page.select("table.dashboard-table")) {
                String name = table.id().substring("table-".length());
                List<List<String>> shown = rows(table);

                MockHttpServletResponse csv = fetch(url + "&format=csv&table=" + name);
                assertThat(csv.getContentType()).startsWith("text/csv");
                assertThat(fromCsv(csv.getContentAsByteArray()))
                        .as(url + " " + name + " csv")
                        .isEqualTo(shown);

                MockHttpServletResponse xlsx = fetch(url + "&format=xlsx&table=" + name);
                assertThat(fromXlsx(xlsx.getContentAsByteArray()))
                        .as(url + " " + name + " xlsx")
                        .isEqualTo(shown);
                compared++;
            }
        }
        // the heat map has two tables: the ranked counties and those not ranked (数据不足)
        assertThat(compared).isEqualTo(2 + 2 + 2 + 2 + 3 + 1);
    }

    @Test
    void theFileNameCarriesTheFilters() throws Exception {
        String disposition = fetch("/dashboards/ranking?year=2023&area=510100&indicator=EMG_ACCIDENTS"
                        + "&includeSubmitted=true&format=xlsx&table=ranking")
                .getHeader("Content-Disposition");
        assertThat(disposition)
                .contains("attachment")
                .contains("ranking-EMG_ACCIDENTS-2023-510100-approved+submitted.xlsx");
        assertThat(fetch("/dashboards/status?year=2024&format=csv&table=counts").getHeader("Content-Disposition"))
                .contains("status-counts-2024-510000-");
    }

    private MockHttpServletResponse fetch(String url) throws Exception {
        MockHttpServletResponse response =
                mvc.perform(get(url).with(user(reviewer))).andReturn().getResponse();
        assertThat(response.getStatus()).as(url).isEqualTo(200);
        return response;
    }

    private static List<List<String>> rows(Element table) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(table.select("thead th").stream().map(Element::text).toList());
        table.select("tbody tr")
                .forEach(tr ->
                        rows.add(tr.select("td").stream().map(Element::text).toList()));
        return rows;
    }

    private static List<List<String>> fromCsv(byte[] bytes) throws Exception {
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.parse(new StringReader(text.substring(1)))) {
            rows.add(record.stream().map(String::strip).toList());
        }
        return rows;
    }

    private static List<List<String>> fromXlsx(byte[] bytes) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(formatter.formatCellValue(row.getCell(c)).strip());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
