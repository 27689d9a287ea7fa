package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A provincial reviewer compares 云南省's counties as issue 17 asks, with screenshots: the heat map
 * of 2020 (every county's full report, {@link YunnanComparisonData}) with its rank intervals, a
 * county's profile beside its peer group's median, and the data-quality dashboard of 贵州省 2018
 * ({@link DataQualityTestData}) as that province's reviewer sees it.
 */
@BrowserTest
class ComparisonJourneyBrowserTests {

    /** "12（3–20）", or "7" when the interval is one rank. */
    private static final Pattern INTERVAL = Pattern.compile("\\d+（\\d+–\\d+）|\\d+");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Test
    void reviewerReadsTheProvincesHeatMapWithRankIntervalsACountyBesideItsPeersAndTheDataQuality(WebDriver browser) {
        List<String> yunnan = YunnanComparisonData.load(jdbc);
        DataQualityTestData.Generated quality = DataQualityTestData.load(jdbc);
        TestUsers.user(accounts, "comparison-reviewer-yunnan", Role.REVIEWER, YunnanComparisonData.PROVINCE);
        TestUsers.user(accounts, "comparison-reviewer-guizhou", Role.REVIEWER, DataQualityTestData.PROVINCE);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        BrowserTest.Browser.logIn(browser, url(""), "comparison-reviewer-yunnan", TestUsers.PASSWORD);

        // the heat map of 云南省 2020: every county ranked, each with its rank interval and its bar
        browser.get(url("/dashboards/heatmap?year=" + YunnanComparisonData.YEAR));
        wait.until(ExpectedConditions.attributeToBe(By.id("heatmap-chart"), "data-drawn", "true"));
        assertThat(browser.findElements(By.cssSelector("#heatmap-chart canvas")))
                .isNotEmpty();
        List<WebElement> rows = browser.findElements(By.cssSelector("#table-heatmap tbody tr"));
        assertThat(rows).hasSizeGreaterThanOrEqualTo(yunnan.size() * 9 / 10);
        List<String> intervals = rows.stream()
                .map(r -> r.findElements(By.tagName("td")).get(1).getText())
                .toList();
        assertThat(intervals).allMatch(i -> INTERVAL.matcher(i).matches());
        assertThat(intervals).as("some ranks are uncertain").anyMatch(i -> i.contains("–"));
        assertThat(rows.get(0).findElements(By.tagName("td")).get(1).getAttribute("style"))
                .contains("linear-gradient");
        // the table's top, where the ranks and their intervals are
        ((JavascriptExecutor) browser)
                .executeScript(
                        "arguments[0].scrollIntoView({block: 'start'})", browser.findElement(By.id("table-heatmap")));
        BrowserTest.Browser.screenshot(browser, "comparison-heatmap-yunnan");

        // a county of a known peer group, opened from the heat map: its score beside its peers' median
        WebElement county = rows.stream()
                .filter(r -> !r.findElements(By.tagName("td")).get(4).getText().isBlank()
                        && !r.findElements(By.tagName("td")).get(4).getText().contains("不详"))
                .findFirst()
                .orElseThrow()
                .findElement(By.cssSelector("td a"));
        String name = county.getText();
        WebElement page = browser.findElement(By.tagName("html"));
        county.click();
        wait.until(ExpectedConditions.stalenessOf(page));
        assertThat(browser.findElement(By.id("county-name")).getText()).isEqualTo(name);
        assertThat(browser.findElement(By.id("peer-median"))
                        .findElement(By.tagName("strong"))
                        .getText())
                .matches("\\d\\.\\d\\d");
        assertThat(browser.findElement(By.id("rank-interval")).getText()).contains("名次区间");
        wait.until(ExpectedConditions.attributeToBe(By.id("radar-chart"), "data-drawn", "true"));
        assertThat(browser.findElement(By.id("table-sections")).getText()).contains("同类县");
        BrowserTest.Browser.screenshot(browser, "comparison-county-peers");
        BrowserTest.Browser.logOut(browser);

        // the data-quality dashboard of 贵州省 2018, as its reviewer sees it
        BrowserTest.Browser.logIn(browser, url(""), "comparison-reviewer-guizhou", TestUsers.PASSWORD);
        browser.get(url("/dashboards/quality?year=" + DataQualityTestData.YEAR));
        String high = jdbc.queryForObject("select name from region where code = ?", String.class, quality.high());
        assertThat(browser.findElement(By.id("table-flags")).getText()).contains(high, "政务服务中心进驻事项数");
        BrowserTest.Browser.screenshot(browser, "comparison-data-quality");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
