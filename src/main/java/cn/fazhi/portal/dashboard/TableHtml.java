package cn.fazhi.portal.dashboard;

import static cn.fazhi.portal.config.Html.escape;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.config.Html;
import cn.fazhi.portal.dashboard.DashboardService.Filters;
import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The body rows of a dashboard table as HTML, written in one pass. The table fragment
 * ({@code dashboard/parts :: table}) used to evaluate six expressions per cell, each property
 * read going through Thymeleaf's expression checks; a province's heat map has 2,000 cells and
 * the national ranking's page 1,600, so that was most of the pages' Java time. The markup is the
 * same as the fragment wrote: {@code <tr class="fw-bold">} for a total line, a cell's colour in
 * {@code style}, {@code text-end} for a number, a link when the cell has one (with the
 * application's context path, as {@code @{…}} writes it). Every text and attribute is escaped
 * ({@link Html#escape}).
 */
final class TableHtml {

    private TableHtml() {
    }

    /** The body rows of each table, by the table's name (the page's {@code bodies}). */
    static Map<String, String> bodies(List<DashboardTable> tables, String contextPath) {
        Map<String, String> bodies = new LinkedHashMap<>();
        tables.forEach(t -> bodies.put(t.name(), rows(t.rows(), contextPath)));
        return bodies;
    }

    static String rows(List<Row> rows, String contextPath) {
        StringBuilder html = new StringBuilder(rows.size() * 256);
        for (Row row : rows) {
            html.append(row.total() ? "<tr class=\"fw-bold\">" : "<tr>");
            for (Cell cell : row.cells()) {
                html.append("<td");
                if (cell.style() != null) {
                    html.append(" style=\"").append(escape(cell.style())).append('"');
                }
                if (cell.end()) {
                    html.append(" class=\"text-end\"");
                }
                html.append('>');
                if (cell.href() != null) {
                    html.append("<a href=\"").append(escape(contextPath + cell.href())).append("\">")
                            .append(escape(cell.text())).append("</a>");
                } else {
                    html.append(escape(cell.text()));
                }
                html.append("</td>");
            }
            html.append("</tr>\n");
        }
        return html.toString();
    }

    /**
     * The indicator picker's options, grouped by section ({@code dashboard/parts :: indicator}):
     * 112 options of three expressions each were most of the ranking's and the profile's rendering.
     */
    static String indicatorOptions(Catalog catalog, String selected, Locale locale) {
        StringBuilder html = new StringBuilder(catalog.indicators().size() * 96);
        for (SectionDef section : catalog.sections()) {
            html.append("<optgroup label=\"").append(escape(section.name(locale))).append("\">");
            for (IndicatorDef indicator : catalog.indicatorsOf(section.code())) {
                option(html, indicator.code(), indicator.name(locale), indicator.code().equals(selected));
            }
            html.append("</optgroup>\n");
        }
        return html.toString();
    }

    /** The year filter's options, newest first, the page's year selected. */
    static String yearOptions(Filters filters) {
        StringBuilder html = new StringBuilder(filters.years().size() * 48);
        filters.years().forEach(y -> option(html, Integer.toString(y), Integer.toString(y), y == filters.year()));
        return html.toString();
    }

    /**
     * The area filter's options: the whole country (only for a viewer without a scope), then the
     * areas in code order, a prefecture indented under its province.
     */
    static String areaOptions(Filters filters, String country) {
        StringBuilder html = new StringBuilder(filters.areas().size() * 64 + 64);
        if (filters.slice().scope() == null) {
            html.append("<option value=\"\">").append(escape(country)).append("</option>");
        }
        for (RegionView area : filters.areas()) {
            option(html, area.code(), area.level() == RegionLevel.PREFECTURE ? "\u3000" + area.name() : area.name(),
                    filters.area() != null && area.code().equals(filters.area().code()));
        }
        return html.toString();
    }

    private static void option(StringBuilder html, String value, String text, boolean selected) {
        html.append("<option value=\"").append(escape(value)).append('"')
                .append(selected ? " selected=\"selected\">" : ">").append(escape(text)).append("</option>");
    }
}
