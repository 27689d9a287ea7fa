package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.internal.AccountService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** The first pages through real HTTP handling and the real security configuration. */
@PortalTest
class PublicPagesTests {

    @Autowired
    MockMvcTester mvc;

    @LocalServerPort
    int port;

    @Autowired
    AccountService accounts;

    @Test
    void publicPagesOpenWithoutLogin() {
        assertThat(mvc.get().uri("/")).hasStatusOk().bodyText().contains("法治政府建设监测平台");
        assertThat(mvc.get().uri("/login")).hasStatusOk().bodyText().contains("name=\"_csrf\"");
        assertThat(mvc.get().uri("/catalog?year=2023"))
                .hasStatusOk()
                .bodyText()
                .contains("公职律师覆盖率", "≥ 60", "2023 年度指标目录");
        assertThat(mvc.get().uri("/regions")).hasStatusOk().bodyText().contains("云南省", "2845");
        assertThat(mvc.get().uri("/regions/532500")).hasStatusOk().bodyText().contains("泸西县");
        assertThat(mvc.get().uri("/counties/532527")).hasStatusOk().bodyText().contains("2023 年度", "已审核通过");
        assertThat(mvc.get().uri("/counties/410324")).hasStatusOk().bodyText().contains("全省法治创建先进县（区）");
    }

    @Test
    void theReportShowsComputedRatesAndNarrative() {
        assertThat(mvc.get().uri("/counties/532527/reports/2023"))
                .hasStatusOk()
                .bodyText()
                .contains("70.8", "96.0", "97.5", "自动计算", "主要举措和成效");
    }

    @Test
    void aCountyIsReachedFromTheBrowser() {
        assertThat(mvc.get().uri("/regions/532527"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/counties/532527");
    }

    @Test
    void unknownOrHiddenThingsAreNotFound() {
        assertThat(mvc.get().uri("/counties/999999")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/counties/530000")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/counties/532527/reports/1999")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/counties/532527/reports/abc")).hasStatus(HttpStatus.NOT_FOUND);
        // 鲁甸县 2023 is submitted, not approved: not public
        assertThat(mvc.get().uri("/counties/530621/reports/2023")).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void unapprovedReportsFollowTheViewersScope() {
        var reviewer = accounts.loadUserByUsername("demo-reviewer");
        var clerk = accounts.loadUserByUsername("demo-clerk");
        assertThat(mvc.get().uri("/counties/530621/reports/2023").with(user(reviewer)))
                .hasStatusOk()
                .bodyText()
                .contains("已报送");
        assertThat(mvc.get().uri("/counties/530621/reports/2023").with(user(clerk)))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void everythingElseNeedsALogin() {
        assertThat(mvc.get().uri("/actuator/env"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/admin/accounts")).hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk();
    }

    /** Through the real server: error pages are rendered by the container's error dispatch, which MockMvc skips. */
    @Test
    void errorPagesShowNoInternals() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/counties/999999"))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("页面不存在").doesNotContain("Exception", "at cn.fazhi", "trace");
    }

    @Test
    void securityHeadersAreSent() {
        var result = mvc.get().uri("/").exchange();
        assertThat(result.getResponse().getHeader("Content-Security-Policy"))
                .contains("script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-eval");
        assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
    }

    @Test
    void loginWorksAgainstTheAccountsTableAndNeedsCsrf() {
        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", "demo-reviewer")
                        .param("password", "demo-pass-2026")
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/");
        assertThat(mvc.post()
                        .uri("/login")
                        .param("username", "demo-reviewer")
                        .param("password", "wrong")
                        .with(csrf()))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/login?error");
        // without the CSRF token even the right password is refused
        assertThat(mvc.post().uri("/login").param("username", "demo-reviewer").param("password", "demo-pass-2026"))
                .hasStatus(HttpStatus.FORBIDDEN);
    }

    @Test
    void englishIsOneClickAway() {
        assertThat(mvc.get().uri("/catalog?lang=en&year=2023"))
                .hasStatusOk()
                .bodyText()
                .contains("Indicator catalogue 2023", "Public-lawyer coverage", "中文");
    }
}
