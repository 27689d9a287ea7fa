package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.config.RenderedHtml;
import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import cn.fazhi.portal.dashboard.FilterOptions.Group;
import cn.fazhi.portal.dashboard.FilterOptions.Option;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.util.HtmlUtils;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * The dashboards' fragments ({@code dashboard/parts}) as the portal's template engine renders them
 * under a context path: the table body's markup (links, colours, the classes of numbers and of total
 * lines, numbers as rounded), every text and attribute escaped, and the pickers' options. These
 * were once written in Java (TableHtml, config.Html) and their tests moved here.
 */
@PortalTest
class DashboardFragmentsTests {

    private static final Pattern BODY = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL);

    @Autowired
    ITemplateEngine templates;

    @Autowired
    RenderedTables rendered;

    @Test
    void rowsAreEscapedAndLinkedUnderTheContextPath() {
        String html = body(table(List.of(
                Row.of(
                        Cell.link("<b>县\"'&</b>", "/dashboards/counties/530102?year=2024&indicator=X"),
                        Cell.number(new BigDecimal("0.756"), 2).styled(DashboardTables.colour(0.75)),
                        Cell.text(null)),
                new Row(List.of(Cell.text("合计")), true))));
        assertThat(html)
                .isEqualTo("<tr><td><a href=\"/portal/dashboards/counties/530102?year=2024&amp;indicator=X\">"
                        + "&lt;b&gt;县&quot;&#39;&amp;&lt;/b&gt;</a></td>"
                        + "<td style=\"background-color: hsl(90, 65%, 82%)\" class=\"text-end\">0.76</td><td></td></tr>"
                        + "<tr class=\"fw-bold\"><td>合计</td></tr>");
    }

    @Test
    void numbersAreRoundedAsShownAndAlignedRight() {
        String html = body(table(List.of(Row.of(
                Cell.integer(12),
                Cell.number(new BigDecimal("2.345"), 1),
                Cell.plain(new BigDecimal("1234.500")),
                Cell.numeric("—"),
                Cell.text("文字")))));
        assertThat(html)
                .isEqualTo("<tr><td class=\"text-end\">12</td><td class=\"text-end\">2.3</td>"
                        + "<td class=\"text-end\">1234.5</td><td class=\"text-end\">—</td><td>文字</td></tr>");
    }

    @Test
    void escapingAgreesWithSpringsForEveryMixOfSpecialAndPlainCharacters() {
        String alphabet = "a县 &<>\"'；\u3000";
        Random random = new Random(9);
        List<String> texts = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int n = 0; n < 2_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            texts.add(text.toString());
            rows.add(Row.of(Cell.link(text.toString(), "/x?q=" + text)));
        }
        Matcher cells = Pattern.compile("<tr><td><a href=\"/portal/x\\?q=([^\"]*)\">([^<]*)</a></td></tr>")
                .matcher(body(table(rows)));
        for (String text : texts) {
            assertThat(cells.find()).as(text).isTrue();
            String escaped = HtmlUtils.htmlEscape(text, "UTF-8");
            assertThat(cells.group(2)).as(text).isEqualTo(escaped);
            assertThat(cells.group(1)).as("the link of " + text).doesNotContain("\"", "<", ">");
        }
        assertThat(cells.find()).isFalse();
    }

    @Test
    void pickersListTheirOptionsEscapedWithTheChosenOneSelected() {
        String years = render(
                "year",
                Map.of("yearOptions", List.of(new Option("2024", "2024", true), new Option("2023", "2023", false))));
        assertThat(years)
                .contains(
                        "<option value=\"2024\" selected=\"selected\">2024</option>",
                        "<option value=\"2023\">2023</option>");
        // the area and indicator options are rendered apart and kept (RenderedTables.options)
        String areas = render(
                "area-options",
                Map.of(
                        "areaOptions",
                        List.of(
                                new Option("", "全国", false),
                                new Option("530000", "云南省", false),
                                new Option("530100", "\u3000<i>昆明市\"'&</i>", true))));
        assertThat(areas)
                .contains(
                        "<option value=\"\">全国</option>",
                        "<option value=\"530000\">云南省</option>",
                        "<option value=\"530100\" selected=\"selected\">\u3000&lt;i&gt;昆明市&quot;&#39;&amp;&lt;/i&gt;</option>");
        String indicators = render(
                "indicator-options",
                Map.of(
                        "indicatorOptions",
                        List.of(new Group(
                                "执法<监督>", List.of(new Option("A\"1", "甲 & 乙", false), new Option("B", "丙", true))))));
        assertThat(indicators)
                .contains(
                        "<optgroup label=\"执法&lt;监督&gt;\">",
                        "<option value=\"A&quot;1\">甲 &amp; 乙</option>",
                        "<option value=\"B\" selected=\"selected\">丙</option>");
    }

    private static DashboardTable table(List<Row> rows) {
        return new DashboardTable("t", "表", List.of("列"), rows);
    }

    /** The table's body rows, without the template's indentation around and between them. */
    private String body(DashboardTable table) {
        // as the pages show it: rendered apart (fragment "rows"), kept, and inserted into the table by portal:body
        RenderedHtml rows = rendered.body(table, request(), new MockHttpServletResponse(), Locale.SIMPLIFIED_CHINESE);
        Matcher body = BODY.matcher(render(
                "table",
                Map.of("t", table, "exportBase", "/dashboards/status?", "bodies", Map.of(table.name(), rows))));
        assertThat(body.find()).isTrue();
        return body.group(1).strip().replaceAll("</tr>\\s+<tr", "</tr><tr");
    }

    /** A fragment of {@code dashboard/parts} rendered by the portal's engine for a request under {@code /portal}. */
    private String render(String fragment, Map<String, Object> variables) {
        MockHttpServletRequest request = request();
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext())
                .buildExchange(request, new MockHttpServletResponse());
        return templates.process(
                "dashboard/parts", Set.of(fragment), new WebContext(exchange, Locale.SIMPLIFIED_CHINESE, variables));
    }

    private static MockHttpServletRequest request() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/portal/dashboards/status");
        request.setContextPath("/portal");
        return request;
    }
}
