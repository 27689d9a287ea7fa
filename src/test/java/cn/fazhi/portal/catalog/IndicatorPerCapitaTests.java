package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The catalogue's flag "compare per 10,000 residents" (按每万常住人口比较), set by an administrator on
 * a new indicator and on an existing one, only for counts and amounts. The indicator these tests add
 * is valid only from 2099 on and deleted at the end, so that the catalogue other tests see (and the
 * 40 flagged indicators of V14) stay as they are.
 */
@PortalTest
class IndicatorPerCapitaTests {

    private static final String CODE = "TST_PER_CAPITA";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    CatalogService catalogs;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogAdminService catalogAdmin;

    @Test
    void aCountIsFlaggedOnItsFormAndOnItsPageAndEveryChangeIsAudited() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        try {
            assertThat(post(admin, "/admin/catalog/indicators", newIndicator("COUNT")))
                    .hasStatus(HttpStatus.FOUND);
            assertThat(catalogs.forYear(2099).indicator(CODE).orElseThrow().perCapita())
                    .isTrue();
            // the list shows the flag in the indicator's row, the page the box ticked
            assertThat(mvc.get().uri("/admin/catalog").with(user(admin)))
                    .hasStatusOk()
                    .bodyText()
                    .containsPattern("id=\"indicator-" + CODE + "\"(?s:(?!</tr>).)*每万人");
            assertThat(mvc.get().uri("/admin/catalog/indicators/" + CODE).with(user(admin)))
                    .hasStatusOk()
                    .bodyText()
                    .contains("id=\"per-capita-form\"")
                    .containsPattern("id=\"perCapita\"[^>]*checked");

            // an unticked box is sent as nothing: compared as reported again
            assertThat(post(admin, "/admin/catalog/indicators/" + CODE + "/per-capita", Map.of()))
                    .hasStatus(HttpStatus.FOUND)
                    .flash()
                    .containsEntry("flash", "catalogAdmin.saved");
            assertThat(catalogs.forYear(2099).indicator(CODE).orElseThrow().perCapita())
                    .isFalse();
            assertThat(mvc.get().uri("/admin/catalog/indicators/" + CODE).with(user(admin)))
                    .bodyText()
                    .contains("按报送的数值比较");
            // the same again changes nothing and is not audited twice
            assertThat(post(admin, "/admin/catalog/indicators/" + CODE + "/per-capita", Map.of()))
                    .hasStatus(HttpStatus.FOUND);
            assertThat(post(admin, "/admin/catalog/indicators/" + CODE + "/per-capita", Map.of("perCapita", "true")))
                    .hasStatus(HttpStatus.FOUND);
            assertThat(catalogs.forYear(2099).indicator(CODE).orElseThrow().perCapita())
                    .isTrue();

            assertThat(audit.historyOf("Indicator", CODE))
                    .extracting(AuditEntry::action)
                    .containsExactly("INDICATOR_CHANGED", "INDICATOR_CHANGED", "INDICATOR_ADDED");
            AuditEntry off = audit.historyOf("Indicator", CODE).get(1);
            assertThat(off.beforeState()).contains("\"perCapita\": true");
            assertThat(off.afterState()).contains("\"perCapita\": false");
        } finally {
            if (jdbc.queryForObject("select count(*) from indicator where code = ?", Long.class, CODE) > 0) {
                catalogAdmin.delete(CODE, admin.toViewer()); // throws when it is used
            }
        }
    }

    @Test
    void aRateIsNeverComparedPerCapitaByTheFormsOrTheDatabase() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        MvcTestResult refused = post(admin, "/admin/catalog/indicators", newIndicator("RATE"));
        assertThat(refused)
                .hasStatusOk()
                .bodyText()
                .contains("比率和百分比不按人口折算", "value=\"测试每万人指标\"")
                .containsPattern("id=\"perCapita\"[^>]*checked");
        assertThat(jdbc.queryForObject("select count(*) from indicator where code = ?", Long.class, CODE))
                .isZero();

        // an existing rate: its page offers no box, a forged request is refused
        assertThat(mvc.get().uri("/admin/catalog/indicators/RUL_REVIEW_RATE").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("id=\"per-capita-rate\"")
                .doesNotContain("id=\"per-capita-form\"");
        assertThat(post(admin, "/admin/catalog/indicators/RUL_REVIEW_RATE/per-capita", Map.of("perCapita", "true")))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "catalogAdmin.perCapitaNotForRates");
        assertThat(jdbc.queryForObject(
                        "select per_capita from indicator where code = 'RUL_REVIEW_RATE'", Boolean.class))
                .isFalse();
        assertThatThrownBy(() -> jdbc.update("update indicator set per_capita = true where code = 'RUL_REVIEW_RATE'"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void onlyAnAdministratorSetsTheFlag() {
        PortalUser reviewer = TestUsers.demo(accounts, "demo-reviewer");
        assertThat(post(
                        reviewer,
                        "/admin/catalog/indicators/LEA_PARTY_MEETINGS/per-capita",
                        Map.of("perCapita", "true")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(jdbc.queryForObject(
                        "select per_capita from indicator where code = 'LEA_PARTY_MEETINGS'", Boolean.class))
                .isFalse();
    }

    private static Map<String, String> newIndicator(String kind) {
        Map<String, String> form = new LinkedHashMap<>(Map.of(
                "code",
                CODE,
                "sectionCode",
                "DISPUTES",
                "nameZh",
                "测试每万人指标",
                "nameEn",
                "Per-capita probe",
                "unit",
                "件",
                "kind",
                kind,
                "direction",
                "UP",
                "firstYear",
                "2099"));
        form.put("perCapita", "true");
        return form;
    }

    private MvcTestResult post(PortalUser user, String url, Map<String, String> params) {
        var request = mvc.post().uri(url).with(csrf()).with(user(user));
        params.forEach(request::param);
        return request.exchange();
    }
}
