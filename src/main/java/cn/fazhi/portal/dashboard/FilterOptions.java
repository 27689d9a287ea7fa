package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.dashboard.DashboardService.Filters;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The choices of the dashboards' pickers (year, area, indicator) as the templates list them
 * ({@code dashboard/parts :: year}, {@code area}, {@code indicator}): texts in the viewer's
 * language and the selected one marked, so that an option costs the template three plain reads.
 */
final class FilterOptions {

    /** One {@code <option>}. */
    record Option(String value, String text, boolean selected) {}

    /** An {@code <optgroup>} of options (a section of the catalogue). */
    record Group(String label, List<Option> options) {}

    private FilterOptions() {}

    /** The year filter's options, newest first, the page's year selected. */
    static List<Option> years(Filters filters) {
        return filters.years().stream()
                .map(y -> new Option(Integer.toString(y), Integer.toString(y), y == filters.year()))
                .toList();
    }

    /**
     * The area filter's options: the whole country (only for a viewer without a scope), then the
     * areas in code order, a prefecture indented under its province.
     */
    static List<Option> areas(Filters filters, String country) {
        List<Option> options = new ArrayList<>(filters.areas().size() + 1);
        if (filters.slice().scope() == null) {
            options.add(new Option("", country, false));
        }
        for (RegionView area : filters.areas()) {
            options.add(new Option(
                    area.code(),
                    area.level() == RegionLevel.PREFECTURE ? "\u3000" + area.name() : area.name(),
                    filters.area() != null && area.code().equals(filters.area().code())));
        }
        return options;
    }

    /** The indicator picker's options, grouped by section, the page's indicator selected. */
    static List<Group> indicators(Catalog catalog, String selected, Locale locale) {
        List<Group> groups = new ArrayList<>(catalog.sections().size());
        for (SectionDef section : catalog.sections()) {
            List<Option> options = new ArrayList<>();
            for (IndicatorDef indicator : catalog.indicatorsOf(section.code())) {
                options.add(new Option(
                        indicator.code(),
                        indicator.name(locale),
                        indicator.code().equals(selected)));
            }
            groups.add(new Group(section.name(locale), options));
        }
        return groups;
    }
}
