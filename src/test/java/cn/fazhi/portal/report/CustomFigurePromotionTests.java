package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.TestUsers;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.account.internal.AccountService;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.catalog.internal.CatalogAdminService;
import cn.fazhi.portal.catalog.internal.CustomFigurePromotion;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.CustomFigure;
import cn.fazhi.portal.report.internal.SectionForm;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Candidates and their promotion into the catalogue. The figures are in reports of 2016 of five
 * counties of 昭通市, a year no other test reports on; the indicator the test adds is retired
 * after it, so that later catalogues are as the reference data has them. The promotion is the
 * catalogue's; the test stays with the reports, whose figures and values it checks. How names are
 * compared is catalog/CandidateNamesTests.
 */
@PortalTest
class CustomFigurePromotionTests {

    private static final int YEAR = 2016;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AccountService accounts;

    @Autowired
    ReportService reportService;

    @Autowired
    ReportEntryService entries;

    @Autowired
    CustomFigurePromotion promotion;

    @Autowired
    CatalogAdminService catalogAdmin;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aGroupOfSpellingsMovesIntoANewIndicatorWithItsHistoryAndAMismatchedUnitStays() {
        figure("530622", "法治培训人次", "人次", "1200");
        figure("530623", "法治培训 人次", "人次", "860");
        figure("530624", "法治培训人次　", "人次", "455");
        figure("530625", "法治培训人次", "人", "300");
        figure("530626", "法治培训人数", "人", "42");
        PortalUser admin = TestUsers.demo(accounts, "demo-admin");
        Viewer viewer = admin.toViewer();

        CustomFigurePromotion.CandidateGroup group = promotion.candidates(viewer).stream()
                .filter(g -> g.key().equals("法治培训人次"))
                .findFirst()
                .orElseThrow();
        assertThat(group.counties()).isGreaterThanOrEqualTo(4);
        assertThat(group.variants())
                .extracting(CustomFigurePromotion.Variant::name)
                .contains("法治培训人次", "法治培训 人次")
                .doesNotContain("法治培训人数");
        assertThat(group.units()).containsKeys("人次", "人");
        assertThat(group.similar()).contains("法治培训人数");
        assertThat(promotion.candidates(viewer))
                .filteredOn(g -> g.key().equals("法治培训人数"))
                .singleElement()
                .satisfies(g -> assertThat(g.units()).containsOnlyKeys("人"));
        assertThat(mvc.get().uri("/admin/candidates").with(user(admin)))
                .hasStatusOk()
                .bodyText()
                .contains("“法治培训 人次”", "“法治培训人数”");

        var form = Map.of(
                "code",
                "TST_LAW_TRAINEES",
                "sectionCode",
                "CAPACITY",
                "nameZh",
                "法治培训人次",
                "nameEn",
                "Legal training attendances",
                "unit",
                "人次",
                "kind",
                "COUNT",
                "direction",
                "UP",
                "firstYear",
                Integer.toString(YEAR));
        var preview = mvc.get()
                .uri("/admin/candidates/promote")
                .with(user(admin))
                .param("key", "法治培训人次")
                .param("into", "new");
        form.forEach(preview::param);
        assertThat(preview).hasStatusOk().bodyText().contains("将移入的数值", "巧家县", "单位与指标不一致");

        // into an existing indicator without choosing one: the reason next to the choice, nothing moves
        assertThat(mvc.post()
                        .uri("/admin/candidates/promote")
                        .with(csrf())
                        .with(user(admin))
                        .param("key", "法治培训人次")
                        .param("into", "existing")
                        .param("indicator", " "))
                .hasStatusOk()
                .bodyText()
                .containsPattern("id=\"indicator\"[^>]*is-invalid[^>]*aria-describedby=\"indicator-error\"")
                .containsPattern("id=\"indicator-error\"[^>]*>此项必填。<");

        var promote = mvc.post()
                .uri("/admin/candidates/promote")
                .with(csrf())
                .with(user(admin))
                .param("key", "法治培训人次")
                .param("into", "new");
        form.forEach(promote::param);
        assertThat(promote).hasStatus(HttpStatus.FOUND).flash().containsEntry("flash", "candidates.promoted");

        for (String county : List.of("530622", "530623", "530624")) {
            assertThat(value(county)).as(county).isNotNull();
            assertThat(figureNames(county)).as(county).isEmpty();
        }
        assertThat(value("530622")).isEqualByComparingTo("1200");
        // 人 is not 人次: that figure stays where it was, and so does the other group
        assertThat(value("530625")).isNull();
        assertThat(figureNames("530625")).containsExactly("法治培训人次");
        assertThat(figureNames("530626")).containsExactly("法治培训人数");
        // the value's history goes back to the custom figure it was
        assertThat(reportService.valueHistory("530622", YEAR, "TST_LAW_TRAINEES", viewer))
                .extracting(AuditEntry::action)
                .containsExactly("VALUE_PROMOTED", "CUSTOM_FIGURE_ADDED");
        // which figure it was is kept as data (V22), not read back from the audit log's JSON
        assertThat(jdbc.queryForObject("""
                        select count(*) from custom_figure_promotion p join annual_report r on r.id = p.report_id
                         where r.county_code = '530622' and r.year = ? and p.indicator_code = 'TST_LAW_TRAINEES'""", Integer.class, YEAR)).isEqualTo(1);
        assertThat(reportService
                        .find("530622", YEAR, viewer)
                        .orElseThrow()
                        .row("TST_LAW_TRAINEES")
                        .orElseThrow()
                        .display())
                .isEqualTo("1,200");

        // later catalogues stay as the reference data has them
        assertThatCode(() -> catalogAdmin.retire("TST_LAW_TRAINEES", YEAR + 1, viewer))
                .doesNotThrowAnyException();
    }

    private void figure(String county, String name, String unit, String value) {
        PortalUser clerk = TestUsers.user(accounts, "promotion-clerk-" + county, Role.COUNTY_STAFF, county);
        reportService.openDraft(county, YEAR, clerk.toViewer());
        int version = transaction.execute(
                s -> reports.findByCountyCodeAndYear(county, YEAR).orElseThrow().getVersion());
        assertThat(entries.saveSection(
                        county,
                        YEAR,
                        SectionForm.adding("CAPACITY", version, SectionForm.FigureForm.of(name, unit, value)),
                        clerk.toViewer()))
                .isEmpty();
    }

    private java.math.BigDecimal value(String county) {
        return transaction.execute(s -> reports.findByCountyCodeAndYear(county, YEAR)
                .orElseThrow()
                .valueOf("TST_LAW_TRAINEES")
                .orElse(null));
    }

    private List<String> figureNames(String county) {
        return transaction.execute(
                s -> reports.findByCountyCodeAndYear(county, YEAR).orElseThrow().getCustomFigures().stream()
                        .map(CustomFigure::getName)
                        .toList());
    }
}
