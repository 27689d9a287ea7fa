package cn.fazhi.portal.inspection;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.config.ReportingCalendar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An inspection in a real browser: the demo reviewer records an inspection of 泸西县 with two
 * findings; the demo clerk sees them on the home page, replies to one with a PDF; the reviewer
 * accepts it; when the other's deadline has passed (the test clock moves two days on), it shows as
 * overdue to both. The county's report is not touched.
 */
@BrowserTest
class InspectionJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    ReportingCalendar calendar;

    @Autowired
    TestClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void reviewerRecordsClerkRepliesWithAPdfReviewerAcceptsTheOtherFindingFallsOverdue(WebDriver browser)
            throws IOException {
        LocalDate today = calendar.today();
        String first = "（测试）行政复议决定履行情况未按时报告";
        String second = "（测试）重大行政决策事项目录未向社会公开";

        logIn(browser, "demo-reviewer");
        BrowserTest.Browser.clickAndWait(browser, By.linkText("督察整改"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("督察"));
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("[data-testid=new-inspection]"));
        new Select(browser.findElement(By.id("county"))).selectByValue("532527");
        new Select(browser.findElement(By.id("kind"))).selectByVisibleText("专项督察");
        setDate(browser, "startedOn", today.minusDays(3));
        setDate(browser, "endedOn", today.minusDays(2));
        type(browser, "inspectingBody", "红河州委全面依法治州委员会办公室");
        type(browser, "inspectors", "张三、李四");
        type(browser, "summary", "（测试）对泸西县行政复议和重大行政决策工作开展专项督察。");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#inspection-form button[type=submit]"));
        assertThat(flash(browser)).contains("督察已记录");

        addFinding(browser, first, "较重", today.plusDays(30), null);
        addFinding(browser, second, "严重", today.plusDays(1), "DECISIONS");
        assertThat(browser.findElement(By.id("findings")).getText()).contains(first, second, "还剩 30 天", "还剩 1 天");
        BrowserTest.Browser.screenshot(browser, "inspection-recorded");
        logOut(browser);

        logIn(browser, "demo-clerk");
        WebElement open = browser.findElement(By.id("open-findings"));
        assertThat(open.getText()).contains(first, second, "还剩 30 天", "还剩 1 天");
        BrowserTest.Browser.screenshot(browser, "inspection-clerk-home");
        BrowserTest.Browser.clickAndWait(browser, By.linkText(first));
        Path pdf = Files.createTempFile("整改报告", ".pdf");
        try {
            Files.write(pdf, EvidenceFiles.pdf());
            browser.findElement(By.id("file")).sendKeys(pdf.toAbsolutePath().toString());
            BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#evidence-form button[type=submit]"));
        } finally {
            Files.deleteIfExists(pdf);
        }
        assertThat(flash(browser)).contains("佐证材料已上传");
        assertThat(browser.findElement(By.id("evidence")).getText()).contains(".pdf", "PDF");
        type(browser, "reply", "（测试）已督促复议机关书面报告履行情况，建立履行情况台账。");
        setDate(browser, "rectifiedOn", today);
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#reply-form button[type=submit]"));
        assertThat(flash(browser)).contains("整改情况已提交");
        String findingPage = browser.getCurrentUrl();
        logOut(browser);

        logIn(browser, "demo-reviewer");
        browser.get(findingPage);
        assertThat(browser.findElement(By.id("reply")).getText()).contains("建立履行情况台账");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#accept-form button[type=submit]"));
        assertThat(flash(browser)).contains("已验收销号");
        assertThat(browser.findElement(By.cssSelector("[data-testid=finding-status]"))
                        .getText())
                .isEqualTo("已销号");

        // two days on, the second finding's deadline (tomorrow) has passed without acceptance
        clock.advance(Duration.ofDays(2));
        browser.get(url("/findings?county=532527&overdue=true"));
        String overdue = browser.findElement(By.id("finding-list")).getText();
        assertThat(overdue).contains(second, "已逾期 1 天").doesNotContain(first);
        BrowserTest.Browser.screenshot(browser, "inspection-overdue-list");
        logOut(browser);

        logIn(browser, "demo-clerk");
        assertThat(browser.findElement(By.id("open-findings")).getText())
                .contains(second, "已逾期 1 天", "逾期")
                .doesNotContain(first);
        BrowserTest.Browser.screenshot(browser, "inspection-clerk-overdue");
    }

    private void addFinding(
            WebDriver browser, String description, String severity, LocalDate deadline, String section) {
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("[data-testid=add-finding]"));
        type(browser, "description", description);
        new Select(browser.findElement(By.id("severity"))).selectByVisibleText(severity);
        setDate(browser, "deadline", deadline);
        if (section != null) {
            new Select(browser.findElement(By.id("section"))).selectByValue(section);
        }
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#finding-form button[type=submit]"));
        assertThat(flash(browser)).contains("问题已添加");
    }

    private void logIn(WebDriver browser, String username) {
        BrowserTest.Browser.logIn(browser, url(""), username, BrowserTest.Browser.DEMO_PASSWORD);
    }

    private static void logOut(WebDriver browser) {
        BrowserTest.Browser.logOut(browser);
    }

    private static String flash(WebDriver browser) {
        return browser.findElement(By.cssSelector("[data-testid=flash]")).getText();
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** A date field's value as the date picker would set it (typing into one depends on the browser's locale). */
    private static void setDate(WebDriver browser, String id, LocalDate date) {
        ((JavascriptExecutor) browser)
                .executeScript("arguments[0].value = arguments[1];", browser.findElement(By.id(id)), date.toString());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
