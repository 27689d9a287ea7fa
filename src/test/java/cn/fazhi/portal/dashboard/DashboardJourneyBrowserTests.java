package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The demo reviewer of 云南省 follows the province: the status board, the heat map of 2023, a
 * click into 泸西县, the trend of 生产安全事故起数 (12 in 2022, 7 in 2023), and the ranking of
 * that indicator downloaded as an Excel file.
 */
@BrowserTest
class DashboardJourneyBrowserTests {

    @LocalServerPort
    int port;

    @TempDir
    Path downloads;

    @Test
    void reviewerFollowsTheProvinceFromStatusBoardToACountysTrendAndDownloadsTheRanking(WebDriver browser)
            throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        BrowserTest.Browser.logIn(browser, url(""), "demo-reviewer", BrowserTest.Browser.DEMO_PASSWORD);

        // the status board of the reviewer's province
        BrowserTest.Browser.clickAndWait(browser, By.id("nav-dashboards"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("报送进度");
        assertThat(browser.findElement(By.id("table-counties")).getText()).contains("泸西县", "鲁甸县");
        assertThat(browser.findElement(By.id("table-counts")).getText()).contains("红河哈尼族彝族自治州", "合计");
        BrowserTest.Browser.screenshot(browser, "dashboard-status");

        // the heat map of 2023, drawn by ECharts beside its table
        BrowserTest.Browser.clickAndWait(browser, By.linkText("热力图"));
        new Select(browser.findElement(By.id("year"))).selectByValue("2023");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#filters button[type=submit]"));
        wait.until(ExpectedConditions.attributeToBe(By.id("heatmap-chart"), "data-drawn", "true"));
        assertThat(browser.findElements(By.cssSelector("#heatmap-chart canvas")))
                .isNotEmpty();
        BrowserTest.Browser.screenshot(browser, "dashboard-heatmap");

        // into 泸西县, and the trend of 生产安全事故起数
        BrowserTest.Browser.clickAndWait(
                browser,
                By.cssSelector(
                        "#table-heatmap a[href*='/dashboards/counties/532527'], #table-insufficient a[href*='/dashboards/counties/532527']"));
        assertThat(browser.findElement(By.id("county-name")).getText()).isEqualTo("泸西县");
        new Select(browser.findElement(By.id("indicator"))).selectByValue("EMG_ACCIDENTS");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#filters button[type=submit]"));
        wait.until(ExpectedConditions.attributeToBe(By.id("trend-chart"), "data-drawn", "true"));
        assertThat(trendValue(browser, "2022")).isEqualTo("12");
        assertThat(trendValue(browser, "2023")).isEqualTo("7");
        assertThat(trendValue(browser, "2021")).isEqualTo("—");
        BrowserTest.Browser.screenshot(browser, "dashboard-county-trend");

        // the ranking of that indicator in 2023, downloaded as an Excel file
        ((ChromeDriver) browser)
                .executeCdpCommand(
                        "Page.setDownloadBehavior",
                        Map.of(
                                "behavior",
                                "allow",
                                "downloadPath",
                                downloads.toAbsolutePath().toString()));
        browser.get(url("/dashboards/ranking?year=2023&indicator=EMG_ACCIDENTS"));
        assertThat(browser.findElement(By.id("table-ranking")).getText()).contains("泸西县");
        wait.until(ExpectedConditions.attributeToBe(By.id("ranking-chart"), "data-drawn", "true"));
        BrowserTest.Browser.screenshot(browser, "dashboard-ranking");
        browser.findElement(By.id("export-ranking-xlsx")).click();
        Path file = downloads.resolve("ranking-EMG_ACCIDENTS-2023-530000-approved.xlsx");
        try {
            wait.until(d -> Files.exists(file) && !partial());
        } catch (org.openqa.selenium.TimeoutException e) {
            BrowserTest.Browser.screenshot(browser, "dashboard-download-failed");
            try (Stream<Path> files = Files.list(downloads)) {
                throw new AssertionError(
                        "no " + file.getFileName() + " in " + files.toList() + " at " + browser.getCurrentUrl(), e);
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter();
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(1))).isEqualTo("县（市、区）");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if ("泸西县".equals(formatter.formatCellValue(sheet.getRow(r).getCell(1)))) {
                    assertThat(formatter.formatCellValue(sheet.getRow(r).getCell(3)))
                            .isEqualTo("7");
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    private static String trendValue(WebDriver browser, String year) {
        List<WebElement> rows = browser.findElements(By.cssSelector("#table-trend tbody tr"));
        return rows.stream()
                .map(r -> r.findElements(By.tagName("td")))
                .filter(cells -> cells.get(0).getText().equals(year))
                .findFirst()
                .orElseThrow()
                .get(1)
                .getText();
    }

    private boolean partial() {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.anyMatch(f -> f.toString().endsWith(".crdownload"));
        } catch (java.io.IOException e) {
            return true;
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
