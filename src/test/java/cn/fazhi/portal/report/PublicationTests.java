package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestClock;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.report.internal.PublicationForm;
import cn.fazhi.portal.report.internal.ReportView;
import cn.fazhi.portal.report.internal.ReportingPeriods;
import java.time.LocalDate;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 18, point 4: the publication record of an approved report, against the 1 April deadline
 * in China time; refused input shown back with its message and nothing stored; who may record it;
 * the public list of a year and the home page's search. Data: 海北 (632200), see
 * {@link PublicationTestData}.
 */
@PortalTest
class PublicationTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reportService;

    @Autowired
    ReportEntryService entries;

    @Autowired
    ReportWorkflow workflow;

    @Autowired
    ReportPublications publications;

    @Autowired
    ReportingPeriods periods;

    @Autowired
    TestClock clock;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcClient jdbc;

    private PublicationTestData data;

    @BeforeEach
    void reports() {
        data = new PublicationTestData(reportService, entries, workflow, accounts, clock);
        data.haibei();
    }

    private static final int YEAR = PublicationTestData.YEAR;

    @Test
    void recordedOnTheWebsiteOnTimeUpTo1AprilAndLateFrom2April() {
        String county = PublicationTestData.MENYUAN;
        PortalUser clerk = data.clerkOf(county);
        assertThat(post(clerk, county, website("2021-04-01", "https://www.menyuan.gov.cn/zwgk/2021/fzbg.html")))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/reports/2020#publication");
        ReportPublications.Panel panel = panel(county);
        assertThat(panel.state()).isEqualTo(PublicationState.ON_TIME);
        assertThat(panel.date()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(panel.url()).isEqualTo("https://www.menyuan.gov.cn/zwgk/2021/fzbg.html");
        assertThat(panel.deadline()).isEqualTo(LocalDate.of(2021, 4, 1));
        // the public sees the record on the report's page
        Document page = Jsoup.parse(body(mvc.get().uri("/counties/{c}/reports/{y}", county, YEAR)));
        assertThat(page.select("#publication .publication-state").attr("data-state"))
                .isEqualTo("ON_TIME");
        assertThat(page.select("#publication-record a").attr("href"))
                .isEqualTo("https://www.menyuan.gov.cn/zwgk/2021/fzbg.html");
        assertThat(page.select("#publication-form"))
                .as("no form for the public")
                .isEmpty();

        // a reviewer of the prefecture changes it: one day later is late; the change is audited
        assertThat(post(data.reviewer(), county, website("2021-04-02", "http://www.menyuan.gov.cn/fzbg")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(panel(county).state()).isEqualTo(PublicationState.LATE);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where action = 'PUBLICATION_RECORDED' and entity_id = (
                    select id::text from annual_report where county_code = :c and year = :y)
                  and after_state::text like '%2021-04-02%'
                """)
                        .param("c", county)
                        .param("y", YEAR)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void onThePortalTheDateIsTheApprovalsInChinaTime() {
        // approved at 2021-04-01T16:30Z, which is 2 April 00:30 in Beijing: late
        assertThat(post(
                        data.clerkOf(PublicationTestData.QILIAN),
                        PublicationTestData.QILIAN,
                        Map.of("where", "PORTAL", "date", "", "url", "")))
                .hasStatus(HttpStatus.FOUND);
        ReportPublications.Panel qilian = panel(PublicationTestData.QILIAN);
        assertThat(qilian.onPortal()).isTrue();
        assertThat(qilian.date()).isEqualTo(LocalDate.of(2021, 4, 2));
        assertThat(qilian.state()).isEqualTo(PublicationState.LATE);
        // approved at 2021-04-01T15:30Z, 23:30 on 1 April in Beijing: on time
        assertThat(post(
                        data.clerkOf(PublicationTestData.HAIYAN),
                        PublicationTestData.HAIYAN,
                        Map.of("where", "PORTAL")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(panel(PublicationTestData.HAIYAN).date()).isEqualTo(LocalDate.of(2021, 4, 1));
        assertThat(panel(PublicationTestData.HAIYAN).state()).isEqualTo(PublicationState.ON_TIME);
    }

    @Test
    void aBadAddressOrDateIsShownBackWithItsMessageAndNothingIsStored() {
        String county = PublicationTestData.GANGCHA;
        PortalUser clerk = data.clerkOf(county);
        Map<String, String> refused = Map.of(
                "javascript:alert(1)",
                "网址须以 http:// 或 https:// 开头",
                "data:text/html,x",
                "网址须以 http:// 或 https:// 开头",
                "ftp://www.gangcha.gov.cn/report.pdf",
                "网址须以 http:// 或 https:// 开头",
                "https:///report.html",
                "网址须包含网站的域名",
                "https://user@evil.example/",
                "网址须包含网站的域名",
                "https://www.gangcha.gov.cn/a b",
                "网址中不能有空格",
                "https://www.gangcha.gov.cn/" + "a".repeat(480),
                "网址不能超过 500 个字符",
                "",
                "请填写公开报告的网址");
        refused.forEach((url, message) -> {
            Document page = Jsoup.parse(body(post(clerk, county, website("2021-03-25", url))));
            assertThat(page.select("#publication-url-error").text()).as(url).contains(message);
            assertThat(page.select("#publication-url").val())
                    .as("kept as typed")
                    .isEqualTo(url);
            assertThat(page.select("#publication-date").val()).isEqualTo("2021-03-25");
        });
        Map<String, String> badDates = Map.of(
                "2021-03-19",
                "公开日期不能早于报告审核通过之日（2021-03-20）",
                LocalDate.now(clock).plusDays(1).toString(),
                "公开日期不能晚于今天",
                "2021-02-30",
                "请按",
                "20210325",
                "请按",
                "",
                "请填写公开日期");
        badDates.forEach((date, message) -> {
            Document page = Jsoup.parse(body(post(clerk, county, website(date, "https://www.gangcha.gov.cn/fzbg"))));
            assertThat(page.select("#publication-date-error").text()).as(date).contains(message);
            assertThat(page.select("#publication-date").val()).isEqualTo(date);
            assertThat(page.select("#publication-url").val()).isEqualTo("https://www.gangcha.gov.cn/fzbg");
        });
        // in English, the same refusal in English
        Document english = Jsoup.parse(body(mvc.post()
                .uri("/counties/{c}/reports/{y}/publication", county, YEAR)
                .with(csrf())
                .with(user(clerk))
                .header("Accept-Language", "en")
                .param("lang", "en")
                .param("where", "WEBSITE")
                .param("date", "2021-03-25")
                .param("url", "javascript:alert(1)")));
        assertThat(english.select("#publication-url-error").text()).contains("must start with http:// or https://");
        assertThat(panel(county).date()).as("nothing stored").isNull();
        assertThat(panel(county).state()).isEqualTo(PublicationState.OVERDUE);
        // the database refuses such an address too, whoever writes it
        assertThat(org.assertj.core.api.Assertions.catchThrowable(
                        () -> jdbc.sql("""
                update annual_report set publication_date = date '2021-03-25', publication_url = 'javascript:alert(1)',
                       publication_on_portal = false, publication_recorded_at = now(),
                       publication_recorded_by = (select id from account where username = 'demo-admin')
                where county_code = :c and year = :y
                """).param("c", county).param("y", YEAR).update()))
                .isNotNull();
        assertThat(panel(county).date()).isNull();
    }

    @Test
    void onlyTheCountysClerkAReviewerInScopeOrAnAdministratorRecordsIt() {
        String county = PublicationTestData.MENYUAN;
        Map<String, String> form = website("2021-03-30", "https://www.menyuan.gov.cn/x");
        PortalUser otherClerk = data.clerkOf(PublicationTestData.QILIAN);
        PortalUser henan = TestUsers.user(accounts, "publication-reviewer-henan", Role.REVIEWER, "410000");
        LocalDate before = panel(county).date();
        assertThat(post(otherClerk, county, form)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(henan, county, form)).hasStatus(HttpStatus.FORBIDDEN);
        // whatever the form says, the county is the address's
        Map<String, String> sneaky = new java.util.HashMap<>(form);
        sneaky.put("countyCode", PublicationTestData.QILIAN);
        assertThat(post(otherClerk, county, sneaky)).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(post(otherClerk, "999999", form)).hasStatus(HttpStatus.NOT_FOUND);
        MvcTestResult anonymous = mvc.post()
                .uri("/counties/{c}/reports/{y}/publication", county, YEAR)
                .with(csrf())
                .param("where", "PORTAL")
                .exchange();
        assertThat(anonymous).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        // without the CSRF token, nobody
        assertThat(mvc.post()
                        .uri("/counties/{c}/reports/{y}/publication", county, YEAR)
                        .with(user(data.clerkOf(county)))
                        .param("where", "PORTAL"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(panel(county).date()).isEqualTo(before);
        // an administrator may
        assertThat(post(TestUsers.demo(accounts, "demo-admin"), county, form)).hasStatus(HttpStatus.FOUND);
        assertThat(panel(county).date()).isEqualTo(LocalDate.of(2021, 3, 30));
    }

    @Test
    void aReportNeverApprovedHasNothingToPublish() {
        // 鲁甸县's 2023 report is submitted (demo data)
        PortalUser reviewer = TestUsers.demo(accounts, "demo-reviewer");
        assertThat(post(reviewer, "530621", "2023", Map.of("where", "PORTAL"))).hasStatus(HttpStatus.CONFLICT);
    }

    @Test
    void aReopenedReportKeepsItsRecord() {
        String county = "632301";
        data.approvedAt(county, YEAR, java.time.Instant.parse("2021-03-10T02:00:00Z"));
        assertThat(post(data.clerkOf(county), county, website("2021-03-15", "https://www.tongren.gov.cn/fzbg")))
                .hasStatus(HttpStatus.FOUND);
        Viewer admin = TestUsers.demo(accounts, "demo-admin").toViewer();
        ReportView report = reportService.find(county, YEAR, admin).orElseThrow();
        if (report.status() == ReportStatus.APPROVED) {
            workflow.reopen(
                    county, YEAR, report.version(), "口径更正", data.reviewer().toViewer());
        }
        ReportPublications.Panel panel =
                publications.panelOf(county, YEAR, admin).orElseThrow();
        assertThat(panel.date()).isEqualTo(LocalDate.of(2021, 3, 15));
        assertThat(panel.state()).isEqualTo(PublicationState.ON_TIME);
        // and it may still be corrected while the report is
        assertThat(post(data.clerkOf(county), county, website("2021-03-16", "https://www.tongren.gov.cn/fzbg")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(publications.panelOf(county, YEAR, admin).orElseThrow().date())
                .isEqualTo(LocalDate.of(2021, 3, 16));
    }

    @Test
    void theAdministratorSetsAYearsPublicationDeadline() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        try {
            assertThat(mvc.post()
                            .uri("/admin/deadlines")
                            .with(csrf())
                            .with(user(admin))
                            .param("year", "2019")
                            .param("deadline", "")
                            .param("publicationDeadline", "2020-05-10"))
                    .hasStatus(HttpStatus.FOUND);
            assertThat(periods.publicationDeadlineOf(2019)).isEqualTo(LocalDate.of(2020, 5, 10));
            assertThat(mvc.get().uri("/admin/deadlines").with(user(admin)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("2020-05-10");
            assertThat(mvc.get().uri("/publications/2019"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("2020-05-10");
            // refused and shown back, neither date written
            LocalDate submission = periods.deadlineOf(2019);
            assertThat(mvc.post()
                            .uri("/admin/deadlines")
                            .with(csrf())
                            .with(user(admin))
                            .param("year", "2019")
                            .param("deadline", "2020-02-01")
                            .param("publicationDeadline", "2019-12-01"))
                    .hasStatusOk()
                    .bodyText()
                    .contains("截止日期须在该年度结束之后", "value=\"2019-12-01\"");
            assertThat(periods.deadlineOf(2019)).isEqualTo(submission);
            assertThat(periods.publicationDeadlineOf(2019)).isEqualTo(LocalDate.of(2020, 5, 10));
        } finally {
            periods.setPublicationDeadline(2019, ReportingPeriods.legalPublicationDeadline(2019), admin.toViewer());
        }
    }

    @Test
    void thePublicYearListShowsEveryCountyOfTheAreaWithItsState() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        publications.record(
                PublicationTestData.MENYUAN,
                YEAR,
                new PublicationForm("WEBSITE", "2021-03-28", "https://www.menyuan.gov.cn/fzbg"),
                admin.toViewer());
        publications.record(PublicationTestData.QILIAN, YEAR, new PublicationForm("PORTAL", "", ""), admin.toViewer());
        Document list =
                Jsoup.parse(body(mvc.get().uri("/publications/{y}?area={a}", YEAR, PublicationTestData.PREFECTURE)));
        assertThat(list.select("#publication-list tbody tr")).hasSize(4);
        assertThat(state(list, PublicationTestData.MENYUAN)).isEqualTo("ON_TIME");
        assertThat(list.select("tr[data-county=632221]").text()).contains("2021-03-28", "县政府网站");
        assertThat(list.select("tr[data-county=632221] a[href^=https://www.menyuan]"))
                .hasSize(1);
        assertThat(state(list, PublicationTestData.QILIAN)).isEqualTo("LATE");
        assertThat(list.select("tr[data-county=632222] a").eachAttr("href")).contains("/counties/632222/reports/2020");
        assertThat(state(list, PublicationTestData.GANGCHA)).isEqualTo("OVERDUE");
        // only the late ones
        Document late = Jsoup.parse(
                body(mvc.get().uri("/publications/{y}?area={a}&state=LATE", YEAR, PublicationTestData.PREFECTURE)));
        assertThat(late.select("#publication-list tbody tr").eachAttr("data-county"))
                .containsExactly("632222");
        // the whole country by pages of 200
        Document country = Jsoup.parse(body(mvc.get().uri("/publications/{y}", YEAR)));
        assertThat(country.select("#publication-list tbody tr")).hasSize(PublicationController.PAGE_SIZE);
        assertThat(country.select(".pagination")).isNotEmpty();
        // nonsense is a 404, never a 500
        for (String bad : new String[] {
            "/publications/abcd",
            "/publications/1999",
            "/publications/2020?area=632221",
            "/publications/2020?area=x",
            "/publications/99999999999",
            "/publications/2020?page=-1&state=%00"
        }) {
            assertThat(mvc.get().uri(bad).exchange().getResponse().getStatus())
                    .as(bad)
                    .isIn(200, 400, 404);
        }
    }

    @Test
    void theHomePageFindsACountyByNameOrCodeAndListsTheLatestPublications() {
        Document byName = Jsoup.parse(body(mvc.get().uri("/?q={q}", "祁连")));
        assertThat(byName.select("#search-results a").eachAttr("href")).contains("/counties/632222");
        Document byCode = Jsoup.parse(body(mvc.get().uri("/?q={q}", " 632224 ")));
        assertThat(byCode.select("#search-results a").eachAttr("href")).containsExactly("/counties/632224");
        assertThat(byCode.select("#search-results").text()).contains("刚察县", "海北藏族自治州");
        Document many = Jsoup.parse(body(mvc.get().uri("/?q={q}", "县")));
        assertThat(many.select("#search-results li")).hasSize(20);
        assertThat(Jsoup.parse(body(mvc.get().uri("/?q={q}", "不存在的县名"))).select("#search-none"))
                .hasSize(1);
        Document tooLong = Jsoup.parse(body(mvc.get().uri("/?q={q}", "县".repeat(51))));
        assertThat(tooLong.select("#q-error").text()).contains("不能超过 50 个字符");
        assertThat(tooLong.select("#q").val()).isEqualTo("县".repeat(51));
        assertThat(mvc.get().uri("/?q=%E0%A4").exchange().getResponse().getStatus())
                .isLessThan(500);

        // the newest publication is listed first
        String county = "632322";
        int year = reportService.reportingYear();
        data.approvedAt(county, year, java.time.Instant.now());
        publications.record(
                county,
                year,
                new PublicationForm("WEBSITE", LocalDate.now(clock).toString(), "https://www.jianzha.gov.cn/fzbg"),
                TestUsers.demo(accounts, "demo-admin").toViewer());
        Document home = Jsoup.parse(body(mvc.get().uri("/")));
        assertThat(home.select("#latest-publications li").first().attr("data-county"))
                .isEqualTo(county);
        assertThat(home.select("#latest-publications li").size()).isBetween(1, 10);
        assertThat(home.select("#publications-link").attr("href")).isEqualTo("/publications/" + year);
    }

    private static String state(Document list, String county) {
        return list.select("tr[data-county=" + county + "] .publication-state").attr("data-state");
    }

    private ReportPublications.Panel panel(String county) {
        return publications.panelOf(county, YEAR, Viewer.ANONYMOUS).orElseThrow();
    }

    private static Map<String, String> website(String date, String url) {
        return Map.of("where", "WEBSITE", "date", date, "url", url);
    }

    private MvcTestResult post(PortalUser who, String county, Map<String, String> form) {
        return post(who, county, Integer.toString(YEAR), form);
    }

    private MvcTestResult post(PortalUser who, String county, String year, Map<String, String> form) {
        var request = mvc.post()
                .uri("/counties/{c}/reports/{y}/publication", county, year)
                .with(csrf())
                .with(user(who));
        form.forEach((k, v) -> request.param(k, v));
        return request.exchange();
    }

    private static String body(MvcTestResult result) {
        try {
            assertThat(result.getResponse().getStatus()).isEqualTo(200);
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(
            org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder request) {
        return body(request.exchange());
    }
}
