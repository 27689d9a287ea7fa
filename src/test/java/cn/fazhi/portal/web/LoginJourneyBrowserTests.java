package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The demo reviewer logs in through the real login page and finds 泸西县. */
@BrowserTest
class LoginJourneyBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void theDemoReviewerLogsInAndFindsLuxi(WebDriver browser) {
        browser.get(url("/login"));
        assertThat(browser.getTitle()).isEqualTo("登录");
        BrowserTest.Browser.screenshot(browser, "login");

        browser.findElement(By.id("username")).sendKeys("demo-reviewer");
        browser.findElement(By.id("password")).sendKeys("demo-pass-2026");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#login-form button[type=submit]"));

        assertThat(browser.findElement(By.cssSelector("[data-testid=current-user]"))
                        .getText())
                .isEqualTo("云南省依法治省办（演示）");

        BrowserTest.Browser.clickAndWait(browser, By.linkText("行政区划"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("云南省"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("红河哈尼族彝族自治州"));
        BrowserTest.Browser.clickAndWait(browser, By.linkText("泸西县"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("泸西县");
        BrowserTest.Browser.screenshot(browser, "county-luxi");

        BrowserTest.Browser.clickAndWait(browser, By.linkText("2023 年度"));
        assertThat(browser.findElement(By.cssSelector("#value-CAP_LAWYER_COVERAGE [data-testid=value]"))
                        .getText())
                .contains("70.8");
        BrowserTest.Browser.screenshot(browser, "report-luxi-2023");
    }

    @Test
    void aWrongPasswordIsToldPlainly(WebDriver browser) {
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("demo-reviewer");
        browser.findElement(By.id("password")).sendKeys("not-the-password");
        BrowserTest.Browser.clickAndWait(browser, By.cssSelector("#login-form button[type=submit]"));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("用户名或密码错误");
        assertThat(browser.findElement(By.id("username")).getAttribute("aria-describedby"))
                .isEqualTo("login-error");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
