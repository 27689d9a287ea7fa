package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.ReportService;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every main page of every role, in four looks: Chinese at 1366×768, English, the elderly-friendly
 * display, and a 390 px phone. axe-core checks the first three (no serious or critical violation);
 * the page must never be wider than the window (wide tables scroll inside their box); each look
 * leaves a screenshot in target/screenshots/a11y-ROLE-LOOK-PAGE.png.
 *
 * <p>The logins are this test's own (a second clerk of 泸西县, a reviewer of 云南省, an
 * administrator), so that their display choice never reaches another test's demo accounts; the
 * clerk's form is of 泸西县 2021, a year no other test opens.
 */
@BrowserTest
class AccessibilityBrowserTests {

    static final int FORM_YEAR = 2021;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @BeforeEach
    void logins() {
        var clerk = TestUsers.user(accounts, "a11y-clerk", Role.COUNTY_STAFF, "532527");
        TestUsers.user(accounts, "a11y-reviewer", Role.REVIEWER, "530000");
        TestUsers.user(accounts, "a11y-admin", Role.ADMIN, null);
        reports.openDraft("532527", FORM_YEAR, clerk.toViewer());
    }

    /** A page to check: its name in the screenshots, and how to find its path once logged in. */
    record Page(String name, Function<WebDriver, String> path) {

        static Page of(String name, String path) {
            return new Page(name, browser -> path);
        }
    }

    @Test
    void publicPages(WebDriver browser) {
        List<Page> pages = List.of(
                Page.of("home", "/"),
                Page.of("login", "/login"),
                Page.of("regions", "/regions"),
                Page.of("region", "/regions/532500"),
                Page.of("catalog", "/catalog"),
                Page.of("county", "/counties/532527"),
                Page.of("report", "/counties/532527/reports/2023"),
                Page.of("ranking", "/dashboards/ranking?year=2023&area=532500&indicator=EMG_ACCIDENTS"),
                Page.of("heatmap", "/dashboards/heatmap?year=2023&area=532500"),
                Page.of("profile", "/dashboards/counties/532527?indicator=EMG_ACCIDENTS"),
                Page.of("scoring", "/dashboards/scoring"),
                // issue 18: the public list of a year's publications
                Page.of("publications", "/publications/2023?area=532500"),
                Page.of("not-found", "/counties/999999"));
        assertAccessible(browser, "public", null, pages);
    }

    @Test
    void clerkPages(WebDriver browser) {
        List<Page> pages = List.of(
                Page.of("home", "/"),
                Page.of("county", "/counties/532527"),
                Page.of("form", "/counties/532527/reports/" + FORM_YEAR + "/edit"),
                Page.of("form-narrative", "/counties/532527/reports/" + FORM_YEAR + "/edit?section=NARRATIVE"),
                Page.of("report", "/counties/532527/reports/2023"),
                Page.of("history", "/counties/532527/reports/2023/history?indicator=EMG_ACCIDENTS"),
                Page.of("findings", "/findings"),
                new Page("finding", firstLink("/findings", "#finding-list a[href^='/findings/']")),
                Page.of("account", "/account"),
                Page.of("password", "/account/password"));
        assertAccessible(browser, "clerk", "a11y-clerk", pages);
    }

    @Test
    void reviewerPages(WebDriver browser) {
        List<Page> pages = List.of(
                Page.of("home", "/"),
                Page.of("status", "/dashboards/status"),
                Page.of("ranking", "/dashboards/ranking?year=2023&area=532500&indicator=EMG_ACCIDENTS"),
                Page.of("heatmap", "/dashboards/heatmap?year=2023&area=532500"),
                Page.of("profile", "/dashboards/counties/532527?indicator=EMG_ACCIDENTS"),
                Page.of("compare", "/dashboards/compare?year=2023&county=532527&county=530621&county=530524"),
                Page.of("review-queue", "/review"),
                Page.of("review", "/counties/530621/reports/2023"),
                Page.of("approved", "/counties/532527/reports/2023"),
                Page.of("inspections", "/inspections"),
                new Page("inspection", firstLink("/inspections", "#inspections a[href^='/inspections/']")),
                Page.of("inspection-form", "/inspections/new?county=532527"),
                Page.of("findings", "/findings"),
                new Page("finding", firstLink("/findings", "#finding-list a[href^='/findings/']")));
        assertAccessible(browser, "reviewer", "a11y-reviewer", pages);
    }

    @Test
    void administratorPages(WebDriver browser) {
        List<Page> pages = List.of(
                Page.of("home", "/"),
                Page.of("accounts", "/admin/accounts"),
                Page.of("account-new", "/admin/accounts/new"),
                new Page("account", firstLink("/admin/accounts", "#accounts a[href^='/admin/accounts/']")),
                Page.of("catalog", "/admin/catalog"),
                Page.of("indicator", "/admin/catalog/indicators/EMG_ACCIDENTS"),
                Page.of("indicator-new", "/admin/catalog/indicators/new"),
                Page.of("targets", "/admin/catalog/targets"),
                Page.of("rules", "/admin/catalog/rules"),
                Page.of("rule-new", "/admin/catalog/rules/new"),
                Page.of("candidates", "/admin/candidates"),
                Page.of("deadlines", "/admin/deadlines"),
                Page.of("audit", "/admin/audit"));
        assertAccessible(browser, "admin", "a11y-admin", pages);
    }

    /** The four looks of every page, and whatever any of them found, all at once. */
    private void assertAccessible(WebDriver browser, String role, String username, List<Page> pages) {
        if (username != null) {
            BrowserTest.Browser.logIn(browser, url(""), username, TestUsers.PASSWORD);
        }
        List<String> problems = new ArrayList<>();
        List<String> paths = pages.stream().map(p -> p.path().apply(browser)).toList();

        look(browser, role, "zh", pages, paths, true, problems);

        browser.manage().window().setSize(new Dimension(390, 844));
        look(browser, role, "phone", pages, paths, false, problems);
        browser.manage().window().setSize(new Dimension(1366, 768));

        browser.get(url("/"));
        Axe.switchDisplay(browser, true);
        look(browser, role, "elderly", pages, paths, true, problems);
        Axe.switchDisplay(browser, false);

        browser.get(url("/?lang=en"));
        look(browser, role, "en", pages, paths, true, problems);
        browser.get(url("/?lang=zh_CN"));

        assertThat(problems)
                .as("accessibility and layout problems of the %s pages", role)
                .isEmpty();
    }

    private void look(
            WebDriver browser,
            String role,
            String look,
            List<Page> pages,
            List<String> paths,
            boolean axe,
            List<String> problems) {
        for (int i = 0; i < pages.size(); i++) {
            browser.get(url(paths.get(i)));
            Axe.waitForCharts(browser);
            String where = role + " " + look + " " + pages.get(i).name() + " (" + paths.get(i) + ")";
            if (axe) {
                Axe.seriousViolations(browser).forEach(v -> problems.add(where + ": " + v));
            }
            Axe.overflow(browser).ifPresent(o -> problems.add(where + ": " + o));
            BrowserTest.Browser.screenshot(
                    browser, "a11y-" + role + "-" + look + "-" + pages.get(i).name());
        }
    }

    /** The first link a list page offers, for pages whose id the test does not know. */
    private Function<WebDriver, String> firstLink(String list, String selector) {
        return browser -> {
            browser.get(url(list));
            return browser.findElement(By.cssSelector(selector)).getDomAttribute("href");
        };
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
