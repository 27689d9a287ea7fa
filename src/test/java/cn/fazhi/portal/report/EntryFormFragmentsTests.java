package cn.fazhi.portal.report;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.catalog.Severity;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.internal.EntryRow;
import cn.fazhi.portal.report.internal.Finding;
import cn.fazhi.portal.report.internal.ReportForm;
import cn.fazhi.portal.report.internal.ReportProgress;
import cn.fazhi.portal.report.internal.SectionTab;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The report form's rows, section tabs and findings ({@code report/edit}) from the view records of
 * {@link EntryFormPage}, rendered by the portal's engine: the ids, names, classes and aria
 * attributes the page's script and the accessibility checks read, the messages next to their
 * fields, and hostile names escaped (these were once written in Java, EntryRowsHtml).
 */
@PortalTest
class EntryFormFragmentsTests {

    private static final String HOSTILE = "<script>alert(\"x'\")</script>&";
    private static final String BASE = "/portal/counties/530102/reports/2024";

    @Autowired
    ITemplateEngine templates;

    @Autowired
    EntryFormPage page;

    @Autowired
    MessageSource messages;

    private final IndicatorDef rate = new IndicatorDef(
            "T_RATE",
            "T_SEC",
            1,
            HOSTILE,
            "Rate",
            "%",
            IndicatorKind.RATE,
            Direction.UP,
            "T_NUM",
            "T_DEN",
            null,
            "口径" + HOSTILE,
            "Definition",
            2024,
            null,
            false);
    private final IndicatorDef count = new IndicatorDef(
            "T_NUM",
            "T_SEC",
            2,
            "件数",
            "Count",
            "件",
            IndicatorKind.COUNT,
            Direction.UP,
            null,
            null,
            null,
            "口径",
            "Definition",
            2020,
            null,
            false);
    private final Finding error =
            new Finding("T_RATE", "T_SEC", Severity.ERROR, null, List.of(), "规则" + HOSTILE, false);
    private final Finding warning =
            new Finding("T_RATE", "T_SEC", Severity.WARNING, "finding.explained", List.of(), null, true);
    private final ReportForm form = new ReportForm(
            new RegionView("530102", "五华区", RegionLevel.COUNTY, "530100", "530000", "530100"),
            2024,
            new ReportProgress(2024, ReportStatus.DRAFT, 3, LocalDate.of(2025, 3, 1), 10, 1, 2, 1, 0, false, null),
            true,
            "T_SEC",
            List.of(
                    new SectionTab(new SectionDef("T_SEC", 1, "板块" + HOSTILE, "Section", "一"), 1, 2, 1, 1),
                    new SectionTab(new SectionDef("T_OTHER", 2, "其他", "Other", "二"), 0, 3, 0, 0)),
            List.of(
                    new EntryRow(
                            rate,
                            "12" + HOSTILE,
                            "说明" + HOSTILE,
                            null,
                            true,
                            "70.8",
                            false,
                            "report.notApplicable",
                            "report.notApplicable",
                            List.of(error, warning)),
                    new EntryRow(count, "7", "", "5", false, null, false, null, null, List.of())),
            Map.of(),
            Map.of(),
            List.of(error, warning),
            List.of(),
            List.of());

    @Test
    void rowsCarryTheirIdsClassesAriaAttributesAndMessagesEscaped() {
        String html =
                render("report/entry-rows", "rows", Map.of("entryRows", page.rows(form, Locale.SIMPLIFIED_CHINESE)));
        assertThat(html)
                .doesNotContain("<script>")
                .contains("&lt;script&gt;alert(&quot;x&#39;&quot;)&lt;/script&gt;&amp;");

        Element rateRow = Jsoup.parseBodyFragment("<table>" + html + "</table>").getElementById("field-T_RATE");
        assertThat(rateRow.className()).isEqualTo("has-finding");
        assertThat(rateRow.selectFirst("label[for=v_T_RATE]").text()).isEqualTo(HOSTILE);
        assertThat(rateRow.getElementById("help-T_RATE").text()).isEqualTo("口径" + HOSTILE);
        Element input = rateRow.getElementById("v_T_RATE");
        assertThat(input.attr("name")).isEqualTo("values[T_RATE]");
        assertThat(input.val()).isEqualTo("12" + HOSTILE);
        assertThat(input.className()).isEqualTo("form-control text-end is-invalid");
        assertThat(input.attr("aria-describedby")).isEqualTo("help-T_RATE err-T_RATE find-T_RATE");
        assertThat(input.attr("aria-invalid")).isEqualTo("true");
        assertThat(input.attr("data-numerator")).isEqualTo("v_T_NUM");
        assertThat(input.attr("data-denominator")).isEqualTo("v_T_DEN");
        assertThat(input.attr("data-not-applicable")).isEqualTo(msg("report.notApplicable"));
        assertThat(rateRow.selectFirst(".input-group-text").text()).isEqualTo("%");
        assertThat(rateRow.getElementById("computed-T_RATE").text()).isEqualTo(msg("report.computedValue", "70.8"));
        assertThat(rateRow.getElementById("computed-T_RATE").attr("aria-live")).isEqualTo("polite");
        assertThat(rateRow.getElementById("err-T_RATE").text()).isEqualTo(msg("report.notApplicable"));
        assertThat(rateRow.select("#find-T_RATE li").eachAttr("class"))
                .containsExactly("text-danger", "text-warning-emphasis");
        assertThat(rateRow.select("#find-T_RATE li").get(0).text()).isEqualTo(msg("finding.error") + "：规则" + HOSTILE);
        assertThat(rateRow.select("#find-T_RATE li").get(1).text())
                .isEqualTo(msg("finding.warning") + "：" + msg("finding.explained"));
        assertThat(rateRow.select("td.text-nowrap").stream().map(Element::text).toList())
                .as("last year: new in the catalogue this year; no target")
                .containsExactly(msg("report.newInCatalogue"), "");
        Element explanation = rateRow.getElementById("e_T_RATE");
        assertThat(explanation.tagName()).isEqualTo("textarea");
        assertThat(explanation.attr("name")).isEqualTo("explanations[T_RATE]");
        assertThat(explanation.text()).isEqualTo("说明" + HOSTILE);
        assertThat(explanation.className()).isEqualTo("form-control form-control-sm is-invalid");
        assertThat(explanation.attr("placeholder")).isEqualTo(msg("report.explanationNeeded"));
        assertThat(explanation.attr("aria-describedby")).isEqualTo("eerr-T_RATE");
        assertThat(rateRow.getElementById("eerr-T_RATE").text()).isEqualTo(msg("report.notApplicable"));
        assertThat(rateRow.selectFirst("label[for=e_T_RATE]").text()).isEqualTo(msg("report.explanationFor", HOSTILE));

        Element countRow =
                Jsoup.parseBodyFragment("<table>" + html + "</table>").getElementById("field-T_NUM");
        assertThat(countRow.hasAttr("class"))
                .as("a row without a finding is not marked")
                .isFalse();
        Element plain = countRow.getElementById("v_T_NUM");
        assertThat(plain.val()).isEqualTo("7");
        assertThat(plain.className()).isEqualTo("form-control text-end");
        assertThat(plain.attr("aria-describedby")).isEqualTo("help-T_NUM");
        assertThat(plain.hasAttr("aria-invalid")
                        || plain.hasAttr("data-numerator")
                        || plain.hasAttr("data-not-applicable"))
                .isFalse();
        assertThat(countRow.getElementById("computed-T_NUM")).isNull();
        assertThat(countRow.getElementById("find-T_NUM")).isNull();
        assertThat(countRow.select("td.text-nowrap").stream().map(Element::text).toList())
                .containsExactly("5", "");
        Element optional = countRow.getElementById("e_T_NUM");
        assertThat(optional.className()).isEqualTo("form-control form-control-sm");
        assertThat(optional.attr("placeholder")).isEqualTo(msg("report.explanationOptional"));
        assertThat(optional.hasAttr("aria-describedby")).isFalse();
    }

    @Test
    void tabsLinkToTheirSectionWithTheirProgressTheCurrentOneMarked() {
        String html = render("section-tabs", Map.of("sectionTabs", page.tabs(form, BASE, Locale.SIMPLIFIED_CHINESE)));
        assertThat(html).doesNotContain("<script>");
        List<Element> tabs = Jsoup.parseBodyFragment("<ul>" + html + "</ul>").select("li.nav-item > a");
        assertThat(tabs).hasSize(2);
        assertThat(tabs.get(0).className()).isEqualTo("nav-link active");
        assertThat(tabs.get(0).attr("aria-current")).isEqualTo("page");
        assertThat(tabs.get(0).attr("href")).isEqualTo(BASE + "/edit?section=T_SEC");
        assertThat(tabs.get(0).select("span").eachText()).containsExactly("板块" + HOSTILE, "1/2", "1", "1");
        assertThat(tabs.get(0).select("span.badge").eachAttr("class"))
                .containsExactly("badge text-bg-light", "badge text-bg-danger", "badge text-bg-warning");
        assertThat(tabs.get(1).className()).isEqualTo("nav-link");
        assertThat(tabs.get(1).hasAttr("aria-current")).isFalse();
        assertThat(tabs.get(1).select("span").eachText()).containsExactly("其他", "0/3");
    }

    @Test
    void findingsLinkToTheirFieldsAndSayWhetherAWarningIsExplained() {
        String html =
                render("finding-list", Map.of("findingItems", page.findings(form, BASE, Locale.SIMPLIFIED_CHINESE)));
        assertThat(html).doesNotContain("<script>");
        List<Element> items = Jsoup.parseBodyFragment(html).select("#findings > li");
        assertThat(items).hasSize(2);
        assertThat(items.get(0).className()).isEqualTo("text-danger");
        assertThat(items.get(0).selectFirst("a").attr("href")).isEqualTo(BASE + "/edit?section=T_SEC#field-T_RATE");
        assertThat(items.get(0).text()).isEqualTo("规则" + HOSTILE);
        assertThat(items.get(1).className()).isEqualTo("text-warning-emphasis");
        assertThat(items.get(1).selectFirst("span.badge").text()).isEqualTo(msg("finding.explained"));
    }

    private String msg(String key, Object... args) {
        return messages.getMessage(key, args.length == 0 ? null : args, Locale.SIMPLIFIED_CHINESE);
    }

    /** A fragment of {@code report/edit} rendered by the portal's engine. */
    private String render(String fragment, Map<String, Object> variables) {
        return render("report/edit", fragment, variables);
    }

    private String render(String template, String fragment, Map<String, Object> variables) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", BASE + "/edit");
        request.setContextPath("/portal");
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        return templates.process(
                template, Set.of(fragment), new WebContext(exchange, Locale.SIMPLIFIED_CHINESE, variables));
    }
}
