package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The year's work in a real browser: the demo clerk of 泸西县 fills two sections, meets an error
 * and fixes it, explains a warning, writes the narrative and submits; the demo reviewer returns
 * the report with a comment; the clerk corrects and resubmits; the reviewer approves. A figure
 * the catalogue lacks, entered on the way as a custom figure, reaches the administrator's
 * candidates for the catalogue.
 */
@BrowserTest
class ReportJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ReportService reports;

    @Test
    void clerkSubmitsReviewerReturnsClerkResubmitsReviewerApproves(WebDriver browser) {
        int year = reports.reportingYear();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        logIn(browser, "demo-clerk");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#own-report button[type=submit]"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("继续填报"));

        // 法治能力与普法: 30 lawyer units of 24 is an error; the rate is computed as the parts are typed
        BrowserTest.Browser.clickAndWait(browser, By.partialLinkText("法治能力与普法"));
        type(browser, "v_CAP_UNITS", "24");
        type(browser, "v_CAP_LAWYER_UNITS", "17");
        wait.until(ExpectedConditions.textToBe(By.id("computed-CAP_LAWYER_COVERAGE"), "= 70.8 %"));
        type(browser, "v_CAP_LAWYER_UNITS", "30");
        save(browser);
        assertThat(browser.findElement(By.id("findings")).getText()).contains("配备公职律师单位数不能大于执法单位数");
        BrowserTest.Browser.screenshot(browser, "report-entry-error");
        // a link into this very page: it only scrolls to the field
        browser.findElement(By.linkText("配备公职律师单位数不能大于执法单位数")).click();
        type(browser, "v_CAP_LAWYER_UNITS", "17");
        save(browser);
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("草稿已保存");

        // 矛盾纠纷化解与复议应诉: more cases concluded than received is a warning that needs a reason
        BrowserTest.Browser.clickAndWait(browser, By.partialLinkText("矛盾纠纷化解与复议应诉"));
        type(browser, "v_DIS_RECON_CASES", "19");
        type(browser, "v_DIS_RECON_CONCLUDED", "21");
        save(browser);
        assertThat(browser.findElement(By.id("findings")).getText()).contains("审结数大于受理数");
        type(browser, "e_DIS_RECON_CONCLUDED", "含上年结转案件 2 件");
        save(browser);
        assertThat(browser.findElement(By.id("findings")).getText()).contains("已说明");
        // a figure the catalogue does not have goes among the section's other figures
        type(browser, "cf_new_name", "法治文艺下乡演出场次");
        type(browser, "cf_new_value", "12");
        type(browser, "cf_new_unit", "场");
        save(browser);
        assertThat(browser.findElement(By.id("custom-figures"))
                        .findElements(By.cssSelector("input[value='法治文艺下乡演出场次']")))
                .hasSize(1);
        BrowserTest.Browser.screenshot(browser, "report-entry-custom-figure");

        BrowserTest.Browser.clickAndWait(browser, By.linkText("报告正文"));
        type(browser, "measures", "（测试）全面推行行政执法三项制度。");
        type(browser, "problems", "（测试）基层执法力量不足。");
        type(browser, "nextYearPlan", "（测试）加强执法人员培训。");
        type(browser, "leadersDuty", "（测试）党政主要负责人年内述法。");
        save(browser);
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#submit-form button"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("已报送");
        logOut(browser);

        logIn(browser, "demo-reviewer");
        BrowserTest.Browser.clickAndWait(browser, By.linkText("审核"));
        BrowserTest.Browser.clickAndWait(
                browser, By.cssSelector("#queue a[href='/counties/532527/reports/" + year + "']"));
        BrowserTest.Browser.screenshot(browser, "review-page");
        type(browser, "comment", "请核对法律援助案件数。");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#return-form button"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("已退回");
        logOut(browser);

        logIn(browser, "demo-clerk");
        assertThat(browser.findElement(By.id("own-report")).getText()).contains("已退回", "请核对法律援助案件数。");
        BrowserTest.Browser.clickAndWait(browser, By.linkText("继续填报"));
        BrowserTest.Browser.clickAndWait(browser, By.partialLinkText("矛盾纠纷化解与复议应诉"));
        type(browser, "v_DIS_LEGAL_AID_CASES", "405");
        save(browser);
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#submit-form button"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("已报送");
        logOut(browser);

        logIn(browser, "demo-reviewer");
        browser.get(url("/counties/532527/reports/" + year));
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#approve-form button"));
        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("审核通过");
        logOut(browser);

        // and the public reads it, the county's own figure with the catalogue's
        browser.get(url("/counties/532527/reports/" + year));
        assertThat(browser.findElement(By.id("value-CAP_LAWYER_COVERAGE")).getText())
                .contains("70.8");
        assertThat(browser.findElement(By.id("custom-DISPUTES")).getText()).contains("法治文艺下乡演出场次", "12", "场");
        BrowserTest.Browser.screenshot(browser, "report-approved-public");

        // the administrator finds it among the candidates for the catalogue
        logIn(browser, "demo-admin");
        browser.findElement(By.id("nav-admin")).click();
        BrowserTest.Browser.clickAndWait(browser, By.linkText("指标目录管理"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("指标候选"));
        assertThat(browser.findElement(By.id("candidates")).getText()).contains("“法治文艺下乡演出场次”", "场");
        BrowserTest.Browser.screenshot(browser, "catalogue-candidates");
    }

    private void logIn(WebDriver browser, String username) {
        BrowserTest.Browser.logIn(browser, url(""), username, BrowserTest.Browser.DEMO_PASSWORD);
    }

    private static void logOut(WebDriver browser) {
        BrowserTest.Browser.logOut(browser);
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private static void save(WebDriver browser) {
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#report-form button[type=submit]"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
