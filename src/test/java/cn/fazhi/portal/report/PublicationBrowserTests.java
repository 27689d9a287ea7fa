package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 18 in a real browser: the clerk of 泽库县 (632323) records on the report's page that the
 * approved 2020 report was published on the county's website (a javascript: address first, which
 * is refused and shown back); the public finds the county on the year's publication list, on time.
 * Screenshots of each step.
 */
@BrowserTest
class PublicationBrowserTests {

    private static final String COUNTY = "632323";

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Autowired
    ReportWorkflow workflow;

    @Autowired
    AccountService accounts;

    @Autowired
    TestClock clock;

    @Test
    void theClerkRecordsThePublicationAndThePublicSeesItOnTheYearsList(WebDriver browser) {
        PublicationTestData data = new PublicationTestData(reports, entries, workflow, accounts, clock);
        data.approvedAt(COUNTY, PublicationTestData.YEAR, Instant.parse("2021-03-10T02:00:00Z"));
        String clerk = data.clerkOf(COUNTY).getUsername();

        BrowserTest.Browser.logIn(browser, url(""), clerk, TestUsers.PASSWORD);
        browser.get(url("/counties/" + COUNTY + "/reports/2020"));
        assertThat(browser.findElement(By.cssSelector("#publication .publication-state"))
                        .getText())
                .isEqualTo("逾期未发布");
        browser.findElement(By.id("where-website")).click();
        type(browser, "publication-date", "2021-03-30");
        type(browser, "publication-url", "javascript:alert(1)");
        BrowserTest.Browser.clickAndWait(browser, By.id("publication-save"));
        assertThat(browser.findElement(By.id("publication-url-error")).getText())
                .contains("http:// 或 https://");
        assertThat(browser.findElement(By.id("publication-url")).getAttribute("value"))
                .isEqualTo("javascript:alert(1)");
        showPublication(browser);
        BrowserTest.Browser.screenshot(browser, "publication-refused");

        type(browser, "publication-url", "https://www.zeku.gov.cn/zwgk/fzzfjs/2021/fzbg2020.html");
        BrowserTest.Browser.clickAndWait(browser, By.id("publication-save"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("公开情况已记录");
        assertThat(browser.findElement(By.cssSelector("#publication .publication-state"))
                        .getText())
                .isEqualTo("按时发布");
        assertThat(browser.findElement(By.id("publication-record")).getText()).contains("2021-03-30");
        showPublication(browser);
        BrowserTest.Browser.screenshot(browser, "publication-recorded");
        BrowserTest.Browser.logOut(browser);

        // the public: from the home page to the year's list, 青海省, 黄南藏族自治州
        browser.get(url("/"));
        BrowserTest.Browser.clickAndWait(browser, By.id("publications-link"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("2020"));
        new Select(browser.findElement(By.id("area"))).selectByValue("630000");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#publication-filters button[type=submit]"));
        new Select(browser.findElement(By.id("area"))).selectByValue("632300");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#publication-filters button[type=submit]"));
        WebElement row = browser.findElement(By.cssSelector("#publication-list tr[data-county='" + COUNTY + "']"));
        assertThat(row.getText()).contains("泽库县", "按时发布", "2021-03-30", "县政府网站");
        assertThat(row.findElement(By.linkText("县政府网站")).getAttribute("href"))
                .isEqualTo("https://www.zeku.gov.cn/zwgk/fzzfjs/2021/fzbg2020.html");
        BrowserTest.Browser.screenshot(browser, "publication-year-list");

        // and finds the county by name from the home page
        browser.get(url("/"));
        type(browser, "q", "泽库");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#county-search button[type=submit]"));
        assertThat(browser.findElement(By.id("search-results")).getText()).contains("泽库县", "黄南藏族自治州");
        BrowserTest.Browser.screenshot(browser, "publication-home-search");
    }

    private static void showPublication(WebDriver browser) {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('publication').scrollIntoView({block: 'start'});");
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
