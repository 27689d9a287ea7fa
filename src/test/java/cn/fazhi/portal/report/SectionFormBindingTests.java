package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.TestFixtures;
import cn.fazhi.portal.account.PortalUser;
import cn.fazhi.portal.report.internal.AnnualReport;
import cn.fazhi.portal.report.internal.AnnualReportRepository;
import cn.fazhi.portal.report.internal.SectionForm;
import cn.fazhi.portal.report.internal.ValueEntry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.BindingResult;

/**
 * The report form's POST bound to a {@link SectionForm}: what binds where, the refusals landing on
 * their fields in the binding result, and the keys a clerk (or anyone) may add to the form's maps
 * changing nothing they should not and never answering 5xx.
 */
@PortalTest
class SectionFormBindingTests {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    TestFixtures fixtures;

    @Autowired
    AnnualReportRepository reports;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void valuesExplanationsAndANewFigureBindByTheirNames() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        assertThat(post(
                        clerk,
                        county,
                        Map.of(
                                "section", "LEADERSHIP",
                                "values[LEA_PARTY_MEETINGS]", "１２",
                                "values[LEA_GOV_MEETINGS]", "6",
                                "explanations[LEA_GOV_MEETINGS]", "含专题会",
                                "added.name", "法治讲座场次",
                                "added.unit", "场",
                                "added.value", "8")))
                .hasStatus(HttpStatus.FOUND)
                .redirectedUrl()
                .endsWith("/edit?section=LEADERSHIP");
        Map<String, ValueEntry> stored = entries(county);
        assertThat(stored.get("LEA_PARTY_MEETINGS").value()).isEqualByComparingTo("12");
        assertThat(stored.get("LEA_GOV_MEETINGS").explanation()).isEqualTo("含专题会");
        assertThat(figureNames(county)).containsExactly("法治讲座场次");
    }

    @Test
    void refusalsLandOnTheirFieldsInTheBindingResultAndTheTextsStayAsTyped() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        MvcTestResult result = post(
                clerk,
                county,
                Map.of(
                        "section", "CAPACITY",
                        "values[CAP_VILLAGE_ADVISERS]", " 五十九 ",
                        "values[CAP_EDU_EVENTS]", "-3",
                        "values[CAP_UNITS]", "24",
                        "added.name", "普法讲座",
                        "added.unit", " ",
                        "added.value", "4"));
        assertThat(result)
                .hasStatusOk()
                .bodyText()
                .contains("value=\" 五十九 \"", "请填写数字", "不能为负数", "请填写单位", "value=\"普法讲座\"");
        BindingResult binding = (BindingResult)
                result.getMvcResult().getModelAndView().getModel().get(BindingResult.MODEL_KEY_PREFIX + "form");
        assertThat(binding.getFieldError("values[CAP_VILLAGE_ADVISERS]").getCode())
                .isEqualTo("value.notANumber");
        assertThat(binding.getFieldError("values[CAP_VILLAGE_ADVISERS]").getRejectedValue())
                .isEqualTo(" 五十九 ");
        assertThat(binding.getFieldError("values[CAP_EDU_EVENTS]").getCode()).isEqualTo("value.negative");
        assertThat(binding.getFieldError("added.unit").getCode()).isEqualTo("custom.unitRequired");
        assertThat(binding.getFieldErrorCount()).isEqualTo(3);
        assertThat(result.getMvcResult().getModelAndView().getModel()).containsEntry("refused", 3);
        assertThat(entries(county))
                .containsKey("CAP_UNITS")
                .doesNotContainKeys("CAP_VILLAGE_ADVISERS", "CAP_EDU_EVENTS");
        assertThat(figureNames(county)).isEmpty();
    }

    @Test
    void keysOfAnotherSectionUnknownCodesAndOtherReportsFiguresStoreNothing() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        String other = fixtures.freshCounty();
        PortalUser otherClerk = fixtures.clerkWithDraft(other);
        assertThat(post(
                        otherClerk,
                        other,
                        Map.of("section", "LEADERSHIP", "added.name", "别县数据", "added.unit", "次", "added.value", "1")))
                .hasStatus(HttpStatus.FOUND);
        long othersFigure = transaction.execute(s -> reports.findByCountyCodeAndYear(other, fixtures.reportingYear())
                .orElseThrow()
                .customFiguresOf("LEADERSHIP")
                .get(0)
                .getId());

        assertThat(post(
                        clerk,
                        county,
                        Map.of(
                                "section",
                                "LEADERSHIP",
                                "values[CAP_UNITS]",
                                "5", // an indicator of another section
                                "explanations[CAP_UNITS]",
                                "不在本板块",
                                "values[NOPE]",
                                "7", // no indicator at all
                                "values[]",
                                "7",
                                "values['LEA_PARTY_MEETINGS']",
                                "9",
                                "figures[" + othersFigure + "].name",
                                "改掉",
                                "figures[" + othersFigure + "].unit",
                                "次",
                                "figures[" + othersFigure + "].value",
                                "0",
                                "figures[NOPE].remove",
                                "on")))
                .hasStatus(HttpStatus.FOUND);
        // a quoted key is Spring's way of writing the same key: it is the section's own indicator
        assertThat(entries(county)).containsOnlyKeys("LEA_PARTY_MEETINGS");
        assertThat(figureNames(county)).isEmpty();
        assertThat(figureNames(other)).containsExactly("别县数据");

        // another county's form by its address: refused before anything is read
        assertThat(post(clerk, other, Map.of("section", "LEADERSHIP", "values[LEA_PARTY_MEETINGS]", "99")))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(entries(other)).doesNotContainKey("LEA_PARTY_MEETINGS");
    }

    @Test
    void formsNoPageSendsAreBadRequestsNeverServerErrors() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        int version = version(county);
        for (Map<String, String> params : java.util.List.of(
                Map.of("values[LEA_PARTY_MEETINGS]", "1"), // no section, no version
                Map.of("section", "LEADERSHIP", "version", "abc"),
                Map.of("section", "LEADERSHIP", "version", Integer.toString(version), "values", "a text"),
                Map.of("section", "LEADERSHIP", "version", Integer.toString(version), "values[NOPE", "1"),
                Map.of("section", "LEADERSHIP", "version", Integer.toString(version), "added", "x"),
                Map.of("section", "LEADERSHIP", "version", Integer.toString(version), "figures[1].remove", "maybe"))) {
            var request = mvc.post().uri(editUrl(county)).with(csrf()).with(user(clerk));
            params.forEach(request::param);
            assertThat(request.exchange()).as(params.toString()).hasStatus(HttpStatus.BAD_REQUEST);
        }
        assertThat(version(county)).isEqualTo(version);
    }

    @Test
    void aHugePostIsRefusedBeforeAnythingIsSaved() {
        String county = fixtures.freshCounty();
        PortalUser clerk = fixtures.clerkWithDraft(county);
        int version = version(county);
        var request = mvc.post()
                .uri(editUrl(county))
                .with(csrf())
                .with(user(clerk))
                .param("section", "LEADERSHIP")
                .param("version", Integer.toString(version))
                .param("values[LEA_PARTY_MEETINGS]", "3");
        for (int i = 0; i < 100_000; i++) {
            request.param("values[X" + i + "]", "1");
        }
        MvcTestResult result = request.exchange();
        assertThat(result.getResponse().getStatus()).isBetween(400, 499);
        assertThat(entries(county)).doesNotContainKey("LEA_PARTY_MEETINGS");
        assertThat(version(county)).isEqualTo(version);
    }

    private MvcTestResult post(PortalUser clerk, String county, Map<String, String> params) {
        var request = mvc.post()
                .uri(editUrl(county))
                .with(csrf())
                .with(user(clerk))
                .param("version", Integer.toString(version(county)));
        params.forEach(request::param);
        return request.exchange();
    }

    private String editUrl(String county) {
        return "/counties/" + county + "/reports/" + fixtures.reportingYear() + "/edit";
    }

    private int version(String county) {
        return transaction.execute(s -> report(county).getVersion());
    }

    private AnnualReport report(String county) {
        return reports.findByCountyCodeAndYear(county, fixtures.reportingYear()).orElseThrow();
    }

    private Map<String, ValueEntry> entries(String county) {
        return transaction.execute(s -> report(county).entries());
    }

    private java.util.List<String> figureNames(String county) {
        return transaction.execute(s -> report(county).customFiguresOf("LEADERSHIP").stream()
                .map(f -> f.content().name())
                .toList());
    }
}
