package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.internal.ReportView;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Requests no page sends get a 4xx with a page that says so, never a 500: over the real server
 * (where the container renders the error pages) and through MockMvc. 开远市 (532502) is this test's
 * county.
 */
@PortalTest
class BadRequestTests {

    private static final String COUNTY = "532502";

    @LocalServerPort
    int port;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void theErrorPageAskedForDirectlyIsNotFoundRatherThanStatus999() throws Exception {
        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(url("/error"))
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("页面不存在").doesNotContain("999");
        HttpResponse<String> json = http.send(
                HttpRequest.newBuilder(url("/error"))
                        .header("Accept", "application/json")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.statusCode()).isEqualTo(404);
        assertThat(json.body()).doesNotContain("999");
    }

    @Test
    void aTamperedCsrfTokenOnTheLoginFormIsRefusedWith403() throws Exception {
        HttpResponse<String> login =
                http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        // tampered tokens that unmask to non-UTF-8 bytes made the stock handler throw: try several
        for (String prefix : new String[] {"AAAA", "____", "////", "zzzz"}) {
            String tampered = prefix + token.group(1).substring(4);
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(url("/login"))
                            .header("Cookie", cookie)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("username=demo-admin&password=x&_csrf="
                                    + URLEncoder.encode(tampered, StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(post.statusCode()).as(prefix).isEqualTo(403);
        }
    }

    @Test
    void controlCharactersInAnyParameterAreABadRequestWithAPage() throws Exception {
        HttpResponse<String> login =
                http.send(HttpRequest.newBuilder(url("/login")).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow().split(";", 2)[0];
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> post = http.send(
                HttpRequest.newBuilder(url("/login"))
                        .header("Accept", "text/html")
                        .header("Cookie", cookie)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("username=demo%00admin&password=x&_csrf="
                                + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(post.body()).contains("请求无效", "控制字符");
    }

    @Test
    void malformedPathsAndBodiesOverTheRealServerAreRefusedWithoutAServerError() throws Exception {
        int unreadable = 0;
        for (String path : new String[] {
            "/counties/%00/reports/2025/edit",
            "/counties/a%0d%0ab/reports/2025/approve",
            "/counties/530621/reports/%E2%80%AE2025/return",
            "/counties/530621/reports/99999999999999999999/submit",
            "/%2e%2e/error",
            "/counties/530621;x=%01/reports/2025/edit",
            "/display-mode"
        }) {
            for (String type : new String[] {
                "application/x-www-form-urlencoded",
                "multipart/form-data",
                "multipart/form-data; boundary=x",
                "application/json",
                "text/plain; charset=nonsense"
            }) {
                HttpResponse<String> post = http.send(
                        HttpRequest.newBuilder(url(path))
                                .header("Content-Type", type)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "--x\r\nContent-Disposition: form-data; name=\"a\0\"\r\n"
                                                + "\r\n\u202E%zz&elderly=true&_csrf=AAAA"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(post.statusCode()).as(path + " as " + type).isBetween(400, 499);
                unreadable += post.body().contains("could not be read") ? 1 : 0;
            }
        }
        // the multipart bodies Tomcat cannot read are answered by the guard, not by a stack trace
        assertThat(unreadable).isPositive();
    }

    @Test
    void aCustomFigureInASectionTheFormDoesNotHaveIsABadRequestAndNothingIsStored() {
        PortalUser clerk = TestUsers.user(accounts, "badrequest-clerk-" + COUNTY, Role.COUNTY_STAFF, COUNTY);
        int year = reports.reportingYear();
        if (reports.find(COUNTY, year, clerk.toViewer()).isEmpty()) {
            reports.openDraft(COUNTY, year, clerk.toViewer());
        }
        for (String section : new String[] {"NOPE", "LEADERSHIP".repeat(3), "LEADERSHIP\r\nX", "LEADERSHIP\n"}) {
            assertThat(mvc.post()
                            .uri("/counties/" + COUNTY + "/reports/" + year + "/edit")
                            .with(csrf())
                            .with(user(clerk))
                            .param("section", section)
                            .param("version", Integer.toString(view(clerk, year).version()))
                            .param("added.name", "培训人次")
                            .param("added.unit", "人次")
                            .param("added.value", "12"))
                    .as(section)
                    .hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(view(clerk, year).sections().stream().flatMap(s -> s.customFigures().stream()))
                .isEmpty();
        // the same figure in a section of the form is stored
        assertThat(mvc.post()
                        .uri("/counties/" + COUNTY + "/reports/" + year + "/edit")
                        .with(csrf())
                        .with(user(clerk))
                        .param("section", "LEADERSHIP")
                        .param("version", Integer.toString(view(clerk, year).version()))
                        .param("added.name", "培训人次")
                        .param("added.unit", "人次")
                        .param("added.value", "12"))
                .hasStatus(HttpStatus.FOUND);
        assertThat(view(clerk, year).sections().stream().flatMap(s -> s.customFigures().stream()))
                .hasSize(1);
    }

    private ReportView view(PortalUser clerk, int year) {
        return reports.find(COUNTY, year, clerk.toViewer()).orElseThrow();
    }

    private URI url(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
