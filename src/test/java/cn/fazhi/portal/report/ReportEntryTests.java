package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.audit.AuditEntry;
import cn.fazhi.portal.audit.AuditService;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.ReportForm;
import cn.fazhi.portal.report.internal.ValueEntry;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** The clerk's form over HTTP: nothing typed is ever lost, and nothing malformed is ever stored. */
@PortalTest
class ReportEntryTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ReportService reportService;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    AuditService audit;

    @Autowired
    TestFixtures fixtures;

    @Test
    void malformedInputIsShownBackAndNotStoredWhileTheRestIsSaved() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        String longText = "说".repeat(ReportEntryService.MAX_EXPLANATION + 1);
        MvcTestResult result = save(
                clerk,
                county,
                "CAPACITY",
                Map.of(
                        "values[CAP_EDU_REACH]", "48,900",
                        "values[CAP_VILLAGE_ADVISERS]", "五十九",
                        "values[CAP_EDU_EVENTS]", "-3",
                        "values[CAP_DEMO_VILLAGE_RATE]", "120",
                        "values[CAP_CADRE_COURSES]", "2.5",
                        "values[CAP_UNITS]", "24",
                        "explanations[CAP_UNITS]", longText));
        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains(
                        "其余内容已保存",
                        "value=\"五十九\"",
                        "value=\"-3\"",
                        "value=\"120\"",
                        "value=\"2.5\"",
                        "请填写数字",
                        "不能为负数",
                        "比率不能超过 100",
                        "此项为计数，须为整数",
                        "说明不能超过 2000 字",
                        longText);
        Map<String, ValueEntry> stored = entries(county);
        assertThat(stored.get("CAP_EDU_REACH").value()).isEqualByComparingTo("48900");
        assertThat(stored)
                .doesNotContainKeys(
                        "CAP_VILLAGE_ADVISERS",
                        "CAP_EDU_EVENTS",
                        "CAP_DEMO_VILLAGE_RATE",
                        "CAP_CADRE_COURSES",
                        "CAP_UNITS");
    }

    @Test
    void anOverlongNarrativePartIsRefusedAndTheOthersSaved() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        String tooLong = "长".repeat(ReportEntryService.MAX_NARRATIVE + 1);
        assertThat(save(clerk, county, ReportForm.NARRATIVE, Map.of("measures", tooLong, "problems", "执法力量不足")))
                .hasStatusOk()
                .bodyText()
                .contains("此部分不能超过 20000 字", tooLong);
        transaction.executeWithoutResult(s -> {
            AnnualReport report = report(county);
            assertThat(report.getMeasuresText()).isNull();
            assertThat(report.getProblemsText()).isEqualTo("执法力量不足");
        });
    }

    @Test
    void ruleViolationsAreStoredWithTheDraftAndListedWithLinks() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        assertThat(save(clerk, county, "CAPACITY", Map.of("values[CAP_LAWYER_UNITS]", "30", "values[CAP_UNITS]", "24")))
                .hasStatus(HttpStatus.FOUND);
        assertThat(entries(county).get("CAP_LAWYER_UNITS").value()).isEqualByComparingTo("30");
        assertThat(mvc.get().uri(editUrl(county) + "?section=CAPACITY").with(user(clerk)))
                .hasStatusOk()
                .bodyText()
                .contains("配备公职律师单位数不能大于执法单位数", "section=CAPACITY#field-CAP_LAWYER_UNITS");
        // every change is kept: who, old and new
        Long id = transaction.execute(s -> report(county).getId());
        assertThat(audit.historyOf("IndicatorValue", id + "/CAP_LAWYER_UNITS"))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.action()).isEqualTo("VALUE_CHANGED");
                    assertThat(e.actor()).isEqualTo(clerk.getUsername());
                    assertThat(e.afterState()).contains("30");
                });
    }

    @Test
    void theSecondOfTwoSavesFromTheSameVersionIsAConflictThatKeepsWhatWasTyped() throws Exception {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        int version = transaction.execute(s -> report(county).getVersion());
        assertThat(save(clerk, county, "LEADERSHIP", Map.of("values[LEA_PARTY_MEETINGS]", "14"), version))
                .hasStatus(HttpStatus.FOUND);
        MvcTestResult second = save(clerk, county, "LEADERSHIP", Map.of("values[LEA_PARTY_MEETINGS]", "20"), version);
        assertThat(second).hasStatus(HttpStatus.CONFLICT).bodyText().contains("已被他人修改", "value=\"20\"");
        assertThat(entries(county).get("LEA_PARTY_MEETINGS").value()).isEqualByComparingTo("14");
        // the page now carries the current version: saving again applies what was typed
        int current = transaction.execute(s -> report(county).getVersion());
        assertThat(second.getResponse().getContentAsString()).contains("name=\"version\" value=\"" + current + "\"");
        assertThat(save(clerk, county, "LEADERSHIP", Map.of("values[LEA_PARTY_MEETINGS]", "20"), current))
                .hasStatus(HttpStatus.FOUND);
        assertThat(entries(county).get("LEA_PARTY_MEETINGS").value()).isEqualByComparingTo(new BigDecimal("20"));
        assertThat(audit.historyOf(
                        "IndicatorValue",
                        transaction.execute(s -> report(county).getId()) + "/LEA_PARTY_MEETINGS"))
                .extracting(AuditEntry::action)
                .containsExactly("VALUE_CHANGED", "VALUE_CHANGED");
    }

    @Test
    void onlyTheCountysOwnClerkOpensTheForm() {
        String county = fixtures.freshCounty();
        fixtures.clerkWithDraft(county);
        // a clerk of another county, and a reviewer of the county's own province
        assertThat(mvc.get().uri(editUrl(county)).with(user(fixtures.demo("demo-clerk"))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri(editUrl(county)).with(user(fixtures.reviewerOf(TestFixtures.FRESH_PROVINCE))))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post()
                        .uri(editUrl(county))
                        .with(csrf())
                        .with(user(fixtures.demo("demo-clerk")))
                        .param("section", "LEADERSHIP")
                        .param("version", "0")
                        .param("values[LEA_PARTY_MEETINGS]", "99"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(entries(county)).doesNotContainKey("LEA_PARTY_MEETINGS");
    }

    private MvcTestResult save(PortalUser clerk, String county, String section, Map<String, String> fields) {
        return save(
                clerk,
                county,
                section,
                fields,
                transaction.execute(s -> report(county).getVersion()));
    }

    private MvcTestResult save(
            PortalUser clerk, String county, String section, Map<String, String> fields, int version) {
        var request = mvc.post()
                .uri(editUrl(county))
                .with(csrf())
                .with(user(clerk))
                .param("section", section)
                .param("version", Integer.toString(version));
        fields.forEach(request::param);
        return request.exchange();
    }

    private String editUrl(String county) {
        return "/counties/" + county + "/reports/" + reportService.reportingYear() + "/edit";
    }

    private AnnualReport report(String county) {
        return reports.findByCountyCodeAndYear(county, reportService.reportingYear())
                .orElseThrow();
    }

    private Map<String, ValueEntry> entries(String county) {
        return transaction.execute(s -> report(county).entries());
    }
}
