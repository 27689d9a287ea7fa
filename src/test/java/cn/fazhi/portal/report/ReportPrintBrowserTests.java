package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.BrowserTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public opens 泸西县's 2023 report and its print version, and the print version as the
 * printer renders it (print media): the county and year at the head, the appendix on a page of its
 * own, nothing of the portal. Screenshots of both.
 */
@BrowserTest
class ReportPrintBrowserTests {

    @LocalServerPort
    int port;

    @Test
    void thePublicPrintsTheCountysReport(WebDriver browser) {
        browser.get("http://localhost:" + port + "/counties/532527/reports/2023");
        BrowserTest.Browser.clickAndWait(browser, By.id("print-link"));
        assertThat(browser.findElement(By.id("document-title")).getText()).isEqualTo("泸西县人民政府关于2023年度法治政府建设情况的报告");
        assertThat(style(browser, ".running-head", "display")).as("on screen").isEqualTo("none");
        BrowserTest.Browser.screenshot(browser, "report-print-screen");

        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertThat(style(browser, ".running-head", "display"))
                    .as("in print")
                    .isEqualTo("block");
            assertThat(style(browser, ".appendix", "break-before")).isEqualTo("page");
            BrowserTest.Browser.screenshot(browser, "report-print-media");
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static String style(WebDriver browser, String selector, String property) {
        return (String) ((JavascriptExecutor) browser)
                .executeScript(
                        "return getComputedStyle(document.querySelector(arguments[0])).getPropertyValue(arguments[1]);",
                        selector,
                        property);
    }
}
