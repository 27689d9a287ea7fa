package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.dashboard.DashboardService.HeatMap;
import cn.fazhi.portal.dashboard.DashboardService.Profile;
import cn.fazhi.portal.dashboard.DashboardService.RankRow;
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

    private Charts() {}

    static Map<String, Object> rankingBars(Ranking ranking, Locale locale) {
        List<RankRow> ranked = ranking.rows().stream()
                .filter(r -> r.compared() != null)
                .limit(MAX_BARS)
                .toList();
        List<String> names = new ArrayList<>();
        List<Object> values = new ArrayList<>();
        // the best first, from the top of the chart
        for (int i = ranked.size() - 1; i >= 0; i--) {
            names.add(ranked.get(i).name());
            values.add(ranked.get(i).compared());
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 20, "right", 30, "top", 10, "bottom", 30, "containLabel", true));
        option.put(
                "xAxis",
                Map.of(
                        "type",
                        "value",
                        "name",
                        ranking.perCapita()
                                ? ranking.indicator().unit() + "/"
                                        + PER_10000.get(locale.getLanguage().equals("en") ? 1 : 0)
                                : ranking.indicator().unit()));
        option.put("yAxis", Map.of("type", "category", "data", names));
        option.put(
                "series",
                List.of(Map.of("type", "bar", "name", ranking.indicator().name(locale), "data", values)));
        option.put("height", Math.max(200, 22 * names.size()));
        return option;
    }

    private static final List<String> PER_10000 = List.of("万人", "10,000 residents");

    /**
     * The heat map of the ranked units (the best at the top) and then the unranked ones with a
     * score: full names (the grid makes room for them), the sections named above and below, one
     * row of 22 px a unit, so that 40 counties take one screen and a province scrolls.
     */
    static Map<String, Object> heatMap(HeatMap heat, Locale locale) {
        List<String> sections =
                heat.sections().stream().map(s -> s.name(locale)).toList();
        List<String> names = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        List<AreaIndexes.Unit> rows = new ArrayList<>(heat.ranked());
        heat.unranked().stream()
                .filter(u -> u.overall() != null && u.overall().score() != null)
                .forEach(rows::add);
        rows = rows.subList(0, Math.min(MAX_HEAT_ROWS, rows.size()));
        boolean provinces = heat.scores().provinces();
        for (int y = rows.size() - 1; y >= 0; y--) {
            AreaIndexes.Unit row = rows.get(y);
            int index = names.size();
            names.add(row.rank() == null ? row.name() + "＊" : row.rank() + " " + row.name());
            for (int x = 0; x < heat.sections().size(); x++) {
                CompositeIndex.Part part =
                        row.sections().get(heat.sections().get(x).code());
                Double score = part == null ? null : part.score();
                Map<String, Object> point = new LinkedHashMap<>();
                point.put("value", java.util.Arrays.asList(x, index, score == null ? "-" : round(score)));
                point.put(
                        "url",
                        provinces
                                ? "/dashboards/heatmap?year=" + heat.filters().year() + "&area=" + row.code()
                                : DashboardTables.profileHref(
                                        row.code(), heat.filters().year(), null));
                data.add(point);
            }
        }
        Map<String, Object> option = base();
        option.put("grid", Map.of("left", 10, "right", 20, "top", 120, "bottom", 150, "containLabel", true));
        Map<String, Object> labels = Map.of("rotate", 40, "interval", 0);
        option.put(
                "xAxis",
                List.of(
                        Map.of("type", "category", "data", sections, "position", "bottom", "axisLabel", labels),
                        Map.of("type", "category", "data", sections, "position", "top", "axisLabel", labels)));
        option.put("yAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("interval", 0)));
        option.put(
                "visualMap",
                Map.of(
                        "min",
                        0,
                        "max",
                        1,
                        "calculable",
                        true,
                        "orient",
                        "horizontal",
                        "left",
                        "center",
                        "bottom",
                        0,
                        "inRange",
                        Map.of("color", List.of("#f4a6a6", "#f6e3a1", "#9fd8a5"))));
        option.put(
                "series",
                List.of(Map.of("type", "heatmap", "data", data, "label", Map.of("show", names.size() <= 40))));
        option.put("height", Math.max(300, 22 * names.size() + 270));
        return option;
    }

    /**
     * The county's section scores beside the area's mean and its peers' median, on a polar grid
     * rather than ECharts' radar, which draws a missing value at the centre as if it were 0: a line
     * on polar axes breaks where a section has no score, and the page names those sections.
     * {@code angleLabels} name the angles 0 … n−1 (dashboard.js writes them as the axis labels).
     */
    static Map<String, Object> radar(
            Profile profile, Locale locale, String countyLabel, String averageLabel, String peerLabel) {
        List<String> labels = new ArrayList<>();
        List<Object> county = new ArrayList<>();
        List<Object> average = new ArrayList<>();
        List<Object> peers = new ArrayList<>();
        List<SectionScore> sections = profile.sections();
        for (int i = 0; i <= sections.size(); i++) {
            SectionScore s = sections.get(i % sections.size());
            if (i < sections.size()) {
                labels.add(s.section().name(locale));
            }
            // the first section again at angle n closes the ring
            county.add(polar(s.county() == null ? null : s.county().score(), i));
            average.add(polar(s.average(), i));
            peers.add(polar(s.peerMedian(), i));
        }
        Map<String, Object> option = base();
        option.put("legend", Map.of("data", List.of(countyLabel, averageLabel, peerLabel), "bottom", 0));
        option.put("polar", Map.of("radius", "62%"));
        option.put(
                "angleAxis",
                Map.of(
                        "type",
                        "value",
                        "min",
                        0,
                        "max",
                        sections.size(),
                        "interval",
                        1,
                        "startAngle",
                        90,
                        "splitLine",
                        Map.of("show", true)));
        option.put("angleLabels", labels);
        option.put("radiusAxis", Map.of("min", 0, "max", 1, "interval", 0.25));
        option.put(
                "series",
                List.of(line(countyLabel, county, 3), line(averageLabel, average, 1), line(peerLabel, peers, 1)));
        option.put("height", 420);
        return option;
    }

    private static List<Object> polar(Double score, int angle) {
        return java.util.Arrays.asList(score == null ? "-" : round(score), angle);
    }

    private static Map<String, Object> line(String name, List<Object> data, int width) {
        return Map.of(
                "type",
                "line",
                "coordinateSystem",
                "polar",
                "name",
                name,
                "data",
                data,
                "connectNulls",
                false,
                "lineStyle",
                Map.of("width", width),
                "symbolSize",
                6);
    }

    private static BigDecimal round(double score) {
        return BigDecimal.valueOf(score).setScale(2, java.math.RoundingMode.HALF_UP);
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
        option.put(
                "series",
                List.of(Map.of(
                        "type",
                        "line",
                        "name",
                        profile.indicator().name(locale),
                        "data",
                        values,
                        "connectNulls",
                        false,
                        "label",
                        Map.of("show", true))));
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
