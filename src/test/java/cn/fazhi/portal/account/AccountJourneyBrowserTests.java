package cn.fazhi.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The administrator creates a clerk for 鲁甸县; the clerk logs in, must choose a password, and lands in 鲁甸县. */
@BrowserTest
class AccountJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void adminCreatesAClerkWhoMustChangeThePasswordAndSeesOnlyTheirCounty(WebDriver browser) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));
        String username = "ludian-" + Long.toString(System.currentTimeMillis(), 36);

        logIn(browser, "demo-admin", "demo-pass-2026");
        browser.findElement(By.id("nav-admin")).click();
        BrowserTest.Browser.clickAndWait(browser, By.linkText("账号管理"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("新建账号"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("displayName")).sendKeys("鲁甸县司法局 王五");
        // each choice re-renders the region picker (htmx), offering only what fits the role
        new Select(browser.findElement(By.id("role"))).selectByValue("COUNTY_STAFF");
        choose(wait, "province", "530000");
        choose(wait, "prefecture", "530600");
        choose(wait, "county", "530621");
        BrowserTest.Browser.screenshot(browser, "admin-new-clerk");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#account-form button[type=submit]"));

        String temporary = wait.until(ExpectedConditions.visibilityOfElementLocated(
                        By.cssSelector("[data-testid=temporary-password]")))
                .getText();
        assertThat(temporary).hasSize(14);
        BrowserTest.Browser.screenshot(browser, "admin-temporary-password");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("form[action='/logout'] button"));

        logIn(browser, username, temporary);
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        assertThat(browser.findElement(By.cssSelector(".alert-warning")).getText())
                .contains("请先设置您自己的新密码");
        // a page the clerk tries first sends them back
        browser.get("http://localhost:" + port + "/counties/530621");
        assertThat(browser.getCurrentUrl()).endsWith("/account/password");
        browser.findElement(By.id("currentPassword")).sendKeys(temporary);
        browser.findElement(By.id("newPassword")).sendKeys("Lantern-river-quietly-47");
        browser.findElement(By.id("confirmPassword")).sendKeys("Lantern-river-quietly-47");
        BrowserTest.Browser.screenshot(browser, "clerk-password-change");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#password-form button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector("[data-testid=flash]")).getText())
                .contains("密码已修改");
        WebElement own = browser.findElement(By.cssSelector("[data-testid=own-county]"));
        assertThat(own.getText()).contains("鲁甸县").doesNotContain("泸西县");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("[data-testid=own-county]"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("鲁甸县");
        // the county's own submitted report, which the public does not see
        assertThat(browser.findElement(By.id("reports")).getText()).contains("2023 年度", "已报送");
        BrowserTest.Browser.screenshot(browser, "clerk-own-county");

        // another county shows only what is public, and no way to report for it
        browser.get("http://localhost:" + port + "/counties/530621/reports/2023");
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("鲁甸县 2023");
        browser.get("http://localhost:" + port + "/counties/532527");
        assertThat(browser.findElements(By.cssSelector("form[action='/reports']")))
                .isEmpty();
    }

    private void logIn(WebDriver browser, String username, String password) {
        BrowserTest.Browser.logIn(browser, "http://localhost:" + port, username, password);
    }

    /** Picks an option once htmx has put it in the select, and waits for the re-rendered picker. */
    private static void choose(WebDriverWait wait, String selectId, String value) {
        By option = By.cssSelector("#" + selectId + " option[value='" + value + "']");
        wait.until(ExpectedConditions.presenceOfElementLocated(option));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(driver -> {
            new Select(driver.findElement(By.id(selectId))).selectByValue(value);
            return true;
        });
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(driver -> value.equals(new Select(driver.findElement(By.id(selectId)))
                                .getFirstSelectedOption()
                                .getAttribute("value"))
                        && driver.findElements(By.cssSelector(".htmx-request")).isEmpty());
    }
}
