package cn.fazhi.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core (the accessibility engine, from its webjar on the test class path) run in the page the
 * browser shows, and the other page checks the accessibility tests make.
 */
final class Axe {

    private static final String SOURCE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String ENGINE = load();

    /** Each violation of impact serious or critical as "rule [impact] help: first targets". */
    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, { resultTypes: ['violations'] }).then(function (result) {
              done(result.violations
                .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                .map(function (v) {
                  return v.id + ' [' + v.impact + '] ' + v.help + ': '
                    + v.nodes.slice(0, 3).map(function (n) { return n.target.join(' '); }).join(' | ');
                }));
            }, function (error) { done(['axe failed: ' + error]); });
            """;

    /** What sticks out of the window on the right, when the page is wider than the window. */
    private static final String OVERFLOW = """
            var width = document.documentElement.clientWidth;
            if (document.documentElement.scrollWidth <= width + 1) { return null; }
            var wide = Array.prototype.filter.call(document.querySelectorAll('body *'), function (e) {
              return e.getBoundingClientRect().right > width + 1 && e.offsetParent !== null;
            }).slice(0, 3).map(function (e) {
              return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && e.className.baseVal === undefined
                ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '');
            });
            return 'page ' + document.documentElement.scrollWidth + ' px wide in a ' + width
              + ' px window: ' + wide.join(', ');
            """;

    private Axe() {}

    static List<String> seriousViolations(WebDriver browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // scripts run through the driver are not the page's, so the CSP does not stop them
        js.executeScript(ENGINE);
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) js.executeAsyncScript(RUN);
        return found;
    }

    static Optional<String> overflow(WebDriver browser) {
        return Optional.ofNullable((String) ((JavascriptExecutor) browser).executeScript(OVERFLOW));
    }

    /** Charts draw after the page loaded; the checks wait for them. */
    static void waitForCharts(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> b.findElements(By.cssSelector("[data-chart]:not([data-drawn=true])"))
                        .isEmpty());
    }

    /** Presses the elderly-friendly display switch of the page until it shows the wanted state. */
    static void switchDisplay(WebDriver browser, boolean elderly) {
        var button = browser.findElement(By.id("display-mode"));
        if (!String.valueOf(elderly).equals(button.getDomAttribute("aria-pressed"))) {
            button.click();
        }
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(b -> String.valueOf(elderly)
                        .equals(b.findElement(By.id("display-mode")).getDomAttribute("aria-pressed")));
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + SOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
