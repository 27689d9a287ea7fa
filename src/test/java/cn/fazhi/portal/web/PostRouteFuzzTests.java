package cn.fazhi.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.SweepTest;
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
import cn.fazhi.portal.report.ReportService;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Whatever a user or an attacker sends to a POST route, the answer is never a 5xx. The routes and
 * their parameter names come from Spring's handler mappings (as in the authorization matrix), so
 * a new route or a new field is fuzzed without anyone adding it here; the login and logout of
 * Spring Security are added by hand. Every route is tried as an anonymous visitor, a county clerk,
 * a reviewer and an administrator with: a tampered CSRF token and none (both 403 exactly), no body,
 * a JSON body, and in every parameter (all at once, and each alone) unknown, oversized, CR-LF, NUL,
 * right-to-left-override, huge and negative values; path variables that are not numbers, a digit
 * too many, huge.
 *
 * <p>What the probes change is this test's own: 楚雄市 (532301), its report of the reporting year,
 * an inspection of it, an indicator, a rule and an account to administer, and these personas.
 * Every request comes from a documentation address (192.0.2.x), so that the login throttle of the
 * loopback address other tests use is left alone.
 */
@SweepTest
@PortalTest
class PostRouteFuzzTests {

    private static final String COUNTY = "532301";
    private static final String INDICATOR = "FUZZ_PROBE";
    private static final String RULE = "FUZZ_PROBE_RULE";

    /** The values every parameter gets, each a way a form is not filled in. */
    private static final Map<String, String> VALUES = values();

    /** Fewer values when each parameter is tried alone, to stay fast. */
    private static final List<String> ALONE = List.of("unknown", "oversized", "crlf");

    /** Parameter names a route reads from a map of all its fields, or into a form's maps, by route. */
    private static final Map<String, List<String>> MAP_FIELDS = Map.of(
            "/counties/{code}/reports/{year}/edit",
                    List.of(
                            "values[LEA_PARTY_MEETINGS]",
                            "explanations[LEA_PARTY_MEETINGS]",
                            "values[LEA_GOV_MEETINGS]",
                            "values[NOPE",
                            "added.name",
                            "added.unit",
                            "added.value",
                            "added.note",
                            "figures[1].name",
                            "figures[1].remove"),
            "/admin/catalog/targets", List.of("operators[LEA_GOV_MEETINGS]", "values[LEA_GOV_MEETINGS]"));

    enum Persona {
        ANONYMOUS,
        CLERK,
        REVIEWER,
        ADMIN
    }

    record Route(String pattern, List<String> params, boolean upload) {}

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reports;

    @Autowired
    CatalogAdminService catalogAdmin;

    @Autowired
    InspectionService inspections;

    @Autowired
    FindingWorkflow findingWorkflow;

    @Autowired
    ReportingCalendar calendar;

    private final Map<Persona, PortalUser> users = new LinkedHashMap<>();
    private final Map<String, Supplier<String>> baselines = new LinkedHashMap<>();
    private int address;

    @Test
    void noPostRouteAnswersAServerErrorWhateverItIsSent() throws Exception {
        prepare();
        try {
            fuzzEveryRoute();
        } finally {
            removeCatalogueProbes();
        }
    }

    /**
     * The probe indicator and rule leave the shared catalogue with the test: valid from 2015, the
     * rule is retired from 2016 and the indicator deleted (or retired, should a probe have given it a
     * value), so that no other test's catalogue of a later year counts them.
     */
    private void removeCatalogueProbes() {
        Viewer admin = users.get(Persona.ADMIN).toViewer();
        if (catalogAdmin.rules(admin).stream().anyMatch(r -> r.rule().code().equals(RULE))) {
            catalogAdmin.retireRule(RULE, 2016, admin);
        }
        // the administrator's probes may have deleted it already
        if (catalogAdmin.indicators(admin).stream()
                .anyMatch(r -> r.indicator().code().equals(INDICATOR))) {
            try {
                catalogAdmin.delete(INDICATOR, admin);
            } catch (cn.fazhi.portal.config.ConflictException used) {
                catalogAdmin.retire(INDICATOR, 2016, admin);
            }
        }
    }

    private void fuzzEveryRoute() throws Exception {
        List<Route> routes = routes();
        assertThat(routes)
                .extracting(Route::pattern)
                .contains("/counties/{code}/reports/{year}/edit", "/counties/{code}/reports/{year}/approve", "/login");
        List<String> failures = new ArrayList<>();
        int requests = 0;
        Map<String, Long> slowest = new TreeMap<>();
        for (Route route : routes) {
            for (Persona persona : Persona.values()) {
                long started = System.nanoTime();
                for (Map.Entry<String, Probe> probe : probes(route, persona).entrySet()) {
                    requests++;
                    String outcome = outcome(probe.getValue(), persona);
                    if (outcome != null) {
                        failures.add(route.pattern() + " as " + persona + ", " + probe.getKey() + ": " + outcome);
                    }
                }
                slowest.put(route.pattern() + " as " + persona, (System.nanoTime() - started) / 1_000_000);
            }
        }
        System.out.println("Fuzzed " + requests + " requests; the slowest routes (ms): "
                + slowest.entrySet().stream()
                        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                        .limit(8)
                        .toList());
        assertThat(requests).isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    /** One request to send, and the status it must have (null: anything below 500). */
    record Probe(AbstractMockHttpServletRequestBuilder<?> request, Integer expected) {}

    private Map<String, Probe> probes(Route route, Persona persona) throws Exception {
        Map<String, Probe> probes = new LinkedHashMap<>();
        String url = expand(route.pattern(), null);
        Map<String, String> base = baselineParams(route);
        // CSRF: a real token of this visitor's session with its first characters replaced, and none
        MockHttpSession session = new MockHttpSession();
        String token = csrfToken(persona, session);
        AbstractMockHttpServletRequestBuilder<?> tampered = as(
                        MockMvcRequestBuilders.post(url).session(session), persona)
                .param("_csrf", "AAAA" + token.substring(4));
        base.forEach(tampered::param);
        // (the error page is not a route to post to: 404 before anything else)
        Integer refused = route.pattern().equals("/error") ? 404 : 403;
        probes.put("tampered CSRF token", new Probe(tampered, refused));
        AbstractMockHttpServletRequestBuilder<?> missing = as(MockMvcRequestBuilders.post(url), persona);
        base.forEach(missing::param);
        probes.put("no CSRF token", new Probe(missing, refused));
        probes.put("empty body", new Probe(valid(url, persona), null));
        // a visitor sent to log in, or refused, by the route is refused whatever it sends: no need
        // to try each parameter and path variable alone (this keeps the test within a minute or two)
        MockHttpServletResponse empty =
                mvc.perform(valid(url, persona)).andReturn().getResponse();
        boolean reached = !(empty.getStatus() == 403
                || empty.getStatus() == 404
                || (empty.getStatus() == 302
                        && empty.getRedirectedUrl() != null
                        && empty.getRedirectedUrl().endsWith("/login")));
        probes.put(
                "JSON body",
                new Probe(
                        valid(url, persona)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content("{\"section\":\"NOPE\",\"version\":[1]}"),
                        null));
        if (route.upload()) {
            probes.put("a file that is no workbook", new Probe(upload(url, persona, "not a file".getBytes()), null));
            probes.put("an empty file", new Probe(upload(url, persona, new byte[0]), null));
        }
        for (Map.Entry<String, String> value : VALUES.entrySet()) {
            AbstractMockHttpServletRequestBuilder<?> all = valid(url, persona);
            route.params().forEach(name -> all.param(name, value.getValue()));
            probes.put("every parameter " + value.getKey(), new Probe(all, null));
            if (reached && ALONE.contains(value.getKey())) {
                for (String name : route.params()) {
                    AbstractMockHttpServletRequestBuilder<?> alone = valid(url, persona);
                    base.forEach(alone::param);
                    alone.param(name, value.getValue());
                    probes.put(name + " " + value.getKey(), new Probe(alone, null));
                }
            }
        }
        if (reached && route.pattern().contains("{")) {
            for (String variable : List.of("abc", "99999999999999999999", "5323010")) {
                AbstractMockHttpServletRequestBuilder<?> path = valid(expand(route.pattern(), variable), persona);
                base.forEach(path::param);
                probes.put("path variables " + variable, new Probe(path, null));
            }
        }
        return probes;
    }

    /** What went wrong with a probe, or null. */
    private String outcome(Probe probe, Persona persona) {
        try {
            MockHttpServletResponse response =
                    mvc.perform(probe.request()).andReturn().getResponse();
            int status = response.getStatus();
            if (status >= 500) {
                return "status " + status;
            }
            if (probe.expected() != null && status != probe.expected()) {
                return "status " + status + ", expected " + probe.expected();
            }
            return null;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            return "exception " + e.getClass().getSimpleName() + " (" + root + ")";
        }
    }

    private AbstractMockHttpServletRequestBuilder<?> valid(String url, Persona persona) {
        return as(MockMvcRequestBuilders.post(url), persona).with(csrf());
    }

    private AbstractMockHttpServletRequestBuilder<?> upload(String url, Persona persona, byte[] content) {
        return as(
                        MockMvcRequestBuilders.multipart(url)
                                .file(new MockMultipartFile("file", "x\u202Eslx.exe", null, content)),
                        persona)
                .with(csrf());
    }

    private AbstractMockHttpServletRequestBuilder<?> as(
            AbstractMockHttpServletRequestBuilder<?> request, Persona persona) {
        String from = "192.0.2." + (1 + address++ % 250);
        request.with(r -> {
            r.setRemoteAddr(from);
            return r;
        });
        return persona == Persona.ANONYMOUS ? request : request.with(user(users.get(persona)));
    }

    /** The masked CSRF token a page of this visitor's session carries, as a browser would send it. */
    private String csrfToken(Persona persona, MockHttpSession session) throws Exception {
        AbstractMockHttpServletRequestBuilder<?> page = MockMvcRequestBuilders.get(
                        persona == Persona.ANONYMOUS ? "/login" : "/")
                .session(session);
        if (persona != Persona.ANONYMOUS) {
            page.with(user(users.get(persona)));
        }
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(mvc.perform(page).andReturn().getResponse().getContentAsString());
        assertThat(m.find()).as("a CSRF token on the page of " + persona).isTrue();
        return m.group(1);
    }

    /** The route's path with its variables filled: this test's own objects, or the fuzz value. */
    private String expand(String pattern, String fuzz) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(pattern);
        StringBuilder url = new StringBuilder();
        while (m.find()) {
            String value = fuzz != null ? fuzz : baseline(pattern, m.group(1));
            m.appendReplacement(url, Matcher.quoteReplacement(value));
        }
        m.appendTail(url);
        return url.toString();
    }

    private String baseline(String pattern, String variable) {
        String key = pattern.replaceAll("/\\{" + variable + "}.*", "") + "/{" + variable + "}";
        Supplier<String> value = baselines.get(key);
        assertThat(value)
                .as("a value of " + variable + " in " + pattern + " (" + key + ")")
                .isNotNull();
        return value.get();
    }

    /** The parameters that let a probe of one parameter reach the route's own checks. */
    private Map<String, String> baselineParams(Route route) {
        Map<String, String> params = new TreeMap<>();
        if (route.pattern().startsWith("/counties/{code}/reports/{year}")) {
            params.put("version", Integer.toString(reportVersion()));
            if (route.params().contains("section")) {
                params.put("section", "LEADERSHIP");
            }
        }
        if (route.params().contains("year") && !route.pattern().startsWith("/counties")) {
            params.put("year", "2099"); // the targets and deadlines of a year nobody reports
        }
        params.keySet().retainAll(route.params());
        return params;
    }

    private int reportVersion() {
        return reports.find(
                        COUNTY,
                        reports.reportingYear(),
                        users.get(Persona.ADMIN).toViewer())
                .orElseThrow()
                .version();
    }

    /** Every POST route of the handler mappings with the parameter names its method reads. */
    private List<Route> routes() {
        Map<String, Route> routes = new TreeMap<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()
                .forEach(mapping -> mapping.getHandlerMethods()
                        .forEach((RequestMappingInfo info, HandlerMethod method) -> {
                            Set<RequestMethod> methods =
                                    info.getMethodsCondition().getMethods();
                            if (!methods.isEmpty() && !methods.contains(RequestMethod.POST)) {
                                return;
                            }
                            for (String pattern : info.getPatternValues()) {
                                Set<String> names = new LinkedHashSet<>();
                                boolean upload = false;
                                for (MethodParameter parameter : method.getMethodParameters()) {
                                    upload |= parameter.getParameterType() == MultipartFile.class;
                                    names.addAll(namesOf(parameter, pattern));
                                }
                                Route known = routes.get(pattern);
                                if (known != null) {
                                    names.addAll(known.params());
                                    upload |= known.upload();
                                }
                                routes.put(pattern, new Route(pattern, List.copyOf(names), upload));
                            }
                        }));
        // Spring Security's own POST endpoints
        routes.put("/login", new Route("/login", List.of("username", "password"), false));
        routes.put("/logout", new Route("/logout", List.of(), false));
        return List.copyOf(routes.values());
    }

    private static List<String> namesOf(MethodParameter parameter, String pattern) {
        parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
        Class<?> type = parameter.getParameterType();
        if (parameter.hasParameterAnnotation(PathVariable.class)
                || parameter.hasParameterAnnotation(RequestHeader.class)
                || parameter.hasParameterAnnotation(AuthenticationPrincipal.class)) {
            return List.of();
        }
        RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
        if (param != null) {
            if (Map.class.isAssignableFrom(type)) {
                return MAP_FIELDS.getOrDefault(pattern, List.of("anything"));
            }
            String name = !param.name().isEmpty() ? param.name() : parameter.getParameterName();
            return List.of(name);
        }
        if (type == MultipartFile.class) {
            return List.of(parameter.getParameterName());
        }
        boolean form = parameter.hasParameterAnnotation(ModelAttribute.class)
                || (!BeanUtils.isSimpleProperty(type)
                        && !type.getName().startsWith("java")
                        && !type.getName().startsWith("jakarta")
                        && !type.getName().startsWith("org.springframework")
                        && !BindingResult.class.isAssignableFrom(type));
        if (!form) {
            return List.of();
        }
        List<String> names = new ArrayList<>(MAP_FIELDS.getOrDefault(pattern, List.of()));
        if (type.isRecord()) {
            for (RecordComponent component : type.getRecordComponents()) {
                names.add(component.getName());
            }
        } else {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }

    /** This test's own county, report, inspection, catalogue entries and accounts. */
    private void prepare() {
        users.put(Persona.CLERK, TestUsers.user(accounts, "fuzz-clerk-" + COUNTY, Role.COUNTY_STAFF, COUNTY));
        users.put(Persona.REVIEWER, TestUsers.user(accounts, "fuzz-reviewer", Role.REVIEWER, "530000"));
        users.put(Persona.ADMIN, TestUsers.user(accounts, "fuzz-admin", Role.ADMIN, null));
        Viewer admin = users.get(Persona.ADMIN).toViewer();
        Viewer clerk = users.get(Persona.CLERK).toViewer();
        int year = reports.reportingYear();
        if (reports.find(COUNTY, year, admin).isEmpty()) {
            reports.openDraft(COUNTY, year, clerk);
        }
        long target =
                TestUsers.user(accounts, "fuzz-target", Role.REVIEWER, "530000").getId();
        if (catalogAdmin.indicators(admin).stream()
                .noneMatch(r -> r.indicator().code().equals(INDICATOR))) {
            assertThat(catalogAdmin
                            .add(
                                    new IndicatorForm(
                                            INDICATOR,
                                            "LEADERSHIP",
                                            "模糊测试指标",
                                            "Fuzz probe",
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
                    .isEqualTo(INDICATOR);
        }
        if (catalogAdmin.rules(admin).stream().noneMatch(r -> r.rule().code().equals(RULE))) {
            assertThat(catalogAdmin
                            .addRule(
                                    new RuleForm(
                                            RULE,
                                            "LEA_PARTY_MEETINGS",
                                            "<=",
                                            "LEA_GOV_MEETINGS",
                                            "WARNING",
                                            "模糊测试规则",
                                            "",
                                            "2015"),
                                    admin)
                            .code())
                    .isEqualTo(RULE);
        }
        InspectionFixtures.Recorded inspection = InspectionFixtures.recorded(
                inspections,
                findingWorkflow,
                COUNTY,
                users.get(Persona.REVIEWER).toViewer(),
                clerk,
                calendar.today());
        baselines.put("/counties/{code}", () -> COUNTY);
        baselines.put("/counties/{code}/reports/{year}", () -> Integer.toString(year));
        baselines.put("/admin/catalog/indicators/{code}", () -> INDICATOR);
        baselines.put("/admin/catalog/rules/{code}", () -> RULE);
        baselines.put("/admin/accounts/{id}", () -> Long.toString(target));
        baselines.put("/inspections/{id}", () -> Long.toString(inspection.inspection()));
        baselines.put("/findings/{id}", () -> Long.toString(inspection.open()));
    }

    private static Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("unknown", "NOPE");
        values.put("oversized", "长".repeat(25_000)); // above every limit (20,000 for a narrative part)
        values.put("crlf", "LEADERSHIP\r\nSet-Cookie: x=1");
        values.put("nul", "a\u0000b");
        values.put("rtl", "x\u202Egnp.exe");
        values.put("huge", "99999999999999999999999999");
        values.put("negative", "-1");
        values.put("blank", " ");
        return values;
    }
}
