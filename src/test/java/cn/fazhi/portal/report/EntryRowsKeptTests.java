package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The report form's rows are rendered once per content and kept ({@link EntryFormPage}): the same
 * section opened again is not rendered again (nor the same empty section of another county), and a saved value, a refused one as typed, or another
 * language is a page of its own, never the kept one.
 */
@PortalTest
class EntryRowsKeptTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    EntryFormPage page;

    @Autowired
    AnnualReportRepository reports;

    @Test
    void theSameSectionIsRenderedOnceAndAChangeShowsOnTheNextRequest() throws Exception {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        String url = "/counties/" + county + "/reports/" + fixtures.reportingYear() + "/edit?section=LEADERSHIP";

        // another test's empty draft may have shown the very same rows already: at most one rendering
        long before = page.renderings();
        String first =
                mvc.get().uri(url).with(user(clerk)).exchange().getResponse().getContentAsString();
        long afterFirst = page.renderings();
        assertThat(afterFirst - before).isBetween(0L, 1L);
        String again =
                mvc.get().uri(url).with(user(clerk)).exchange().getResponse().getContentAsString();
        assertThat(page.renderings()).isEqualTo(afterFirst);
        assertThat(again).contains("id=\"v_LEA_PARTY_MEETINGS\"");
        assertThat(first).doesNotContain("value=\"17\"");

        assertThat(mvc.post()
                        .uri(url.replace("?section=LEADERSHIP", ""))
                        .with(csrf())
                        .with(user(clerk))
                        .param("version", Integer.toString(version(county)))
                        .param("section", "LEADERSHIP")
                        .param("values[LEA_PARTY_MEETINGS]", "17")
                        .exchange())
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri(url).with(user(clerk)).exchange())
                .hasStatusOk()
                .bodyText()
                .containsPattern("id=\"v_LEA_PARTY_MEETINGS\"[^>]*value=\"17\"");

        // refused, the typed text comes back in its row (another content, so another rendering)
        assertThat(mvc.post()
                        .uri(url.replace("?section=LEADERSHIP", ""))
                        .with(csrf())
                        .with(user(clerk))
                        .param("version", Integer.toString(version(county)))
                        .param("section", "LEADERSHIP")
                        .param("values[LEA_PARTY_MEETINGS]", "十七点")
                        .exchange())
                .hasStatusOk()
                .bodyText()
                .contains("value=\"十七点\"");

        long beforeEnglish = page.renderings();
        String english = mvc.get()
                .uri(url + "&lang=en")
                .with(user(clerk))
                .exchange()
                .getResponse()
                .getContentAsString();
        assertThat(page.renderings() - beforeEnglish).isBetween(0L, 1L);
        assertThat(english).contains("id=\"v_LEA_PARTY_MEETINGS\"").isNotEqualTo(again);
    }

    private int version(String county) {
        return reports.findByCountyCodeAndYear(county, fixtures.reportingYear())
                .orElseThrow()
                .getVersion();
    }
}
