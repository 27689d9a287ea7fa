package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.dashboard.DashboardQueries.RankRow;
import cn.fazhi.portal.dashboard.DashboardService.HeatMap;
import cn.fazhi.portal.dashboard.DashboardService.HeatRow;
import cn.fazhi.portal.dashboard.DashboardService.Profile;
import cn.fazhi.portal.dashboard.DashboardService.Ranking;
import cn.fazhi.portal.dashboard.DashboardService.SectionScore;
import cn.fazhi.portal.dashboard.DashboardService.TrendPoint;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * ECharts options built from the same records as the tables, embedded in the page as JSON
 * (a data attribute) and drawn by {@code /js/dashboard.js}: no inline script. Gaps stay gaps
 * (null points), never zeros.
 */
final class Charts {

    /** The bar chart shows at most this many counties; the table beside it has them all. */
    static final int MAX_BARS = 60;
    /** The heat map chart shows at most this many counties (the best first); the table has them all. */
    static final int MAX_HEAT_ROWS = 200;

    private Charts() {
    }

    static Map<String, Object> rankingBars(Ranking ranking, Locale locale) {
        List<RankRow> ranked = ranking.rows().stream().filter(r -> r.value() != null).limit(MAX_BARS).toList();
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        // the best first, from the top of the chart
        for (int i = ranked.size() - 1; i >= 0; i--) {
            names.add(ranked.get(i).name());
            values.add(ranked.get(i).value());
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 90, "right", 30, "top", 10, "bottom", 30));
        option.put("xAxis", Map.of("type", "value", "name", ranking.indicator().unit()));
        option.put("yAxis", Map.of("type", "category", "data", names));
        option.put("series", List.of(Map.of("type", "bar", "name", ranking.indicator().name(locale), "data", values)));
        option.put("height", Math.max(200, 22 * names.size()));
        return option;
    }

    static Map<String, Object> heatMap(HeatMap heat, Locale locale) {
        List<String> sections = heat.sections().stream().map(s -> s.name(locale)).toList();
        List<String> counties = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        List<HeatRow> rows = heat.rows().subList(0, Math.min(MAX_HEAT_ROWS, heat.rows().size()));
        for (int y = rows.size() - 1; y >= 0; y--) {
            HeatRow row = rows.get(y);
            int index = counties.size();
            counties.add(row.county().name());
            for (int x = 0; x < heat.sections().size(); x++) {
                BigDecimal score = row.scores() == null ? null : row.scores().sections().get(heat.sections().get(x).code());
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("value", java.util.Arrays.asList(x, index, score == null ? "-" : score.setScale(2,
                        java.math.RoundingMode.HALF_UP)));
                point.put("url", DashboardTables.profileHref(row.county().code(), heat.filters().year(), null));
                data.add(point);
            }
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 90, "right", 20, "top", 10, "bottom", 110));
        option.put("xAxis", Map.of("type", "category", "data", sections, "axisLabel", Map.of("rotate", 40, "interval", 0)));
        option.put("yAxis", Map.of("type", "category", "data", counties));
        option.put("visualMap", Map.of("min", 0, "max", 1, "calculable", true, "orient", "horizontal", "left", "center",
                "bottom", 0, "inRange", Map.of("color", List.of("#f4a6a6", "#f6e3a1", "#9fd8a5"))));
        option.put("series", List.of(Map.of("type", "heatmap", "data", data, "label", Map.of("show", counties.size() <= 40))));
        option.put("height", Math.max(260, 22 * counties.size() + 130));
        return option;
    }

    static Map<String, Object> radar(Profile profile, Locale locale, String countyLabel, String averageLabel) {
        List<Map<String, Object>> indicators = new ArrayList<>();
        List<Object> county = new ArrayList<>();
        List<Object> average = new ArrayList<>();
        for (SectionScore s : profile.sections()) {
            indicators.add(Map.of("name", s.section().name(locale), "max", 1));
            county.add(s.county() == null ? "-" : s.county().setScale(2, java.math.RoundingMode.HALF_UP));
            average.add(s.average() == null ? "-" : s.average().setScale(2, java.math.RoundingMode.HALF_UP));
        }
        Map<String, Object> option = base();
        option.put("legend", Map.of("data", List.of(countyLabel, averageLabel), "bottom", 0));
        option.put("radar", Map.of("indicator", indicators, "radius", "60%"));
        option.put("series", List.of(Map.of("type", "radar", "data", List.of(
                Map.of("name", countyLabel, "value", county),
                Map.of("name", averageLabel, "value", average)))));
        option.put("height", 380);
        return option;
    }

    static Map<String, Object> trend(Profile profile, Locale locale) {
        List<String> years = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        for (TrendPoint p : profile.trend()) {
            years.add(Integer.toString(p.year()));
            values.add(p.value() == null ? "-" : p.value());
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 50, "right", 20, "top", 30, "bottom", 30));
        option.put("xAxis", Map.of("type", "category", "data", years));
        option.put("yAxis", Map.of("type", "value", "name", profile.indicator().unit()));
        option.put("series", List.of(Map.of("type", "line", "name", profile.indicator().name(locale), "data", values,
                "connectNulls", false, "label", Map.of("show", true))));
        option.put("height", 300);
        return option;
    }

    private static Map<String, Object> base() {
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("animation", false);
        option.put("tooltip", Map.of());
        return option;
    }
}
