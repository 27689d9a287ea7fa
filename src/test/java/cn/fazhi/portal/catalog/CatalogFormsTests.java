package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The catalogue's one form pipeline over HTTP: a field refused by its form's annotations (whose
 * {@code {key}} messages come from messages*.properties) or by the catalogue itself shows its
 * message next to the field, in the user's language, tied to it for screen readers, and the form
 * keeps everything typed. Nothing here is stored: every request is refused.
 */
@PortalTest
class CatalogFormsTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    private PortalUser admin() {
        return TestUsers.user(accounts, "forms-admin", Role.ADMIN, null);
    }

    private static Map<String, String> newIndicator() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", "TST_FORMS_KEPT");
        form.put("sectionCode", "CAPACITY");
        form.put("nameZh", "");
        form.put("nameEn", "Typed and kept");
        form.put("unit", "人次");
        form.put("kind", "COUNT");
        form.put("direction", "UP");
        form.put("definitionZh", "输入的口径说明");
        form.put("firstYear", "2099");
        return form;
    }

    private String post(String url, Map<String, String> params, Locale locale) {
        var request = mvc.post().uri(url).with(csrf()).with(user(admin())).locale(locale);
        if (locale.equals(Locale.ENGLISH)) {
            request.param("lang", "en");
        }
        params.forEach(request::param);
        var result = request.exchange();
        assertThat(result).hasStatusOk();
        try {
            return result.getResponse().getContentAsString();
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aRefusedFieldKeepsWhatWasTypedAndShowsItsMessageNextToItInChinese() {
        String page = post("/admin/catalog/indicators", newIndicator(), Locale.SIMPLIFIED_CHINESE);
        assertThat(page)
                .containsPattern("id=\"nameZh\"[^>]*aria-describedby=\"nameZh-error\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"nameZh-error\"[^>]*>此项必填。<")
                .contains(
                        "value=\"TST_FORMS_KEPT\"", "value=\"Typed and kept\"", "value=\"人次\"", ">输入的口径说明<", "有内容需要改正")
                .doesNotContain("id=\"nameEn-error\"", "id=\"code-error\"");
        assertThat(jdbc.queryForObject("select count(*) from indicator where code = 'TST_FORMS_KEPT'", Long.class))
                .isZero();
    }

    @Test
    void aRefusedFieldShowsItsMessageInEnglishForAnEnglishReader() {
        String page = post("/admin/catalog/indicators", newIndicator(), Locale.ENGLISH);
        assertThat(page)
                .containsPattern("id=\"nameZh-error\"[^>]*>Required.<")
                .contains("value=\"Typed and kept\"", "Some fields need correcting");
    }

    @Test
    void aCodeAlreadyUsedIsRefusedOnTheCodeFieldAlongsideTheAnnotationsRefusals() {
        Map<String, String> form = newIndicator();
        form.put("code", "LEA_PARTY_MEETINGS");
        assertThat(post("/admin/catalog/indicators", form, Locale.SIMPLIFIED_CHINESE))
                .containsPattern("id=\"code\"[^>]*value=\"LEA_PARTY_MEETINGS\"[^>]*aria-invalid=\"true\"")
                .containsPattern("id=\"code-error\"[^>]*>这个代码已被使用")
                .containsPattern("id=\"nameZh-error\"[^>]*>此项必填。<");
        assertThat(post("/admin/catalog/indicators", form, Locale.ENGLISH))
                .containsPattern("id=\"code-error\"[^>]*>This code is taken");
    }

    @Test
    void anEditedTextRefusedKeepsTheOtherTextsTyped() {
        String page = post(
                "/admin/catalog/indicators/LEA_PARTY_MEETINGS",
                Map.of("nameZh", "改过的名称", "nameEn", " ", "definitionZh", "改过的口径", "definitionEn", ""),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(page).containsPattern("id=\"nameEn-error\"[^>]*>此项必填。<").contains("value=\"改过的名称\"", ">改过的口径<");
        assertThat(jdbc.queryForObject("select name_zh from indicator where code = 'LEA_PARTY_MEETINGS'", String.class))
                .isNotEqualTo("改过的名称");
    }

    @Test
    void aTargetRefusedLandsOnItsOwnRowWithItsTypedValue() {
        String page = post(
                "/admin/catalog/targets",
                Map.of(
                        "year",
                        "2097",
                        "operators[LEA_PARTY_MEETINGS]",
                        ">=",
                        "values[LEA_PARTY_MEETINGS]",
                        "-3",
                        "operators[RUL_REVIEW_RATE]",
                        ">=",
                        "values[RUL_REVIEW_RATE]",
                        "95"),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(page)
                .containsPattern(
                        "id=\"value_LEA_PARTY_MEETINGS\"[^>]*value=\"-3\"[^>]*aria-describedby=\"value_LEA_PARTY_MEETINGS-error\"")
                .containsPattern("id=\"value_LEA_PARTY_MEETINGS-error\"[^>]*>目标值须为不小于 0 的数字")
                .containsPattern("name=\"values\\[RUL_REVIEW_RATE\\]\"[^>]*value=\"95\"")
                .doesNotContain("value_RUL_REVIEW_RATE-error");
    }

    @Test
    void aTargetsFormWithATextWhereItsMapsGoIsABadRequest() {
        assertThat(mvc.post()
                        .uri("/admin/catalog/targets")
                        .with(csrf())
                        .with(user(admin()))
                        .param("year", "2097")
                        .param("operators", "NOPE")
                        .param("values", "NOPE"))
                .hasStatus(400);
        assertThat(mvc.post()
                        .uri("/admin/catalog/targets")
                        .with(csrf())
                        .with(user(admin()))
                        .param("values[LEA_PARTY_MEETINGS]", "4"))
                .hasStatus(400);
    }

    @Test
    void aRuleWithTheSameIndicatorTwiceIsRefusedOnItsRightSide() {
        String page = post(
                "/admin/catalog/rules",
                Map.of(
                        "code",
                        "TST_FORMS_RULE",
                        "leftCode",
                        "LEA_GOV_MEETINGS",
                        "operator",
                        "<=",
                        "rightCode",
                        "LEA_GOV_MEETINGS",
                        "severity",
                        "WARNING",
                        "messageZh",
                        "规则说明",
                        "messageEn",
                        "",
                        "firstYear",
                        "2099"),
                Locale.ENGLISH);
        assertThat(page)
                .containsPattern("id=\"rightCode\"[^>]*aria-describedby=\"rightCode-error\"")
                .contains("id=\"rightCode-error\"", "value=\"TST_FORMS_RULE\"", "value=\"规则说明\"")
                .doesNotContain("id=\"leftCode-error\"");
    }

    @Test
    void aThresholdThatIsNoPercentageIsRefusedNextToItAndKept() {
        String page = post("/admin/scoring", Map.of("year", "2099", "threshold", "0.667"), Locale.SIMPLIFIED_CHINESE);
        assertThat(page)
                .containsPattern("id=\"threshold\"[^>]*value=\"0.667\"")
                .containsPattern("id=\"threshold-error\"[^>]*>请以百分数填写")
                .doesNotContain("id=\"year-error\"");
        assertThat(post("/admin/scoring", Map.of("year", "1999", "threshold", "50"), Locale.ENGLISH))
                .contains("id=\"year-error\"")
                .containsPattern("id=\"threshold\"[^>]*value=\"50\"");
        // a year that is no number: the same message next to it, what was typed kept
        assertThat(post("/admin/scoring", Map.of("year", "20x9", "threshold", "50"), Locale.SIMPLIFIED_CHINESE))
                .containsPattern("id=\"year\"[^>]*value=\"20x9\"")
                .containsPattern("id=\"year-error\"[^>]*>请填写 2015 至 2100 之间的年度");
    }

    @Test
    void aFirstYearThatIsNoNumberIsRefusedNextToItAndKept() {
        assertThat(post(
                        "/admin/catalog/rules",
                        Map.of("code", "TST_FORMS_YEAR", "firstYear", "20x9"),
                        Locale.SIMPLIFIED_CHINESE))
                .containsPattern("id=\"firstYear\"[^>]*value=\"20x9\"")
                .containsPattern("id=\"firstYear-error\"[^>]*>请填写 2000 至 2100 之间的年度");
    }
}
