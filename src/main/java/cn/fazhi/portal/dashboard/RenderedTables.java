package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.config.RenderedFragments;
import cn.fazhi.portal.config.RenderedHtml;
import cn.fazhi.portal.dashboard.DashboardService.Filters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.thymeleaf.ITemplateEngine;

/**
 * The body rows of the dashboards' tables, rendered by their template ({@code dashboard/parts ::
 * rows}) and kept ({@link RenderedFragments}): a province's heat map has 2,000 cells and the national
 * ranking's page 1,600, and rendering them cost 25–55 ms of CPU a request, while the same figures are
 * shown again and again between two changes of the data. A rendering is kept by what it is made of
 * (the table's content, the locale, the application's context path), so a change of the data is
 * simply another key.
 */
@Component
class RenderedTables {

    /**
     * What the kept bodies may weigh in all, in characters. A province's heat map is about 200,000
     * characters, so some 40 of them; about 32 MB of a 512 MB heap at worst (two bytes a character),
     * as much as the kept scores ({@link LiveResults}).
     */
    static final long MAX_WEIGHT = 16L * 1024 * 1024;

    private final RenderedFragments fragments;

    RenderedTables(ITemplateEngine templates) {
        this.fragments = new RenderedFragments(templates, "dashboard/parts", MAX_WEIGHT);
    }

    /**
     * What every dashboard page shows around its tables: the filters with their pickers, the tables
     * and their bodies (the model attributes {@code dashboard/parts} reads).
     *
     * @param country the area picker's name for the whole country, in the page's language
     */
    void putFiltersAndTables(
            Model model,
            Filters filters,
            List<DashboardTable> tables,
            String country,
            HttpServletRequest request,
            Locale locale) {
        model.addAttribute("filters", filters);
        model.addAttribute("yearOptions", FilterOptions.years(filters));
        model.addAttribute("areaOptions", areaOptions(FilterOptions.areas(filters, country), request, locale));
        model.addAttribute("tables", tables);
        model.addAttribute("bodies", bodies(tables, request, locale));
    }

    /** The body of each table, by the table's name (the pages' {@code bodies}), for the request being answered. */
    Map<String, RenderedHtml> bodies(List<DashboardTable> tables, HttpServletRequest request, Locale locale) {
        HttpServletResponse response = RenderedFragments.currentResponse();
        Map<String, RenderedHtml> rendered = new LinkedHashMap<>();
        tables.forEach(t -> rendered.put(t.name(), body(t, request, response, locale)));
        return rendered;
    }

    /**
     * A picker's options, rendered once per choice and kept like the tables: the country's areas or a
     * year's indicators are hundreds of options on every page. The area picker's options (fragment
     * {@code area-options}).
     */
    RenderedHtml areaOptions(List<FilterOptions.Option> options, HttpServletRequest request, Locale locale) {
        return options("area-options", "areaOptions", options, request, locale);
    }

    /** The indicator picker's options by section (fragment {@code indicator-options}), kept likewise. */
    RenderedHtml indicatorOptions(List<FilterOptions.Group> groups, HttpServletRequest request, Locale locale) {
        return options("indicator-options", "indicatorOptions", groups, request, locale);
    }

    private RenderedHtml options(
            String fragment, String variable, List<?> options, HttpServletRequest request, Locale locale) {
        return fragments.render(fragment, variable, options, locale, request, RenderedFragments.currentResponse());
    }

    /** A table's body rows, rendered for this request's context path and locale, or as kept. */
    RenderedHtml body(DashboardTable table, HttpServletRequest request, HttpServletResponse response, Locale locale) {
        return fragments.render("rows", "t", table, locale, request, response);
    }

    /** How many bodies were rendered rather than found kept. */
    long renderings() {
        return fragments.renderings();
    }
}
