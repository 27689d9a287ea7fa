package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.ReportService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A clerk who works by keyboard alone: the skip link comes first and leads to the content, the
 * login needs no mouse, every stop of the report form shows where the focus is, and the
 * elderly-friendly switch changes the page without losing what was typed.
 */
@BrowserTest
class KeyboardBrowserTests {

    /** What shows the focus: an outline or Bootstrap's focus ring (a box shadow). */
    private static final String FOCUS_SHOWN = """
            var e = document.activeElement, s = getComputedStyle(e);
            if (e === document.body) { return 'END'; }
            var outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
            var ring = s.boxShadow && s.boxShadow !== 'none';
            return (outline || ring) ? null : (e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.name || e.textContent.trim().slice(0, 30)));
            """;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Test
    void aClerkLogsInFillsTheFormAndSwitchesTheDisplayByKeyboardAlone(WebDriver browser) {
        var clerk = TestUsers.user(accounts, "keyboard-clerk", Role.COUNTY_STAFF, "532527");
        reports.openDraft("532527", AccessibilityBrowserTests.FORM_YEAR, clerk.toViewer());
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        // the first Tab of a page reaches the skip link, shown while it has the focus; Enter moves to the content
        browser.get(url("/"));
        tab(browser);
        WebElement skip = browser.switchTo().activeElement();
        assertThat(skip.getDomAttribute("href")).isEqualTo("#main");
        assertThat(skip.getRect().getWidth()).isGreaterThan(20);
        assertThat(skip.isDisplayed()).isTrue();
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(b -> "main".equals(b.switchTo().activeElement().getDomAttribute("id")));

        // the login page starts in the username; Tab to the password, Enter logs in
        browser.get(url("/login"));
        assertThat(browser.switchTo().activeElement().getDomAttribute("id")).isEqualTo("username");
        WebElement page = browser.findElement(By.tagName("html"));
        new Actions(browser)
                .sendKeys("keyboard-clerk")
                .sendKeys(Keys.TAB)
                .sendKeys(TestUsers.PASSWORD)
                .sendKeys(Keys.ENTER)
                .perform();
        wait.until(ExpectedConditions.stalenessOf(page));
        assertThat(browser.findElement(By.cssSelector("[data-testid=current-user]"))
                        .getText())
                .contains("keyboard-clerk");

        // every stop of the report form, from the top to where the focus leaves the page, shows the focus
        browser.get(url("/counties/532527/reports/" + AccessibilityBrowserTests.FORM_YEAR + "/edit"));
        List<String> unseen = new ArrayList<>();
        int stops = 0;
        for (String hidden = null; stops < 300 && !"END".equals(hidden); stops++) {
            tab(browser);
            hidden = (String) ((JavascriptExecutor) browser).executeScript(FOCUS_SHOWN);
            if (hidden != null && !"END".equals(hidden)) {
                unseen.add(hidden);
            }
        }
        assertThat(stops).as("tab stops of the form").isBetween(30, 299);
        assertThat(unseen).as("focused without a visible focus").isEmpty();

        // a figure typed, then the display switched from the keyboard: the page changes, the figure stays
        WebElement first = browser.findElement(By.cssSelector("input[name^='values[']"));
        first.sendKeys("12");
        browser.findElement(By.id("display-mode")).sendKeys(Keys.ENTER);
        wait.until(b -> b.findElement(By.tagName("html")).getDomAttribute("class") != null
                && b.findElement(By.tagName("html")).getDomAttribute("class").contains("elderly"));
        assertThat(browser.findElement(By.cssSelector("input[name^='values[']")).getDomProperty("value"))
                .isEqualTo("12");
        assertThat(browser.findElement(By.id("display-mode")).getDomAttribute("aria-pressed"))
                .isEqualTo("true");
        BrowserTest.Browser.screenshot(browser, "keyboard-elderly-form");

        // and the next page keeps the choice
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class"))
                .contains("elderly");
        Axe.switchDisplay(browser, false);
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("class"))
                .isNullOrEmpty();
    }

    private static void tab(WebDriver browser) {
        new Actions(browser).sendKeys(Keys.TAB).perform();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
