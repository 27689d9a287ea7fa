package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The body rows written in Java carry the markup the table fragment wrote, every text escaped. */
class TableHtmlTests {

    @Test
    void rowsAreEscapedAndLinkedUnderTheContextPath() {
        String html = TableHtml.rows(List.of(
                Row.of(Cell.link("<b>县\"'&</b>", "/dashboards/counties/530102?year=2024&indicator=X"),
                        Cell.number(new BigDecimal("0.756"), 2).styled(DashboardTables.colour(0.75)),
                        Cell.text(null)),
                new Row(List.of(Cell.text("合计")), true)), "/portal");
        assertThat(html).isEqualTo("<tr><td><a href=\"/portal/dashboards/counties/530102?year=2024&amp;indicator=X\">"
                + "&lt;b&gt;县&quot;&#39;&amp;&lt;/b&gt;</a></td>"
                + "<td style=\"background-color: hsl(90, 65%, 82%)\" class=\"text-end\">0.76</td><td></td></tr>\n"
                + "<tr class=\"fw-bold\"><td>合计</td></tr>\n");
    }
}
