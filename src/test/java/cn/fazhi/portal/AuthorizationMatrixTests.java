package cn.fazhi.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.account.AccountService;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ReportWorkflow;
import java.util.Locale;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    enum Persona { ANONYMOUS, CLERK_OF_COUNTY, CLERK_OF_OTHER_COUNTY, REVIEWER_IN_SCOPE, REVIEWER_OUT_OF_SCOPE, ADMIN }

    /**
     * ALLOWED: past access control (served, redirected elsewhere than the login, or refused by the
     * report's state with 409); LOGIN: sent to log in; DENIED: 403 or 404.
     */
    enum Outcome { ALLOWED, LOGIN, DENIED, ANY_BUT_LOGIN }

    record Probe(String method, String url, Map<String, String> params, Map<Persona, Outcome> expected) {
    }

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

    private final Map<Persona, PortalUser> users = new EnumMap<>(Persona.class);
    private long targetAccount;

    @BeforeEach
    void logins() {
        users.put(Persona.CLERK_OF_COUNTY, TestUsers.user(accounts, "matrix-clerk-ludian", Role.COUNTY_STAFF, "530621"));
        users.put(Persona.CLERK_OF_OTHER_COUNTY, TestUsers.demo(accounts, "demo-clerk"));
        users.put(Persona.REVIEWER_IN_SCOPE, TestUsers.demo(accounts, "demo-reviewer"));
        users.put(Persona.REVIEWER_OUT_OF_SCOPE, TestUsers.user(accounts, "matrix-reviewer-henan", Role.REVIEWER, "410000"));
        users.put(Persona.ADMIN, TestUsers.demo(accounts, "demo-admin"));
        // the admin's account actions land on an account of its own, not on one other tests use
        targetAccount = TestUsers.user(accounts, "matrix-target", Role.REVIEWER, "530000").getId();
        // reports of 鲁甸县 for the reviewers' decisions, one per decision (they change state)
        reportIn(2019, ReportStatus.SUBMITTED);
        reportIn(2018, ReportStatus.SUBMITTED);
        reportIn(2017, ReportStatus.APPROVED);
    }

    private void reportIn(int year, ReportStatus wanted) {
        Viewer admin = users.get(Persona.ADMIN).toViewer();
        if (reports.find("530621", year, admin).isPresent()) {
            return;
        }
        Viewer clerk = users.get(Persona.CLERK_OF_COUNTY).toViewer();
        reports.openDraft("530621", year, clerk);
        entries.saveNarrative("530621", year, reports.find("530621", year, admin).orElseThrow().version(),
                Map.of("measures", "措施", "problems", "问题", "nextYearPlan", "计划", "leadersDuty", "述法"), clerk);
        assertThat(workflow.submit("530621", year, reports.find("530621", year, admin).orElseThrow().version(), clerk,
                Locale.SIMPLIFIED_CHINESE)).isEmpty();
        if (wanted == ReportStatus.APPROVED) {
            workflow.approve("530621", year, users.get(Persona.REVIEWER_IN_SCOPE).toViewer());
        }
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
        p.put("GET /counties/{code}/reports/{year}", probe("GET", "/counties/530621/reports/2023",
                expect(Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED)));
        p.put("POST /reports", new Probe("POST", "/reports", Map.of("countyCode", "530621", "year", Integer.toString(year)),
                expect(Outcome.LOGIN, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED)));
        String draft = "/counties/530621/reports/" + year;
        Map<Persona, Outcome> clerkOnly = expect(Outcome.LOGIN, Outcome.ALLOWED, Outcome.DENIED, Outcome.DENIED,
                Outcome.DENIED, Outcome.DENIED);
        Map<Persona, Outcome> reviewerInScope = expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED,
                Outcome.DENIED, Outcome.DENIED);
        p.put("GET /counties/{code}/reports/{year}/edit", probe("GET", draft + "/edit", clerkOnly));
        // the downloads follow the report's page: 2023 is submitted, so not public
        p.put("GET /counties/{code}/reports/{year}/report.xlsx", probe("GET", "/counties/530621/reports/2023/report.xlsx",
                expect(Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED)));
        p.put("GET /counties/{code}/reports/{year}/report.csv", probe("GET", "/counties/530621/reports/2023/report.csv",
                expect(Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED)));
        // a file that is no workbook: the clerk gets the form back with the problem, nothing is stored
        p.put("POST /counties/{code}/reports/{year}/import", new Probe(UPLOAD, draft + "/import",
                Map.of("section", "LEADERSHIP"), clerkOnly));
        p.put("POST /counties/{code}/reports/{year}/edit", new Probe("POST", draft + "/edit",
                Map.of("section", "LEADERSHIP", "version", "0"), clerkOnly));
        p.put("POST /counties/{code}/reports/{year}/submit", new Probe("POST", draft + "/submit",
                Map.of("version", "0"), clerkOnly));
        p.put("POST /counties/{code}/reports/{year}/return", new Probe("POST", "/counties/530621/reports/2019/return",
                Map.of("comment", "请补充"), reviewerInScope));
        p.put("POST /counties/{code}/reports/{year}/approve", new Probe("POST", "/counties/530621/reports/2018/approve",
                Map.of(), reviewerInScope));
        p.put("POST /counties/{code}/reports/{year}/reopen", new Probe("POST", "/counties/530621/reports/2017/reopen",
                Map.of("reason", "口径有误"), expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED,
                        Outcome.DENIED, Outcome.ALLOWED)));
        p.put("GET /review", probe("GET", "/review", expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED,
                Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED)));
        p.put("GET /counties/{code}/reports/{year}/history", probe("GET",
                "/counties/530621/reports/2023/history?indicator=FUN_SERVICE_DEPTS",
                expect(Outcome.LOGIN, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED)));
        // dashboards: ranking, heat map and county profile are public (approved reports); a reviewer
        // gets only the areas of the scope; the status board and the comparison are for reviewers
        Map<Persona, Outcome> publicButScoped = expect(Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED,
                Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED);
        p.put("GET /dashboards/status", probe("GET", "/dashboards/status", expect(Outcome.LOGIN, Outcome.DENIED,
                Outcome.DENIED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED)));
        p.put("GET /dashboards/ranking", probe("GET", "/dashboards/ranking?area=530000&format=xlsx", publicButScoped));
        p.put("GET /dashboards/heatmap", probe("GET", "/dashboards/heatmap?area=530000", publicButScoped));
        p.put("GET /dashboards/counties/{code}", probe("GET", "/dashboards/counties/530621", publicButScoped));
        p.put("GET /dashboards/compare", probe("GET", "/dashboards/compare?area=530000", expect(Outcome.LOGIN,
                Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED, Outcome.DENIED, Outcome.ALLOWED)));
        p.put("GET /dashboards/scoring", probe("GET", "/dashboards/scoring", everyone(Outcome.ALLOWED)));
        p.put("GET /admin/deadlines", probe("GET", "/admin/deadlines", adminOnly()));
        p.put("POST /admin/deadlines", new Probe("POST", "/admin/deadlines", Map.of("year", "x", "deadline", "y"),
                adminOnly()));
        p.put("GET /account", probe("GET", "/account", loggedIn()));
        p.put("GET /account/password", probe("GET", "/account/password", loggedIn()));
        p.put("POST /account/password", probe("POST", "/account/password", loggedIn()));
        p.put("GET /admin/accounts", probe("GET", "/admin/accounts", adminOnly()));
        p.put("GET /admin/accounts/new", probe("GET", "/admin/accounts/new", adminOnly()));
        p.put("POST /admin/accounts", probe("POST", "/admin/accounts", adminOnly()));
        p.put("GET /admin/accounts/scope-picker", probe("GET", "/admin/accounts/scope-picker?role=REVIEWER", adminOnly()));
        p.put("GET /admin/accounts/{id}", probe("GET", "/admin/accounts/" + targetAccount, adminOnly()));
        p.put("POST /admin/accounts/{id}", probe("POST", "/admin/accounts/" + targetAccount, adminOnly()));
        for (String action : List.of("enable", "disable", "unlock", "reset-password")) {
            p.put("POST /admin/accounts/{id}/" + action,
                    probe("POST", "/admin/accounts/" + targetAccount + "/" + action, adminOnly()));
        }
        p.put("GET /admin/audit", probe("GET", "/admin/audit", adminOnly()));
        // Boot's error page: reachable by all, its status is whatever error it renders
        p.put("GET /error", probe("GET", "/error", everyone(Outcome.ANY_BUT_LOGIN)));
        return p;
    }

    @Test
    void everyMappedRouteHasAnExpectation() {
        Set<String> mapped = new TreeSet<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().keySet().forEach(info -> {
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
                MockHttpServletResponse response = mvc.perform(request(probe, persona)).andReturn().getResponse();
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
            case UPLOAD -> MockMvcRequestBuilders.multipart(probe.url())
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
        boolean toLogin = status == 302 && response.getRedirectedUrl() != null
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
        return expect(Outcome.LOGIN, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED, Outcome.ALLOWED);
    }

    private static Map<Persona, Outcome> adminOnly() {
        return expect(Outcome.LOGIN, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.DENIED, Outcome.ALLOWED);
    }

    private static Map<Persona, Outcome> expect(Outcome anonymous, Outcome clerk, Outcome otherClerk,
            Outcome reviewer, Outcome otherReviewer, Outcome admin) {
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
