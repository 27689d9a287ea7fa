package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.account.WebSliceSecurity;
import cn.fazhi.portal.config.ReportingCalendar;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The public catalogue page as a web slice: {@link CatalogController} with the real security
 * configuration and the page's template, its services mocked (no database, no other controller).
 * What the page shows comes from the mocked catalogue; the security decides who gets it.
 */
@WebMvcTest(CatalogController.class)
@WebSliceSecurity
class CatalogPageSliceTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    CatalogService catalogs;

    @MockitoBean
    ReportingCalendar calendar;

    private static final Catalog CATALOG = new Catalog(
            2024,
            List.of(new SectionDef("T_SECTION", 1, "测试板块", "Test section", "纲要一")),
            List.of(new IndicatorDef(
                    "T_MEETINGS",
                    "T_SECTION",
                    1,
                    "切片测试会议次数",
                    "Slice meetings",
                    "次",
                    IndicatorKind.COUNT,
                    Direction.UP,
                    null,
                    null,
                    new Target(Comparison.AT_LEAST, new BigDecimal("12")),
                    "专题会议次数",
                    "Meetings",
                    2020,
                    null,
                    false)),
            List.of());

    @Test
    void anAnonymousVisitorReadsTheCatalogueOfTheReportingYearWithThePortalsHeaders() {
        given(calendar.reportingYear()).willReturn(2024);
        given(catalogs.forYear(2024)).willReturn(CATALOG);
        assertThat(mvc.get().uri("/catalog"))
                .hasStatusOk()
                .hasViewName("catalog/catalog")
                .bodyText()
                .contains("切片测试会议次数", "T_MEETINGS", "测试板块", "≥ 12");
        assertThat(mvc.get().uri("/catalog"))
                .headers()
                .hasValue("Content-Security-Policy", WebSliceSecurity.CONTENT_SECURITY_POLICY)
                .hasValue("X-Frame-Options", "DENY");
    }

    @Test
    void aYearOutOfRangeFallsBackToTheReportingYear() {
        given(calendar.reportingYear()).willReturn(2024);
        given(catalogs.forYear(2024)).willReturn(CATALOG);
        assertThat(mvc.get().uri("/catalog?year=1999")).hasStatusOk().bodyText().contains("切片测试会议次数");
    }

    @Test
    void whatIsNotPublicNeedsALoginOrTheRoleBeforeAnyControllerRuns() {
        // not a public route: the login page, whatever is mapped behind it
        assertThat(mvc.get().uri("/admin/catalog"))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/admin/catalog").with(user("clerk").roles("COUNTY_STAFF")))
                .hasStatus(HttpStatus.FORBIDDEN);
        // a POST without the CSRF token is refused before it reaches a controller
        assertThat(mvc.post().uri("/catalog")).hasStatus(HttpStatus.FORBIDDEN);
        verifyNoInteractions(catalogs);
    }
}
