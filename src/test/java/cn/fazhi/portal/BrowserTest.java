package cn.fazhi.portal;

import java.io.File;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.opentest4j.TestAbortedException;

/**
 * A journey in Debian's Chromium driven through its chromedriver. Nothing is downloaded: when
 * either is missing the test is skipped with how to install them, unless the system property
 * {@code browser.tests.required} is true (as in CI), which makes their absence a failure.
 *
 * <p>Tagged {@code browser}: Failsafe runs them in {@code ./mvnw verify}, {@code ./mvnw test} leaves them
 * out (see the test groups in pom.xml).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@PortalTest
@Tag("browser")
@ExtendWith(BrowserTest.Browser.class)
public @interface BrowserTest {

    final class Browser implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

        /** Debian's names first; Google Chrome where a runner ships it instead (GitHub's Ubuntu images). */
        private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");

        private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(Browser.class);

        @Override
        public void beforeEach(ExtensionContext context) {
            // a runner that names its Chrome driver (CHROMEWEBDRIVER) means its Google Chrome
            List<String> browsers = System.getenv("CHROMEWEBDRIVER") == null ? BROWSERS : List.of("google-chrome");
            Optional<String> chromium = browsers.stream()
                    .map(Browser::onPath)
                    .flatMap(Optional::stream)
                    .findFirst();
            Optional<String> driver = Optional.ofNullable(System.getenv("CHROMEWEBDRIVER"))
                    .map(dir -> Path.of(dir, "chromedriver").toString())
                    .filter(p -> Files.isExecutable(Path.of(p)))
                    .or(() -> onPath("chromedriver"));
            if (chromium.isEmpty() || driver.isEmpty()) {
                String message = "Browser tests need Debian's Chromium and its driver: "
                        + "sudo apt-get install chromium chromium-driver fonts-noto-cjk";
                if (Boolean.getBoolean("browser.tests.required")) {
                    throw new IllegalStateException(message + " (browser.tests.required=true)");
                }
                throw new TestAbortedException(message);
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.get());
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1366,768",
                    "--lang=zh-CN",
                    // Bootstrap scrolls smoothly unless motion is reduced; clicks must not land mid-scroll
                    "--force-prefers-reduced-motion");
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(driver.get()).toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            context.getStore(NS).put("driver", browser);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            WebDriver browser = context.getStore(NS).remove("driver", WebDriver.class);
            if (browser != null) {
                browser.quit();
            }
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == WebDriver.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getStore(NS).get("driver", WebDriver.class);
        }

        /**
         * Clicks what leads to another page and waits until that page replaced this one, so that
         * the next look at the page never sees the old one.
         */
        public static void clickAndWait(WebDriver browser, org.openqa.selenium.By target) {
            org.openqa.selenium.WebElement element = browser.findElement(target);
            org.openqa.selenium.WebElement page = browser.findElement(org.openqa.selenium.By.tagName("html"));
            element.click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
        }

        /** The password of the demo accounts. */
        public static final String DEMO_PASSWORD = "demo-pass-2026";

        /** Logs in through the login page of the portal at {@code baseUrl} (http://localhost:port). */
        public static void logIn(WebDriver browser, String baseUrl, String username, String password) {
            browser.get(baseUrl + "/login");
            browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
            browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
            clickAndWait(browser, org.openqa.selenium.By.cssSelector("#login-form button[type=submit]"));
        }

        public static void logOut(WebDriver browser) {
            clickAndWait(browser, org.openqa.selenium.By.cssSelector("form[action='/logout'] button"));
        }

        /** Saves what the browser shows to target/screenshots/NAME.png. */
        public static void screenshot(WebDriver browser, String name) {
            try {
                Path dir = Files.createDirectories(Path.of("target", "screenshots"));
                Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new IllegalStateException("Could not save screenshot " + name, e);
            }
        }

        private static Optional<String> onPath(String program) {
            String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
            return Arrays.stream(path.split(File.pathSeparator))
                    .map(dir -> Path.of(dir, program))
                    .filter(Files::isExecutable)
                    .map(Path::toString)
                    .findFirst();
        }
    }
}
