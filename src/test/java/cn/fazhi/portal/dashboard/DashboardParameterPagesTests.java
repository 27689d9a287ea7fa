package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The public ranking and heat map of 云南省 (the demo data's approved reports) with parameters read
 * at the web edge: a peer group that is none is a bad request (400, never a 500); a blank one is
 * every county; an {@code asOf} that is no date is ignored, as it was when the service read it.
 */
@PortalTest
class DashboardParameterPagesTests {

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPeerGroupThatIsNoneIsABadRequestAndABlankOneIsEveryCounty() {
        for (String page : new String[] {"/dashboards/ranking", "/dashboards/heatmap"}) {
            assertThat(mvc.get()
                            .uri(page)
                            .param("year", "2023")
                            .param("area", "530000")
                            .param("peer", "NOPE-9"))
                    .as(page)
                    .hasStatus(400);
            assertThat(mvc.get()
                            .uri(page)
                            .param("year", "2023")
                            .param("area", "530000")
                            .param("peer", ""))
                    .as(page)
                    .hasStatusOk();
            assertThat(mvc.get()
                            .uri(page)
                            .param("year", "2023")
                            .param("area", "530000")
                            .param("peer", "COUNTY-2"))
                    .as(page)
                    .hasStatusOk();
        }
    }

    @Test
    void anAsOfThatIsNoDateIsIgnored() {
        assertThat(mvc.get()
                        .uri("/dashboards/ranking")
                        .param("year", "2023")
                        .param("area", "530000")
                        .param("asOf", "garbage"))
                .hasStatusOk();
        // the export of a ranking as of a day names that day; one that is no date is today's ranking
        MvcTestResult export = mvc.get()
                .uri("/dashboards/ranking")
                .param("year", "2023")
                .param("area", "530000")
                .param("format", "csv")
                .param("asOf", "2023-02-29")
                .exchange();
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getHeader("Content-Disposition"))
                .contains("ranking")
                .doesNotContain("asof");
    }
}
