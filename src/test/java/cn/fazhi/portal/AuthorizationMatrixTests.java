package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.IndicatorForm;
import cn.fazhi.portal.catalog.internal.RuleForm;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.inspection.InspectionFixtures;
import cn.fazhi.portal.inspection.InspectionService;
import cn.fazhi.portal.inspection.internal.FindingWorkflow;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ReportWorkflow;
import cn.fazhi.portal.report.internal.SectionForm;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route the application maps, for every kind of visitor, against what they may do. The
 * routes come from Spring's handler mappings: a new route without an expectation here fails.
 *
 * <p>The county under test is 鲁甸县 (530621), whose 2023 report is submitted, not yet public.
 */
@PortalTest
class AuthorizationMatrixTests {

    enum Persona {
        ANONYMOUS,
        CLERK_OF_COUNTY,
        CLERK_OF_OTHER_COUNTY,
        REVIEWER_IN_SCOPE,
        REVIEWER_OUT_OF_SCOPE,
        ADMIN
    }

    /**
     * ALLOWED: past access control (served, redirected elsewhere than the login, or refused by the
     * report's state with 409); LOGIN: sent to log in; DENIED: 403 or 404.
     */
    enum Outcome {
        ALLOWED,
        LOGIN,
        DENIED,
        ANY_BUT_LOGIN
    }

    record Probe(String method, String url, Map<String, String> params, Map<Persona, Outcome> expected) {}

    /** A POST of a multipart form with a file, the method of a probe that uploads. */
    private static final String UPLOAD = "UPLOAD";

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Autowired
    ReportWorkflow workflow;

    private static final String PROBE_INDICATOR = "MATRIX_PROBE";
    private static final String PROBE_RULE = "MATRIX_PROBE_RULE";

    @Autowired
    CatalogAdminService catalogAdmin;

    private long customFigure;

    @Autowired
    InspectionService inspections;

    @Autowired
    FindingWorkflow findingWorkflow;

    @Autowired
    ReportingCalendar calendar;

    private final Map<Persona, PortalUser> users = new EnumMap<>(Persona.class);
    private long targetAccount;

    @BeforeEach
    void logins() {
        users.put(
                Persona.CLERK_OF_COUNTY, TestUsers.user(accounts, "matrix-clerk-ludian", Role.COUNTY_STAFF, "530621"));
        users.put(Persona.CLERK_OF_OTHER_COUNTY, TestUsers.demo(accounts, "demo-clerk"));
        users.put(Persona.REVIEWER_IN_SCOPE, TestUsers.demo(accounts, "demo-reviewer"));
        users.put(
                Persona.REVIEWER_OUT_OF_SCOPE,
                TestUsers.user(accounts, "matrix-reviewer-henan", Role.REVIEWER, "410000"));
        users.put(Persona.ADMIN, TestUsers.demo(accounts, "demo-admin"));
        // the admin's account actions land on an account of its own, not on one other tests use
        targetAccount = TestUsers.user(accounts, "matrix-target", Role.REVIEWER, "530000")
                .getId();
        // reports of 鲁甸县 for the reviewers' decisions, one per decision (they change state)
        reportIn(2019, ReportStatus.SUBMITTED);
        reportIn(2018, ReportStatus.SUBMITTED);
        reportIn(2017, ReportStatus.APPROVED);
        catalogueProbes();
    }

    /**
     * What the catalogue administration probes act on: an indicator and a rule of their own (the
     * admin's probes retire and delete them), and a custom figure in 鲁甸县's draft for the
     * candidates page and the figure's history.
     */
    private void catalogueProbes() {
        Viewer admin = users.get(Persona.ADMIN).toViewer();
        if (catalogAdmin.indicators(admin).stream()
                .noneMatch(r -> r.indicator().code().equals(PROBE_INDICATOR))) {
            assertThat(catalogAdmin
                            .add(
                                    new IndicatorForm(
                                            PROBE_INDICATOR,
                                            "LEADERSHIP",
                                            "矩阵测试指标",
                                            "Matrix probe",
                                            "次",
                                            "COUNT",
                                            "UP",
                                            "",
                                            "",
                                            "",
                                            "",
                                            "",
                                            "",
                                            "2015",
                                            ""),
                                    admin)
                            .code())
                    .isEqualTo(PROBE_INDICATOR);
        }
        if (catalogAdmin.rules(admin).stream().noneMatch(r -> r.rule().code().equals(PROBE_RULE))) {
            assertThat(catalogAdmin
                            .addRule(
                                    new RuleForm(
                                            PROBE_RULE,
                                            "LEA_PARTY_MEETINGS",
                                            "<=",
                                            "LEA_GOV_MEETINGS",
                                            "WARNING",
                                            "矩阵测试规则",
                                            "",
                                            "2015"),
                                    admin)
                            .code())
                    .isEqualTo(PROBE_RULE);
        }
        Viewer clerk = users.get(Persona.CLERK_OF_COUNTY).toViewer();
        reports.openDraft("530621", 2025, clerk);
        customFigure = reports.find("530621", 2025, admin).orElseThrow().sections().stream()
                .flatMap(s -> s.customFigures().stream())
                .filter(f -> f.name().equals("矩阵测试数据"))
                .findFirst()
                .map(f -> f.id())
                .orElseGet(() -> {
                    entries.saveSection(
                            "530621",
                            2025,
                            SectionForm.adding(
                                    "LEADERSHIP",
                                    reports.find("530621", 2025, admin)
                                            .orElseThrow()
                                            .version(),
                                    SectionForm.FigureForm.of("矩阵测试数据", "次", "1")),
                            clerk);
                    return reports.find("530621", 2025, admin).orElseThrow().sections().stream()
                            .flatMap(s -> s.customFigures().stream())
                            .filter(f -> f.name().equals("矩阵测试数据"))
                            .findFirst()
                            .orElseThrow()
                            .id();
                });
    }

    private void reportIn(int year, ReportStatus wanted) {
        Viewer admin = users.get(Persona.ADMIN).toViewer();
        if (reports.find("530621", year, admin).isPresent()) {
            return;
        }
        Viewer clerk = users.get(Persona.CLERK_OF_COUNTY).toViewer();
        reports.openDraft("530621", year, clerk);
        entries.saveNarrative(
                "530621",
                year,
                reports.find("530621", year, admin).orElseThrow().version(),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"),
                clerk);
        assertThat(workflow.submit(
                        "530621",
                        year,
                        reports.find("530621", year, admin).orElseThrow().version(),
                        clerk,
                        Locale.SIMPLIFIED_CHINESE))
                .isEmpty();
        if (wanted == ReportStatus.APPROVED) {
            workflow.approve(
                    "530621",
                    year,
                    reports.find("530621", year, admin).orElseThrow().version(),
                    users.get(Persona.REVIEWER_IN_SCOPE).toViewer());
        }
    }

    /** The version of 鲁甸县's report of the year, which a reviewer's decision carries. */
    private String versionOf(int year) {
        return Integer.toString(
                reports.find("530621", year, users.get(Persona.ADMIN).toViewer())
                        .orElseThrow()
                        .version());
    }

    private Map<String, Probe> probes() {
        Map<String, Probe> p = new LinkedHashMap<>();
        int year = 2025;
        p.put("GET /", probe("GET", "/", everyone(Outcome.ALLOWED)));
        p.put("GET /login", probe("GET", "/login", everyone(Outcome.ALLOWED)));
        p.put("GET /catalog", probe("GET", "/catalog", everyone(Outcome.ALLOWED)));
        p.put("GET /regions", probe("GET", "/regions", everyone(Outcome.ALLOWED)));
        p.put("GET /regions/{code}", probe("GET", "/regions/530600", everyone(Outcome.ALLOWED)));
        p.put("GET /counties/{code}", probe("GET", "/counties/530621", everyone(Outcome.ALLOWED)));
        p.put(
                "GET /counties/{code}/reports/{year}",
                probe(
                        "GET",
                        "/counties/530621/reports/2023",
                        expect(
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put(
                "POST /reports",
                new Probe(
                        "POST",
                        "/reports",
                        Map.of("countyCode", "530621", "year", Integer.toString(year)),
                        expect(
                                Outcome.LOGIN,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.DENIED)));
        String draft = "/counties/530621/reports/" + year;
        Map<Persona, Outcome> clerkOnly =
                expect(Outcome.LOGIN, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED);
        Map<Persona, Outcome> reviewerInScope =
                expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED);
        p.put("GET /counties/{code}/reports/{year}/edit", probe("GET", draft + "/edit", clerkOnly));
        // the downloads follow the report's page: 2023 is submitted, so not public
        p.put(
                "GET /counties/{code}/reports/{year}/report.xlsx",
                probe(
                        "GET",
                        "/counties/530621/reports/2023/report.xlsx",
                        expect(
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put(
                "GET /counties/{code}/reports/{year}/report.csv",
                probe(
                        "GET",
                        "/counties/530621/reports/2023/report.csv",
                        expect(
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put(
                "GET /counties/{code}/reports/{year}/print",
                probe(
                        "GET",
                        "/counties/530621/reports/2023/print",
                        expect(
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        // versions are public; 2023 of this county has none, so nobody finds what a correction changed
        p.put(
                "GET /counties/{code}/reports/{year}/versions/{number}/changes",
                probe(
                        "GET",
                        "/counties/530621/reports/2023/versions/2/changes",
                        expect(
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.DENIED)));
        p.put(
                "GET /counties/{code}/reports/{year}/document.docx",
                probe(
                        "GET",
                        "/counties/530621/reports/2023/document.docx",
                        expect(
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        // a file that is no workbook: the clerk gets the form back with the problem, nothing is stored
        p.put(
                "POST /counties/{code}/reports/{year}/import",
                new Probe(UPLOAD, draft + "/import", Map.of("section", "LEADERSHIP"), clerkOnly));
        p.put(
                "POST /counties/{code}/reports/{year}/edit",
                new Probe("POST", draft + "/edit", Map.of("section", "LEADERSHIP", "version", "0"), clerkOnly));
        p.put(
                "POST /counties/{code}/reports/{year}/submit",
                new Probe("POST", draft + "/submit", Map.of("version", "0"), clerkOnly));
        p.put(
                "POST /counties/{code}/reports/{year}/return",
                new Probe(
                        "POST",
                        "/counties/530621/reports/2019/return",
                        Map.of("comment", "请补充", "version", versionOf(2019)),
                        reviewerInScope));
        p.put(
                "POST /counties/{code}/reports/{year}/approve",
                new Probe(
                        "POST",
                        "/counties/530621/reports/2018/approve",
                        Map.of("version", versionOf(2018)),
                        reviewerInScope));
        p.put(
                "POST /counties/{code}/reports/{year}/reopen",
                new Probe(
                        "POST",
                        "/counties/530621/reports/2017/reopen",
                        Map.of("reason", "口径有误", "version", versionOf(2017)),
                        expect(
                                Outcome.LOGIN,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put(
                "GET /review",
                probe(
                        "GET",
                        "/review",
                        expect(
                                Outcome.LOGIN,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.ALLOWED,
                                Outcome.ALLOWED)));
        p.put(
                "GET /counties/{code}/reports/{year}/history",
                probe(
                        "GET",
                        "/counties/530621/reports/2023/history?indicator=FUN_SERVICE_DEPTS",
                        expect(
                                Outcome.LOGIN,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        // dashboards: ranking, heat map and county profile are public (approved reports); a reviewer
        // gets only the areas of the scope; the status board and the comparison are for reviewers
        Map<Persona, Outcome> publicButScoped = expect(
                Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED);
        p.put(
                "GET /dashboards/status",
                probe(
                        "GET",
                        "/dashboards/status",
                        expect(
                                Outcome.LOGIN,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.ALLOWED,
                                Outcome.ALLOWED)));
        p.put("GET /dashboards/ranking", probe("GET", "/dashboards/ranking?area=530000&format=xlsx", publicButScoped));
        p.put("GET /dashboards/heatmap", probe("GET", "/dashboards/heatmap?area=530000", publicButScoped));
        p.put("GET /dashboards/counties/{code}", probe("GET", "/dashboards/counties/530621", publicButScoped));
        p.put(
                "GET /dashboards/compare",
                probe(
                        "GET",
                        "/dashboards/compare?area=530000",
                        expect(
                                Outcome.LOGIN,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put("GET /dashboards/scoring", probe("GET", "/dashboards/scoring", everyone(Outcome.ALLOWED)));
        // --- issue 17: data quality: reviewers (their own scope) and administrators only
        p.put(
                "GET /dashboards/quality",
                probe(
                        "GET",
                        "/dashboards/quality",
                        expect(
                                Outcome.LOGIN,
                                Outcome.DENIED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.ALLOWED,
                                Outcome.ALLOWED)));
        p.put("GET /admin/deadlines", probe("GET", "/admin/deadlines", adminOnly()));
        p.put(
                "POST /admin/deadlines",
                new Probe("POST", "/admin/deadlines", Map.of("year", "x", "deadline", "y"), adminOnly()));
        p.put("GET /account", probe("GET", "/account", loggedIn()));
        // the display switch is everyone's; false, so that the personas' pages look as they did
        p.put(
                "POST /display-mode",
                new Probe("POST", "/display-mode", Map.of("elderly", "false"), everyone(Outcome.ALLOWED)));
        p.put("GET /account/password", probe("GET", "/account/password", loggedIn()));
        p.put("POST /account/password", probe("POST", "/account/password", loggedIn()));
        p.put("GET /admin/accounts", probe("GET", "/admin/accounts", adminOnly()));
        p.put("GET /admin/accounts/new", probe("GET", "/admin/accounts/new", adminOnly()));
        p.put("POST /admin/accounts", probe("POST", "/admin/accounts", adminOnly()));
        p.put(
                "GET /admin/accounts/scope-picker",
                probe("GET", "/admin/accounts/scope-picker?role=REVIEWER", adminOnly()));
        p.put("GET /admin/accounts/{id}", probe("GET", "/admin/accounts/" + targetAccount, adminOnly()));
        p.put("POST /admin/accounts/{id}", probe("POST", "/admin/accounts/" + targetAccount, adminOnly()));
        for (String action : List.of("enable", "disable", "unlock", "reset-password")) {
            p.put(
                    "POST /admin/accounts/{id}/" + action,
                    probe("POST", "/admin/accounts/" + targetAccount + "/" + action, adminOnly()));
        }
        p.put("GET /admin/audit", probe("GET", "/admin/audit", adminOnly()));
        p.put("POST /admin/audit/verify", probe("POST", "/admin/audit/verify", adminOnly()));
        p.put(
                "GET /counties/{code}/reports/{year}/custom-figures/{id}/history",
                probe(
                        "GET",
                        draft + "/custom-figures/" + customFigure + "/history",
                        expect(
                                Outcome.LOGIN,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put("GET /admin/catalog", probe("GET", "/admin/catalog", adminOnly()));
        p.put("GET /admin/catalog/indicators/new", probe("GET", "/admin/catalog/indicators/new", adminOnly()));
        // refused by the checks (nothing typed): the form again
        p.put("POST /admin/catalog/indicators", probe("POST", "/admin/catalog/indicators", adminOnly()));
        String indicator = "/admin/catalog/indicators/" + PROBE_INDICATOR;
        p.put("GET /admin/catalog/indicators/{code}", probe("GET", indicator, adminOnly()));
        p.put(
                "POST /admin/catalog/indicators/{code}",
                new Probe("POST", indicator, Map.of("nameZh", "矩阵测试指标", "nameEn", "Matrix probe"), adminOnly()));
        p.put(
                "POST /admin/catalog/indicators/{code}/retire",
                new Probe("POST", indicator + "/retire", Map.of("fromYear", "2030"), adminOnly()));
        p.put("POST /admin/catalog/indicators/{code}/restore", probe("POST", indicator + "/restore", adminOnly()));
        // issue 17: the per-capita flag, the coverage threshold per year, the population tables (an
        // upload that is no table and a year nobody has: the page again, nothing written)
        p.put(
                "POST /admin/catalog/indicators/{code}/per-capita",
                new Probe("POST", indicator + "/per-capita", Map.of("perCapita", "true"), adminOnly()));
        p.put("GET /admin/scoring", probe("GET", "/admin/scoring", adminOnly()));
        p.put(
                "POST /admin/scoring",
                new Probe("POST", "/admin/scoring", Map.of("year", "2099", "threshold", "x"), adminOnly()));
        p.put("GET /admin/population", probe("GET", "/admin/population", adminOnly()));
        p.put("GET /admin/population.csv", probe("GET", "/admin/population.csv", adminOnly()));
        p.put(
                "POST /admin/population",
                new Probe(UPLOAD, "/admin/population", Map.of("year", "2099", "source", "矩阵测试"), adminOnly()));
        p.put(
                "POST /admin/population/delete",
                new Probe("POST", "/admin/population/delete", Map.of("year", "2099"), adminOnly()));
        p.put("GET /admin/catalog/targets", probe("GET", "/admin/catalog/targets?year=2099", adminOnly()));
        p.put(
                "POST /admin/catalog/targets",
                new Probe("POST", "/admin/catalog/targets", Map.of("year", "2099"), adminOnly()));
        p.put("GET /admin/catalog/rules", probe("GET", "/admin/catalog/rules", adminOnly()));
        p.put("GET /admin/catalog/rules/new", probe("GET", "/admin/catalog/rules/new", adminOnly()));
        p.put("POST /admin/catalog/rules", probe("POST", "/admin/catalog/rules", adminOnly()));
        String rule = "/admin/catalog/rules/" + PROBE_RULE;
        p.put("GET /admin/catalog/rules/{code}", probe("GET", rule, adminOnly()));
        p.put(
                "POST /admin/catalog/rules/{code}",
                new Probe("POST", rule, Map.of("severity", "WARNING", "messageZh", "矩阵测试规则"), adminOnly()));
        p.put(
                "POST /admin/catalog/rules/{code}/retire",
                new Probe("POST", rule + "/retire", Map.of("fromYear", "x"), adminOnly()));
        p.put("GET /admin/candidates", probe("GET", "/admin/candidates", adminOnly()));
        p.put("GET /admin/candidates/promote", probe("GET", "/admin/candidates/promote?key=矩阵测试数据", adminOnly()));
        // no indicator chosen: the form again, nothing moves
        p.put(
                "POST /admin/candidates/promote",
                new Probe("POST", "/admin/candidates/promote", Map.of("key", "矩阵测试数据"), adminOnly()));
        // last: it deletes the probe's indicator, which the next test's set-up adds again
        p.put("POST /admin/catalog/indicators/{code}/delete", probe("POST", indicator + "/delete", adminOnly()));
        // --- issue 18: the publication record (a bad date: the report's page again, nothing stored) and
        // the public list of a year's publications
        p.put(
                "POST /counties/{code}/reports/{year}/publication",
                new Probe(
                        "POST",
                        "/counties/530621/reports/2023/publication",
                        Map.of("where", "WEBSITE", "date", "x", "url", ""),
                        expect(
                                Outcome.LOGIN,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED,
                                Outcome.DENIED,
                                Outcome.ALLOWED)));
        p.put("GET /publications/{year}", probe("GET", "/publications/2023?area=530600", everyone(Outcome.ALLOWED)));
        inspectionProbes(p);
        // Boot's error page: reachable by all, its status is whatever error it renders
        p.put("GET /error", probe("GET", "/error", everyone(Outcome.ANY_BUT_LOGIN)));
        return p;
    }

    /**
     * Inspections (督察) and findings, of 红塔区 (530402) in 云南省: not public; read by reviewers in
     * scope and administrators (and the county's own clerk, whom the lifecycle tests try: neither
     * clerk here is of that county); changed by reviewers in scope; replied to only by that clerk.
     */
    private void inspectionProbes(Map<String, Probe> p) {
        InspectionFixtures.Recorded r = InspectionFixtures.recorded(
                inspections,
                findingWorkflow,
                "530402",
                users.get(Persona.REVIEWER_IN_SCOPE).toViewer(),
                TestUsers.user(accounts, "matrix-clerk-hongta", Role.COUNTY_STAFF, "530402")
                        .toViewer(),
                calendar.today());
        Map<Persona, Outcome> anyLogin = loggedIn();
        Map<Persona, Outcome> reviewers =
                expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.DENIED);
        Map<Persona, Outcome> readers =
                expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED);
        Map<Persona, Outcome> reviewerInScope =
                expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED);
        Map<Persona, Outcome> countyClerkOnly =
                expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED);
        String inspection = "/inspections/" + r.inspection();
        String open = "/findings/" + r.open();
        p.put("GET /inspections", probe("GET", "/inspections", anyLogin));
        p.put("GET /inspections/new", probe("GET", "/inspections/new", reviewers));
        p.put("POST /inspections", probe("POST", "/inspections", reviewers));
        p.put("GET /inspections/{id}", probe("GET", inspection, readers));
        p.put("GET /inspections/{id}/edit", probe("GET", inspection + "/edit", reviewerInScope));
        p.put("POST /inspections/{id}/edit", probe("POST", inspection + "/edit", reviewerInScope));
        p.put("GET /inspections/{id}/findings/new", probe("GET", inspection + "/findings/new", reviewerInScope));
        p.put("POST /inspections/{id}/findings", probe("POST", inspection + "/findings", reviewerInScope));
        p.put("GET /findings", probe("GET", "/findings", anyLogin));
        p.put("GET /findings.csv", probe("GET", "/findings.csv", anyLogin));
        p.put("GET /findings.xlsx", probe("GET", "/findings.xlsx", anyLogin));
        p.put("GET /findings/{id}", probe("GET", open, readers));
        p.put("GET /findings/{id}/edit", probe("GET", open + "/edit", reviewerInScope));
        p.put("POST /findings/{id}/edit", probe("POST", open + "/edit", reviewerInScope));
        p.put("POST /findings/{id}/reply", probe("POST", open + "/reply", countyClerkOnly));
        p.put("POST /findings/{id}/evidence", new Probe(UPLOAD, open + "/evidence", Map.of(), countyClerkOnly));
        p.put("GET /findings/{id}/evidence/{evidenceId}", probe("GET", open + "/evidence/" + r.evidence(), readers));
        p.put(
                "POST /findings/{id}/accept",
                new Probe("POST", "/findings/" + r.replied() + "/accept", Map.of("version", "1"), reviewerInScope));
        p.put(
                "POST /findings/{id}/return",
                new Probe(
                        "POST",
                        "/findings/" + r.repliedToo() + "/return",
                        Map.of("comment", "请补充材料", "version", "1"),
                        reviewerInScope));
    }

    @Test
    void everyMappedRouteHasAnExpectation() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods().keySet().forEach(info -> {
                    Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                    for (String pattern : info.getPatternValues()) {
                        if (methods.isEmpty()) {
                            mapped.add("GET " + pattern);
                        }
                        methods.forEach(m -> mapped.add(m.name() + " " + pattern));
                    }
                }));
        assertThat(probes().keySet()).containsExactlyInAnyOrderElementsOf(mapped);
    }

    @Test
    void everyPersonaGetsWhatItMayAndNothingMore() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Probe> entry : probes().entrySet()) {
            Probe probe = entry.getValue();
            for (Persona persona : Persona.values()) {
                MockHttpServletResponse response =
                        mvc.perform(request(probe, persona)).andReturn().getResponse();
                Outcome expected = probe.expected().get(persona);
                if (!matches(expected, response)) {
                    wrong.add(entry.getKey() + " as " + persona + ": expected " + expected + " but got "
                            + response.getStatus() + " " + response.getRedirectedUrl());
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    private AbstractMockHttpServletRequestBuilder<?> request(Probe probe, Persona persona) {
        AbstractMockHttpServletRequestBuilder<?> request = switch (probe.method()) {
            case "POST" -> MockMvcRequestBuilders.post(probe.url()).with(csrf());
            case UPLOAD ->
                MockMvcRequestBuilders.multipart(probe.url())
                        .file(new MockMultipartFile("file", "report.xlsx", null, "not a workbook".getBytes()))
                        .with(csrf());
            default -> MockMvcRequestBuilders.get(probe.url());
        };
        probe.params().forEach(request::param);
        if (persona != Persona.ANONYMOUS) {
            request.with(user(users.get(persona)));
        }
        return request;
    }

    private static boolean matches(Outcome expected, MockHttpServletResponse response) {
        int status = response.getStatus();
        boolean toLogin = status == 302
                && response.getRedirectedUrl() != null
                && response.getRedirectedUrl().endsWith("/login");
        return switch (expected) {
            case LOGIN -> toLogin;
            case DENIED -> status == 403 || status == 404;
            case ALLOWED -> !toLogin && status != 401 && status != 403 && status != 404 && status < 500;
            case ANY_BUT_LOGIN -> !toLogin && status != 401 && status != 403;
        };
    }

    private static Probe probe(String method, String url, Map<Persona, Outcome> expected) {
        return new Probe(method, url, Map.of(), expected);
    }

    private static Map<Persona, Outcome> everyone(Outcome outcome) {
        return expect(outcome, outcome, outcome, outcome, outcome, outcome);
    }

    private static Map<Persona, Outcome> loggedIn() {
        return expect(
                Outcome.LOGIN, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED);
    }

    private static Map<Persona, Outcome> adminOnly() {
        return expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED);
    }

    private static Map<Persona, Outcome> expect(
            Outcome anonymous,
            Outcome clerk,
            Outcome otherClerk,
            Outcome reviewer,
            Outcome otherReviewer,
            Outcome admin) {
        Map<Persona, Outcome> map = new EnumMap<>(Persona.class);
        map.put(Persona.ANONYMOUS, anonymous);
        map.put(Persona.CLERK_OF_COUNTY, clerk);
        map.put(Persona.CLERK_OF_OTHER_COUNTY, otherClerk);
        map.put(Persona.REVIEWER_IN_SCOPE, reviewer);
        map.put(Persona.REVIEWER_OUT_OF_SCOPE, otherReviewer);
        map.put(Persona.ADMIN, admin);
        return map;
    }
}
