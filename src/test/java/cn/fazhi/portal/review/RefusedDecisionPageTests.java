package cn.fazhi.portal.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.report.internal.ReportView;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.servlet.FlashMap;

/**
 * A refused decision comes back to the report's page (its own address, after a redirect) with what
 * the reviewer typed still in its field and the reason right after it, in the reviewer's language:
 * the forms' {@code {key}} messages are read from messages*.properties in the language of the
 * request (Spring Boot's validator interpolates them through the MessageSource), and a refusal by
 * the report's rules (a public note on a first approval) is shown next to the note's field too.
 */
@PortalTest
class RefusedDecisionPageTests {

    private static final Cookie ENGLISH = new Cookie("portal-lang", "en");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Autowired
    ReportWorkflow workflow;

    @Test
    void anOverlongCommentComesBackAsTypedWithTheMessageNextToItInChineseAndEnglish() {
        String county = fixtures.freshCounty();
        int year = fixtures.reportingYear();
        PortalUser reviewer = submitted(county, year);
        String typed = "请核对" + "长".repeat(5000);

        String chinese = refusedPage(reviewer, county, year, "/return", Map.of("comment", typed), null);
        assertFieldWithError(chinese, "comment", typed, "退回意见不能超过 5000 字。");

        String english = refusedPage(reviewer, county, year, "/return", Map.of("comment", typed), ENGLISH);
        assertFieldWithError(english, "comment", typed, "The comment may not be longer than 5000 characters.");

        // a blank comment: the message (nothing typed to keep: the strip leaves it empty)
        String blank = refusedPage(reviewer, county, year, "/return", Map.of("comment", "  "), ENGLISH);
        assertFieldWithError(blank, "comment", "", "A returned report needs a comment.");
        assertThat(view(county, year).status()).isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void aPublicNoteOnAFirstApprovalIsRefusedNextToTheNoteAndAnOverlongOneOnACorrectionKeptAsTyped() {
        String county = fixtures.freshCounty();
        int year = fixtures.reportingYear();
        PortalUser reviewer = submitted(county, year);

        // the report's own rule: a first approval has no note (only a hand-made request sends one)
        String first = refusedPage(reviewer, county, year, "/approve", Map.of("publicNote", "不该有"), null);
        assertThat(first)
                .containsPattern(Pattern.compile(
                        "id=\"approve-form\">.*?<div class=\"invalid-feedback d-block\" id=\"publicNote-error\">"
                                + Pattern.quote("只有更正后的版本才有更正说明。") + "</div>",
                        Pattern.DOTALL));
        String firstEnglish = refusedPage(reviewer, county, year, "/approve", Map.of("publicNote", "no"), ENGLISH);
        assertThat(firstEnglish).contains("Only a corrected version carries a note on the correction.");
        assertThat(view(county, year).status()).isEqualTo(ReportStatus.SUBMITTED);

        // approved, reopened and submitted again: the approval is a correction, with a note of at most 2000
        workflow.approve(county, year, view(county, year).version(), reviewer.toViewer());
        workflow.reopen(county, year, view(county, year).version(), "更正执法数据", reviewer.toViewer());
        assertThat(workflow.submit(
                        county,
                        year,
                        view(county, year).version(),
                        fixtures.clerkOf(county).toViewer(),
                        Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        String note = "更正了执法人员数。".repeat(250);
        assertFieldWithError(
                refusedPage(reviewer, county, year, "/approve", Map.of("publicNote", note), null),
                "publicNote",
                note,
                "更正说明最多 2000 字。");
        assertFieldWithError(
                refusedPage(reviewer, county, year, "/approve", Map.of("publicNote", note), ENGLISH),
                "publicNote",
                note,
                "The note on the correction is at most 2,000 characters.");
        assertThat(view(county, year).latestVersion()).isEqualTo(1);
    }

    @Test
    void aReopeningWithoutAReasonIsRefusedNextToTheReason() {
        String county = fixtures.freshCounty();
        int year = fixtures.reportingYear();
        PortalUser reviewer = submitted(county, year);
        workflow.approve(county, year, view(county, year).version(), reviewer.toViewer());

        assertFieldWithError(
                refusedPage(reviewer, county, year, "/reopen", Map.of("reason", ""), null),
                "reason",
                "",
                "重新打开时必须填写理由。");
        assertFieldWithError(
                refusedPage(reviewer, county, year, "/reopen", Map.of("reason", " \u3000"), ENGLISH),
                "reason",
                "",
                "Reopening needs a reason.");
        assertThat(view(county, year).status()).isEqualTo(ReportStatus.APPROVED);
    }

    /** The county's report of the year, submitted; its province's reviewer. */
    private PortalUser submitted(String county, int year) {
        PortalUser clerk = fixtures.clerkWithDraft(county, year);
        entries.saveNarrative(
                county,
                year,
                view(county, year).version(),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                clerk.toViewer());
        assertThat(workflow.submit(
                        county, year, view(county, year).version(), clerk.toViewer(), Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        return fixtures.reviewerOf(TestFixtures.FRESH_PROVINCE);
    }

    /**
     * Posts the decision from the current page; it must be refused with a redirect to the report's
     * own address, whose page (with what the redirect flashed) is returned.
     */
    private String refusedPage(
            PortalUser reviewer, String county, int year, String action, Map<String, String> typed, Cookie language) {
        String page = "/counties/" + county + "/reports/" + year;
        var post = mvc.post()
                .uri(page + action)
                .with(csrf())
                .with(user(reviewer))
                .param("version", Integer.toString(view(county, year).version()));
        typed.forEach(post::param);
        if (language != null) {
            post.cookie(language);
        }
        MvcTestResult refused = post.exchange();
        assertThat(refused).hasStatus(HttpStatus.FOUND).hasRedirectedUrl(page);
        FlashMap flash = refused.getMvcResult().getFlashMap();
        assertThat((Map<String, Object>) flash).doesNotContainKey("flash");
        var get = mvc.get().uri(page).with(user(reviewer)).flashAttrs(flash);
        if (language != null) {
            get.cookie(language);
        }
        MvcTestResult shown = get.exchange();
        assertThat(shown).hasStatusOk();
        return new String(shown.getResponse().getContentAsByteArray(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The field holds what was typed, is marked invalid and described by its message, which follows it. */
    private static void assertFieldWithError(String html, String field, String typed, String message) {
        assertThat(html)
                .containsPattern(Pattern.compile("<textarea id=\"" + field + "\"[^>]*class=\"[^\"]*is-invalid"
                        + "[^>]*aria-describedby=\"" + field + "-error[^>]*aria-invalid=\"true\"[^>]*>"
                        + Pattern.quote(typed)
                        + "</textarea>\\s*<div class=\"invalid-feedback[^\"]*\" id=\"" + field + "-error\">"
                        + Pattern.quote(message) + "</div>"));
    }

    private ReportView view(String county, int year) {
        return reports.find(county, year, fixtures.admin("refused-decision").toViewer())
                .orElseThrow();
    }
}
