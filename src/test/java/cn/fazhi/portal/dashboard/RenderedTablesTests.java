package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.config.CacheConfiguration;
import cn.fazhi.portal.config.RenderedHtml;
import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The dashboards' table bodies rendered once and kept ({@link RenderedTables}) and inserted by
 * {@code portal:body} (config.RenderedHtmlDialect): escaped and never evaluated again on a real
 * page, a rendering per table content and locale, and nothing but a rendering accepted.
 */
@PortalTest
class RenderedTablesTests {

    /** A name that would run a script if not escaped and show 2 if read as a template again. */
    private static final String HOSTILE = "[[${1+1}]]<script>alert(1)</script>县";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountService accounts;

    @Autowired
    RenderedTables rendered;

    @Autowired
    CacheManager caches;

    @Autowired
    ITemplateEngine templates;

    @Test
    void aCountysNameComesOutEscapedAndUnevaluatedOnThePage() throws Exception {
        // a province of its own (99), its one county named like an attack; removed afterwards
        jdbc.update(
                "insert into region (code, name, level, parent_code, province_code) values ('990000', '测试省', 'PROVINCE', null, '990000')");
        jdbc.update("insert into region (code, name, level, parent_code, province_code, prefecture_code) "
                + "values ('990100', '测试市', 'PREFECTURE', '990000', '990000', '990100')");
        jdbc.update(
                "insert into region (code, name, level, parent_code, province_code, prefecture_code) "
                        + "values ('990101', ?, 'COUNTY', '990100', '990000', '990100')",
                HOSTILE);
        try {
            forgetTheRegionTree();
            PortalUser admin = TestUsers.user(accounts, "rendered-tables-admin", Role.ADMIN, null);
            for (int i = 0; i < 2; i++) { // rendered, then as kept
                String html = mvc.perform(get("/dashboards/status")
                                .param("year", "2024")
                                .param("area", "990000")
                                .with(user(admin)))
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                // not run as a script, not read as a template again (it would say 2), the attribute gone
                assertThat(html)
                        .doesNotContain("<script>alert(1)", ">2&lt;script", "portal:body")
                        .contains("[[${1+1}]]&lt;script&gt;alert(1)&lt;/script&gt;县");
                Element row =
                        Jsoup.parse(html).select("#table-counties tbody tr").first();
                assertThat(row.text()).contains(HOSTILE);
                assertThat(row.select("script")).isEmpty();
            }
        } finally {
            jdbc.update("delete from region where code in ('990101', '990100', '990000')");
            forgetTheRegionTree();
        }
    }

    /** The tree is read once and kept (only migrations write regions); this test's province is not. */
    private void forgetTheRegionTree() {
        caches.getCache(CacheConfiguration.REGION_TREE).clear();
    }

    @Test
    void theSameTableIsRenderedOnceAndEachLocaleOnce() {
        DashboardTable table = new DashboardTable(
                "t", "表", List.of("列"), List.of(Row.of(Cell.text("县 " + System.nanoTime()), Cell.integer(7))));
        long before = rendered.renderings();
        RenderedHtml first = rendered.body(table, request(), new MockHttpServletResponse(), Locale.SIMPLIFIED_CHINESE);
        // an equal table (another instance, same content) is the same key
        DashboardTable same = new DashboardTable("t", "表", List.of("列"), List.copyOf(table.rows()));
        RenderedHtml again = rendered.body(same, request(), new MockHttpServletResponse(), Locale.SIMPLIFIED_CHINESE);
        assertThat(again).isSameAs(first);
        assertThat(rendered.renderings() - before).isEqualTo(1);

        RenderedHtml english = rendered.body(table, request(), new MockHttpServletResponse(), Locale.ENGLISH);
        assertThat(rendered.renderings() - before)
                .as("another locale, another rendering")
                .isEqualTo(2);
        assertThat(english).isNotSameAs(first);
        assertThat(rendered.body(table, request(), new MockHttpServletResponse(), Locale.ENGLISH))
                .isSameAs(english);
        assertThat(rendered.renderings() - before).isEqualTo(2);
    }

    @Test
    void portalBodyRefusesAnythingButARendering() {
        DashboardTable table = new DashboardTable("t", "表", List.of("列"), List.of());
        MockHttpServletRequest request = request();
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        assertThatThrownBy(() -> templates.process(
                        "dashboard/parts",
                        Set.of("table"),
                        new WebContext(
                                exchange,
                                Locale.SIMPLIFIED_CHINESE,
                                Map.of(
                                        "t",
                                        table,
                                        "exportBase",
                                        "/x?",
                                        "bodies",
                                        Map.of("t", "<tr><td><script>alert(1)</script></td></tr>")))))
                .hasStackTraceContaining("portal:body takes only markup a template rendered");
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/dashboards/status");
        request.setContextPath("/portal");
        return request;
    }
}
