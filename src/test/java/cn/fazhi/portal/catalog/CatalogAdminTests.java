package cn.fazhi.portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.report.ReportEntryService;
import cn.fazhi.portal.report.ReportService;
import cn.fazhi.portal.report.internal.SectionForm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Catalogue administration over HTTP. The indicators these tests add are valid only in years no
 * other test reports on (2016, or from 2098 on), so that the catalogue other tests see stays the
 * catalogue of the reference data.
 */
@PortalTest
class CatalogAdminTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    CatalogService catalogs;

    @Autowired
    ReportService reports;

    @Autowired
    ReportEntryService entries;

    @Autowired
    AuditService audit;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CatalogAdminService admin;

    @Test
    void anIndicatorIsAddedOnlyWhenWellFormedAndWhatWasTypedIsShownBack() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        MvcTestResult refused = post(
                admin,
                "/admin/catalog/indicators",
                Map.of(
                        "code",
                        "bad code",
                        "sectionCode",
                        "LEADERSHIP",
                        "nameZh",
                        "",
                        "nameEn",
                        "Trainees",
                        "unit",
                        "人次",
                        "kind",
                        "RATE",
                        "direction",
                        "UP",
                        "targetOperator",
                        ">=",
                        "targetValue",
                        "150",
                        "firstYear",
                        "20x6"));
        assertThat(refused)
                .hasStatusOk()
                .bodyText()
                .contains(
                        "value=\"bad code\"",
                        "value=\"Trainees\"",
                        "代码须以大写字母开头",
                        "此项必填",
                        "比率不能超过 100",
                        "请填写 2000 至 2100 之间的年度");
        assertThat(jdbc.queryForObject("select count(*) from indicator where name_en = 'Trainees'", Long.class))
                .isZero();

        assertThat(post(
                        admin,
                        "/admin/catalog/indicators",
                        Map.of(
                                "code",
                                "TST_ADMIN_ADDED",
                                "sectionCode",
                                "CAPACITY",
                                "nameZh",
                                "测试新增指标",
                                "nameEn",
                                "Added by a test",
                                "unit",
                                "人次",
                                "kind",
                                "COUNT",
                                "direction",
                                "UP",
                                "firstYear",
                                "2099")))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/admin/catalog/indicators/TST_ADMIN_ADDED");
        assertThat(catalogs.forYear(2099).indicator("TST_ADMIN_ADDED")).isPresent();
        assertThat(catalogs.forYear(2098).indicator("TST_ADMIN_ADDED")).isEmpty();
        assertThat(post(
                        admin,
                        "/admin/catalog/indicators/TST_ADMIN_ADDED",
                        Map.of("nameZh", "测试新增指标（改）", "nameEn", "Added by a test", "definitionZh", "口径说明")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(catalogs.forYear(2099)
                        .indicator("TST_ADMIN_ADDED")
                        .orElseThrow()
                        .definitionZh())
                .isEqualTo("口径说明");
        // the same code twice is refused
        assertThat(post(
                        admin,
                        "/admin/catalog/indicators",
                        Map.of(
                                "code",
                                "TST_ADMIN_ADDED",
                                "sectionCode",
                                "CAPACITY",
                                "nameZh",
                                "重复",
                                "nameEn",
                                "Again",
                                "unit",
                                "次",
                                "kind",
                                "COUNT",
                                "direction",
                                "UP",
                                "firstYear",
                                "2099")))
                .hasStatusOk()
                .bodyText()
                .contains("这个代码已被使用");

        // nobody reported it: it can be deleted
        assertThat(post(admin, "/admin/catalog/indicators/TST_ADMIN_ADDED/delete", Map.of()))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .isEqualTo("/admin/catalog");
        assertThat(catalogs.forYear(2099).indicator("TST_ADMIN_ADDED")).isEmpty();
        assertThat(audit.historyOf("Indicator", "TST_ADMIN_ADDED"))
                .extracting(AuditEntry::action)
                .containsExactly("INDICATOR_DELETED", "INDICATOR_CHANGED", "INDICATOR_ADDED");
    }

    @Test
    void aRetiredIndicatorStaysOnOldReportsLeavesNewOnesAndCanNeverBeDeleted() throws IOException {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        assertThat(post(
                        admin,
                        "/admin/catalog/indicators",
                        Map.of(
                                "code",
                                "TST_RETIRED",
                                "sectionCode",
                                "LEADERSHIP",
                                "nameZh",
                                "测试停用指标",
                                "nameEn",
                                "Retired by a test",
                                "unit",
                                "次",
                                "kind",
                                "COUNT",
                                "direction",
                                "UP",
                                "firstYear",
                                "2016")))
                .hasStatus(HttpStatus.FOUND);
        PortalUser clerk = TestUsers.user(accounts, "catalog-clerk-530602", Role.COUNTY_STAFF, "530602");
        reports.openDraft("530602", 2016, clerk.toViewer());
        reports.openDraft("530602", 2017, clerk.toViewer());
        assertThat(entries.saveSection(
                        "530602",
                        2016,
                        SectionForm.of("LEADERSHIP", version(2016), Map.of("TST_RETIRED", "7")),
                        clerk.toViewer()))
                .isEmpty();

        // not from its first year: that would rewrite the report that has it
        assertThat(post(admin, "/admin/catalog/indicators/TST_RETIRED/retire", Map.of("fromYear", "2016")))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "catalogAdmin.retireAfterFirstYear");
        assertThat(post(admin, "/admin/catalog/indicators/TST_RETIRED/retire", Map.of("fromYear", "2017")))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flash", "catalogAdmin.retired");

        // 2016's form, page and Excel form keep it; 2017's have none of it
        assertThat(mvc.get()
                        .uri("/counties/530602/reports/2016/edit?section=LEADERSHIP")
                        .with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("name=\"values[TST_RETIRED]\"", "value=\"7\"", "上年目录无此指标");
        assertThat(mvc.get()
                        .uri("/counties/530602/reports/2017/edit?section=LEADERSHIP")
                        .with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("v_TST_RETIRED", "values[TST_RETIRED]", "测试停用指标");
        assertThat(workbookCodes(clerk, 2016)).contains("TST_RETIRED");
        assertThat(workbookCodes(clerk, 2017)).doesNotContain("TST_RETIRED");
        assertThat(mvc.get().uri("/catalog?year=2017")).bodyText().doesNotContain("TST_RETIRED");
        assertThat(mvc.get().uri("/catalog?year=2016")).bodyText().contains("TST_RETIRED");

        // a value exists: deleting is refused, by the service and by the database's foreign key alike
        assertThat(post(admin, "/admin/catalog/indicators/TST_RETIRED/delete", Map.of()))
                .hasStatus(HttpStatus.FOUND)
                .flash()
                .containsEntry("flashError", "catalogAdmin.hasValues");
        assertThat(catalogs.forYear(2016).indicator("TST_RETIRED")).isPresent();
        assertThatThrownBy(() -> jdbc.update("delete from indicator where code = 'TST_RETIRED'"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(audit.historyOf("Indicator", "TST_RETIRED"))
                .extracting(AuditEntry::action)
                .containsExactly("INDICATOR_RETIRED", "INDICATOR_ADDED");
    }

    @Test
    void theTargetsOfAYearStartFromLastYearsAndAreStoredOnlyWhenAllAreWellFormed() {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        // the review rate's national target (≥ 100) is last year's default: copying starts from it
        assertThat(mvc.get().uri("/admin/catalog/targets?year=2098&copy=true").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .containsPattern("name=\"values\\[RUL_REVIEW_RATE\\]\"[^>]*value=\"100\"");
        MvcTestResult refused = post(
                admin,
                "/admin/catalog/targets",
                Map.of(
                        "year",
                        "2098",
                        "operators[RUL_REVIEW_RATE]",
                        ">=",
                        "values[RUL_REVIEW_RATE]",
                        "95",
                        "operators[LEA_PARTY_MEETINGS]",
                        ">=",
                        "values[LEA_PARTY_MEETINGS]",
                        "四次"));
        assertThat(refused).hasStatusOk().bodyText().contains("value=\"四次\"", "目标值须为不小于 0 的数字");
        assertThat(catalogs.forYear(2098)
                        .indicator("RUL_REVIEW_RATE")
                        .orElseThrow()
                        .target()
                        .value())
                .isEqualByComparingTo("100");

        assertThat(post(
                        admin,
                        "/admin/catalog/targets",
                        Map.of(
                                "year",
                                "2098",
                                "operators[RUL_REVIEW_RATE]",
                                ">=",
                                "values[RUL_REVIEW_RATE]",
                                "95",
                                "operators[LEA_PARTY_MEETINGS]",
                                ">=",
                                "values[LEA_PARTY_MEETINGS]",
                                "4")))
                .hasStatus(HttpStatus.FOUND);
        Catalog year = catalogs.forYear(2098);
        assertThat(year.indicator("RUL_REVIEW_RATE").orElseThrow().target().display())
                .isEqualTo("≥ 95");
        assertThat(year.indicator("LEA_PARTY_MEETINGS").orElseThrow().target().display())
                .isEqualTo("≥ 4");
        // other years keep theirs
        assertThat(catalogs.forYear(2097)
                        .indicator("RUL_REVIEW_RATE")
                        .orElseThrow()
                        .target()
                        .display())
                .isEqualTo("≥ 100");
        assertThat(audit.historyOf("TargetYear", "2098"))
                .extracting(AuditEntry::action)
                .containsExactly("TARGETS_SET");
    }

    @Test
    void aRuleIsPreviewedAgainstApprovedReportsBeforeItIsAdded() throws IOException {
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        Map<String, String> rule = Map.of(
                "code",
                "TST_PARTY_LE_GOV",
                "leftCode",
                "LEA_PARTY_MEETINGS",
                "operator",
                "<=",
                "rightCode",
                "LEA_GOV_MEETINGS",
                "severity",
                "WARNING",
                "messageZh",
                "党委专题研究次数多于政府常务会议",
                "firstYear",
                "2020");
        // 泸西县 2023 (approved): 14 party meetings, 12 government meetings
        MvcTestResult preview = post(admin, "/admin/catalog/rules", with(rule, "preview", "1"));
        assertThat(preview).hasStatusOk().bodyText().contains("已通过审核的报告中有", "泸西县", "2023");
        assertThat(preview.getResponse().getContentAsString()).contains("value=\"TST_PARTY_LE_GOV\"");
        assertThat(jdbc.queryForObject(
                        "select count(*) from validation_rule where code = 'TST_PARTY_LE_GOV'", Long.class))
                .isZero();
        assertThat(post(admin, "/admin/catalog/rules", with(rule, "leftCode", "LEA_GOV_MEETINGS")))
                .hasStatusOk()
                .bodyText()
                .contains("两个指标不能相同");

        // stored from 2099 on, so that no other test's report is checked by it
        assertThat(post(admin, "/admin/catalog/rules", with(rule, "firstYear", "2099")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(catalogs.forYear(2099).rules()).anyMatch(r -> r.code().equals("TST_PARTY_LE_GOV"));
        assertThat(catalogs.forYear(2098).rules()).noneMatch(r -> r.code().equals("TST_PARTY_LE_GOV"));
        assertThat(post(
                        admin,
                        "/admin/catalog/rules/TST_PARTY_LE_GOV",
                        Map.of("severity", "ERROR", "messageZh", "改过的提示")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(catalogs.forYear(2099).rules())
                .filteredOn(r -> r.code().equals("TST_PARTY_LE_GOV"))
                .singleElement()
                .satisfies(r -> assertThat(r.severity()).isEqualTo(Severity.ERROR));
        assertThat(post(admin, "/admin/catalog/rules/TST_PARTY_LE_GOV/retire", Map.of("fromYear", "2100")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(catalogs.forYear(2100).rules()).noneMatch(r -> r.code().equals("TST_PARTY_LE_GOV"));
        assertThat(audit.historyOf("ValidationRule", "TST_PARTY_LE_GOV"))
                .extracting(AuditEntry::action)
                .containsExactly("RULE_RETIRED", "RULE_CHANGED", "RULE_ADDED");
    }

    @Test
    void onlyAnAdministratorChangesTheCatalogue() {
        PortalUser reviewer = TestUsers.demo(accounts, "demo-reviewer");
        assertThat(post(reviewer, "/admin/catalog/indicators", Map.of("code", "TST_BY_REVIEWER")))
                .hasStatus(HttpStatus.FORBIDDEN);
        // the service refuses too, whoever calls it
        assertThatThrownBy(() -> admin.retire("LEA_PARTY_MEETINGS", 2030, reviewer.toViewer()))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThat(catalogs.forYear(2030).indicator("LEA_PARTY_MEETINGS")).isPresent();
    }

    private MvcTestResult post(PortalUser user, String url, Map<String, String> params) {
        var request = mvc.post().uri(url).with(csrf()).with(user(user));
        params.forEach(request::param);
        return request.exchange();
    }

    private static Map<String, String> with(Map<String, String> params, String key, String value) {
        Map<String, String> changed = new java.util.HashMap<>(params);
        changed.put(key, value);
        return changed;
    }

    private int version(int year) {
        return reports.find(
                        "530602", year, TestUsers.demo(accounts, "demo-admin").toViewer())
                .orElseThrow()
                .version();
    }

    private java.util.List<String> workbookCodes(PortalUser clerk, int year) throws IOException {
        byte[] file = mvc.get()
                .uri("/counties/530602/reports/" + year + "/report.xlsx")
                .with(user(clerk))
                .exchange()
                .getResponse()
                .getContentAsByteArray();
        java.util.List<String> codes = new java.util.ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            workbook.getSheet("指标").forEach(row -> {
                if (row.getCell(0) != null) {
                    codes.add(row.getCell(0).toString());
                }
            });
        }
        return codes;
    }
}
