package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The one-click forms of an indicator's and a rule's page (retire, delete, compare per capita) on
 * the form pipeline: what was typed is judged by the form's record, what the catalogue refuses by
 * the service's exceptions, and either comes back on the same page as the same message at its top.
 * Nothing here is stored but a probe indicator, valid from 2099 on.
 */
@PortalTest
class CatalogOneClickFormsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private PortalUser admin() {
        return TestUsers.user(accounts, "oneclick-admin", Role.ADMIN, null);
    }

    private MvcTestResult post(String url, Map<String, String> params) {
        var request = mvc.post().uri(url).with(csrf()).with(user(admin()));
        params.forEach(request::param);
        return request.exchange();
    }

    @Test
    void anUnknownIndicatorOrRuleIsNotFoundWhateverWasTyped() {
        for (String year : new String[] {"2099", "20x9", ""}) {
            assertThat(post("/admin/catalog/indicators/NO_SUCH_CODE/retire", Map.of("fromYear", year)))
                    .as(year)
                    .hasStatus(HttpStatus.NOT_FOUND);
            assertThat(post("/admin/catalog/rules/NO_SUCH_RULE/retire", Map.of("fromYear", year)))
                    .as(year)
                    .hasStatus(HttpStatus.NOT_FOUND);
        }
        assertThat(post("/admin/catalog/indicators/NO_SUCH_CODE/delete", Map.of()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/admin/catalog/indicators/NO_SUCH_CODE/restore", Map.of()))
                .hasStatus(HttpStatus.NOT_FOUND);
        assertThat(post("/admin/catalog/indicators/NO_SUCH_CODE/per-capita", Map.of("perCapita", "true")))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void aYearThatIsNoneComesBackAsTheSameMessageOnTheSamePageAndChangesNothing() throws Exception {
        for (String year : new String[] {"20x9", "", "1999", "2101", "２０９９"}) {
            assertThat(post("/admin/catalog/indicators/LEA_PARTY_MEETINGS/retire", Map.of("fromYear", year)))
                    .as(year)
                    .hasStatus(HttpStatus.FOUND)
                    .hasRedirectedUrl("/admin/catalog/indicators/LEA_PARTY_MEETINGS")
                    .flash()
                    .containsEntry("flashError", "catalogAdmin.badYear");
        }
        assertThat(post("/admin/catalog/indicators/LEA_PARTY_MEETINGS/retire", Map.of()))
                .flash()
                .containsEntry("flashError", "catalogAdmin.badYear");
        assertThat(jdbc.queryForObject(
                        "select last_year from indicator where code = 'LEA_PARTY_MEETINGS'", Integer.class))
                .isNull();
        // the page shows it at its top, in the user's language
        assertThat(mvc.get()
                        .uri("/admin/catalog/indicators/LEA_PARTY_MEETINGS")
                        .with(user(admin()))
                        .flashAttr("flashError", "catalogAdmin.badYear"))
                .hasStatusOk()
                .bodyText()
                .containsPattern("data-testid=\"flash-error\"[^>]*>请填写 2000 至 2100 之间的年度");
    }

    @Test
    void aRefusedDeleteAndARateComparedPerCapitaShowTheSameMessages() {
        // 泸西县's approved reports hold values of it (14 party meetings in 2023)
        assertThat(post("/admin/catalog/indicators/LEA_PARTY_MEETINGS/delete", Map.of()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/admin/catalog/indicators/LEA_PARTY_MEETINGS")
                .flash()
                .containsEntry("flashError", "catalogAdmin.hasValues")
                .doesNotContainKey("flash");
        assertThat(jdbc.queryForObject("select count(*) from indicator where code = 'LEA_PARTY_MEETINGS'", Long.class))
                .isOne();
        assertThat(post("/admin/catalog/indicators/RUL_REVIEW_RATE/per-capita", Map.of("perCapita", "on")))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "catalogAdmin.perCapitaNotForRates");
        assertThat(jdbc.queryForObject(
                        "select per_capita from indicator where code = 'RUL_REVIEW_RATE'", Boolean.class))
                .isFalse();
    }

    @Test
    void aProbeIndicatorIsRetiredFromALaterYearOnlyThenRestoredAndDeleted() {
        assertThat(post(
                        "/admin/catalog/indicators",
                        Map.of(
                                "code",
                                "TST_ONE_CLICK",
                                "sectionCode",
                                "CAPACITY",
                                "nameZh",
                                "一键表单测试",
                                "nameEn",
                                "One-click probe",
                                "unit",
                                "次",
                                "kind",
                                "COUNT",
                                "direction",
                                "UP",
                                "firstYear",
                                "2099")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(post("/admin/catalog/indicators/TST_ONE_CLICK/retire", Map.of("fromYear", "2099")))
                .flash()
                .containsEntry("flashError", "catalogAdmin.retireAfterFirstYear");
        assertThat(post("/admin/catalog/indicators/TST_ONE_CLICK/retire", Map.of("fromYear", " 2100 ")))
                .flash()
                .containsEntry("flash", "catalogAdmin.retired");
        assertThat(jdbc.queryForObject("select last_year from indicator where code = 'TST_ONE_CLICK'", Integer.class))
                .isEqualTo(2099);
        assertThat(post("/admin/catalog/indicators/TST_ONE_CLICK/restore", Map.of()))
                .flash()
                .containsEntry("flash", "catalogAdmin.restored");
        assertThat(post("/admin/catalog/indicators/TST_ONE_CLICK/per-capita", Map.of("perCapita", "true")))
                .flash()
                .containsEntry("flash", "catalogAdmin.saved");
        assertThat(jdbc.queryForObject("select per_capita from indicator where code = 'TST_ONE_CLICK'", Boolean.class))
                .isTrue();
        assertThat(post("/admin/catalog/indicators/TST_ONE_CLICK/delete", Map.of()))
                .hasStatus(HttpStatus.FOUND)
                .hasRedirectedUrl("/admin/catalog")
                .flash()
                .containsEntry("flash", "catalogAdmin.deleted");
        assertThat(jdbc.queryForObject("select count(*) from indicator where code = 'TST_ONE_CLICK'", Long.class))
                .isZero();
    }
}
