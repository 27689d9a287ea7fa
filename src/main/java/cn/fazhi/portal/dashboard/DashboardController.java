package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.config.ListPages;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.dashboard.DashboardService.Comparison;
import cn.fazhi.portal.dashboard.DashboardService.Filters;
import cn.fazhi.portal.dashboard.DashboardService.HeatMap;
import cn.fazhi.portal.dashboard.DashboardService.Profile;
import cn.fazhi.portal.dashboard.DashboardService.Ranking;
import cn.fazhi.portal.dashboard.DashboardService.StatusBoard;
import cn.fazhi.portal.report.PublicationState;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards. Each page also answers with {@code format=csv} or {@code format=xlsx} (and
 * {@code table=} when it has several tables) by sending that table as a file: the same service
 * call, the same filters, the same columns. Ranking, heat map, county profile and the scoring page
 * are public (approved reports only); the status board and the comparison are for reviewers.
 */
@Controller
class DashboardController {

    private final DashboardService dashboards;
    private final DashboardTables tables;
    private final JsonMapper json;
    private final RenderedTables rendered;

    DashboardController(DashboardService dashboards, DashboardTables tables, JsonMapper json, RenderedTables rendered) {
        this.dashboards = dashboards;
        this.tables = tables;
        this.json = json;
        this.rendered = rendered;
    }

    /** This page's address with its filters, ready for "format=…&table=…" (the tables' downloads). */
    @ModelAttribute("exportBase")
    String exportBase(HttpServletRequest request) {
        String query = request.getQueryString() == null
                ? ""
                : Arrays.stream(request.getQueryString().split("&"))
                        .filter(p -> !p.isEmpty()
                                && !p.startsWith("format=")
                                && !p.startsWith("table=")
                                && !p.startsWith("lang="))
                        .collect(Collectors.joining("&"));
        return request.getRequestURI().substring(request.getContextPath().length()) + "?"
                + (query.isEmpty() ? "" : query + "&");
    }

    // ---- 1. status board ---------------------------------------------------------------------

    @GetMapping("/dashboards/status")
    String status(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) PublicationState publication,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        StatusBoard board = dashboards.statusBoard(viewer, year, area, publication);
        show(model, request, board.filters(), tables.statusBoard(board, locale), locale);
        model.addAttribute("publication", board.publication());
        model.addAttribute("publicationStates", cn.fazhi.portal.report.PublicationState.values());
        model.addAttribute("publicationDeadline", board.publicationDeadline());
        return "dashboard/status";
    }

    @GetMapping(value = "/dashboards/status", params = "format")
    ResponseEntity<byte[]> statusExport(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) PublicationState publication,
            @RequestParam String format,
            @RequestParam(required = false) String table,
            Viewer viewer,
            Locale locale) {
        StatusBoard board = dashboards.statusBoard(viewer, year, area, publication);
        return export(
                tables.statusBoard(board, locale),
                table,
                format,
                "status",
                board.filters().slice().fileTag());
    }

    // ---- 2. ranking --------------------------------------------------------------------------

    /**
     * The ranking page shows this many counties at a time, with a pager: every province fits on
     * one page (the largest has about 180 counties), the country's 2,845 take 15. The exports
     * always hold every county.
     */
    static final int RANKING_PAGE_SIZE = 200;

    @GetMapping("/dashboards/ranking")
    String ranking(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String includeSubmitted,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) PeerGroups.Group peer,
            @RequestParam(required = false) String asOf,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        Ranking ranking = dashboards.ranking(viewer, year, area, indicator, includeSubmitted, peer, day(asOf));
        List<DashboardTable> all = tables.ranking(ranking, locale);
        Page<DashboardTable.Row> shown = ListPages.of(all.get(0).rows(), page, RANKING_PAGE_SIZE);
        DashboardTable counties = all.get(0);
        model.addAttribute("ranking", ranking);
        model.addAttribute(
                "indicatorOptions",
                rendered.indicatorOptions(
                        FilterOptions.indicators(
                                ranking.catalog(), ranking.indicator().code(), locale),
                        request,
                        locale));
        model.addAttribute("rankingPage", shown);
        List<DashboardTable> shownTables = new java.util.ArrayList<>(List.of(
                new DashboardTable(counties.name(), counties.caption(), counties.headers(), shown.getContent())));
        if (ranking.provinces()) {
            model.addAttribute("download", downloadOnly(tables.rankingCountiesCaption(ranking, locale)));
        }
        shownTables.addAll(all.subList(1, all.size()));
        show(model, request, ranking.filters(), shownTables, locale);
        model.addAttribute("chart", toJson(Charts.rankingBars(ranking, locale)));
        model.addAttribute("maxBars", Charts.MAX_BARS);
        return "dashboard/ranking";
    }

    @GetMapping(value = "/dashboards/ranking", params = "format")
    ResponseEntity<byte[]> rankingExport(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String includeSubmitted,
            @RequestParam(required = false) PeerGroups.Group peer,
            @RequestParam String format,
            @RequestParam(required = false) String table,
            @RequestParam(required = false) String asOf,
            Viewer viewer,
            Locale locale) {
        Ranking ranking = dashboards.ranking(viewer, year, area, indicator, includeSubmitted, peer, day(asOf));
        List<DashboardTable> all = new java.util.ArrayList<>(tables.ranking(ranking, locale));
        if (ranking.provinces() && DashboardTables.COUNTIES.equals(table)) {
            all.add(tables.rankingCounties(ranking, locale));
        }
        return export(
                all,
                table,
                format,
                "ranking",
                ranking.indicator().code() + "-" + ranking.filters().slice().fileTag()
                        + (ranking.historical() ? "-asof-" + ranking.asOf() : ""));
    }

    /**
     * The day a ranking is asked as of ({@code asOf}, yyyy-MM-dd); anything else, as an address
     * typed by hand may carry, is ignored (null: now) rather than refused.
     */
    static LocalDate day(String asOf) {
        if (asOf == null || !asOf.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(asOf);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    // ---- 3. heat map -------------------------------------------------------------------------

    @GetMapping("/dashboards/heatmap")
    String heatMap(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String includeSubmitted,
            @RequestParam(required = false) PeerGroups.Group peer,
            @RequestParam(required = false) String missingAsZero,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        HeatMap heat = dashboards.heatMap(viewer, year, area, includeSubmitted, peer, missingAsZero, false);
        model.addAttribute("heat", heat);
        if (heat.computing()) {
            show(model, request, heat.filters(), List.of(), locale);
            return "dashboard/heatmap";
        }
        if (heat.scores().provinces()) {
            // the national view's every county: a download, never drawn on the page
            model.addAttribute("download", downloadOnly(tables.msg(locale, "dashboard.heatmap.allCounties")));
        }
        show(model, request, heat.filters(), tables.heatMap(heat, locale), locale);
        model.addAttribute("chart", toJson(Charts.heatMap(heat, locale)));
        return "dashboard/heatmap";
    }

    @GetMapping(value = "/dashboards/heatmap", params = "format")
    ResponseEntity<byte[]> heatMapExport(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(required = false) String includeSubmitted,
            @RequestParam(required = false) PeerGroups.Group peer,
            @RequestParam(required = false) String missingAsZero,
            @RequestParam String format,
            @RequestParam(required = false) String table,
            Viewer viewer,
            Locale locale) {
        HeatMap heat = dashboards.heatMap(viewer, year, area, includeSubmitted, peer, missingAsZero, true);
        List<DashboardTable> all = new java.util.ArrayList<>(tables.heatMap(heat, locale));
        if (heat.scores().provinces() && DashboardTables.COUNTIES.equals(table)) {
            all.add(tables.heatMapCounties(heat, locale));
        }
        return export(all, table, format, "heatmap", heat.filters().slice().fileTag());
    }

    // ---- 4. county profile -------------------------------------------------------------------

    @GetMapping("/dashboards/counties/{code}")
    String profile(
            @PathVariable String code,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String includeSubmitted,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        Profile profile = dashboards.profile(viewer, code, year, indicator, includeSubmitted);
        model.addAttribute("profile", profile);
        model.addAttribute(
                "indicatorOptions",
                rendered.indicatorOptions(
                        FilterOptions.indicators(
                                profile.catalog(), profile.indicator().code(), locale),
                        request,
                        locale));
        show(model, request, profile.filters(), tables.profile(profile, locale), locale);
        String countyLabel = profile.county().name();
        String averageLabel = tables.msg(locale, "dashboard.profile.average", profile.averageOf());
        String peerLabel = tables.msg(
                locale,
                "dashboard.profile.peerMedian",
                tables.peer(profile.unit() == null ? null : profile.unit().peer(), locale),
                profile.peers());
        model.addAttribute("radar", toJson(Charts.radar(profile, locale, countyLabel, averageLabel, peerLabel)));
        model.addAttribute(
                "peerName",
                tables.peer(profile.unit() == null ? null : profile.unit().peer(), locale));
        model.addAttribute("trend", toJson(Charts.trend(profile, locale)));
        return "dashboard/county";
    }

    @GetMapping(value = "/dashboards/counties/{code}", params = "format")
    ResponseEntity<byte[]> profileExport(
            @PathVariable String code,
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String indicator,
            @RequestParam(required = false) String includeSubmitted,
            @RequestParam String format,
            @RequestParam(required = false) String table,
            Viewer viewer,
            Locale locale) {
        Profile profile = dashboards.profile(viewer, code, year, indicator, includeSubmitted);
        return export(
                tables.profile(profile, locale),
                table,
                format,
                "county-" + profile.county().code(),
                profile.indicator().code() + "-" + profile.filters().slice().fileTag());
    }

    // ---- 5. comparison -----------------------------------------------------------------------

    @GetMapping("/dashboards/compare")
    String compare(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(name = "county", required = false) List<String> counties,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String includeSubmitted,
            Viewer viewer,
            Locale locale,
            Model model,
            HttpServletRequest request) {
        Comparison comparison = dashboards.compare(viewer, year, area, counties, section, includeSubmitted);
        model.addAttribute("comparison", comparison);
        show(
                model,
                request,
                comparison.filters(),
                comparison.rows().isEmpty() ? List.of() : List.of(tables.comparison(comparison, locale)),
                locale);
        return "dashboard/compare";
    }

    @GetMapping(value = "/dashboards/compare", params = "format")
    ResponseEntity<byte[]> compareExport(
            @RequestParam(required = false) Integer year,
            @RequestParam(required = false) String area,
            @RequestParam(name = "county", required = false) List<String> counties,
            @RequestParam(required = false) String section,
            @RequestParam(required = false) String includeSubmitted,
            @RequestParam String format,
            @RequestParam(required = false) String table,
            Viewer viewer,
            Locale locale) {
        Comparison comparison = dashboards.compare(viewer, year, area, counties, section, includeSubmitted);
        if (comparison.rows().isEmpty()) {
            throw new NotFoundException();
        }
        return export(
                List.of(tables.comparison(comparison, locale)),
                table,
                format,
                "compare",
                comparison.section().code() + "-"
                        + String.join(
                                "+",
                                comparison.counties().stream()
                                        .map(c -> c.code())
                                        .toList()) + "-"
                        + comparison.filters().slice().fileTag());
    }

    // ---- 6. how scores are computed ----------------------------------------------------------

    @GetMapping("/dashboards/scoring")
    String scoring(Model model) {
        model.addAttribute("method", dashboards.method());
        return "dashboard/scoring";
    }

    /**
     * The named table (the page's first table when none is named) as a file called
     * VIEW[-TABLE]-FILTERS.csv or .xlsx, e.g. ranking-aggregates-EMG_ACCIDENTS-2023-530000-approved.xlsx.
     */
    private static ResponseEntity<byte[]> export(
            List<DashboardTable> all, String name, String format, String view, String filters) {
        if (!"csv".equalsIgnoreCase(format) && !"xlsx".equalsIgnoreCase(format)) {
            throw new RuleRefusedException("a request no page sends");
        }
        DashboardTable table = name == null
                ? all.get(0)
                : all.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(NotFoundException::new);
        String prefix = view.startsWith(table.name()) ? view : view + "-" + table.name();
        return TableExport.download(table, format, prefix + "-" + filters);
    }

    /** A page's filters with their choices ({@link FilterOptions}) and its tables with their bodies ({@link RenderedTables}). */
    private void show(
            Model model, HttpServletRequest request, Filters filters, List<DashboardTable> tables, Locale locale) {
        rendered.putFiltersAndTables(
                model, filters, tables, this.tables.msg(locale, "dashboard.country"), request, locale);
        model.addAttribute("peerOptions", peerOptions(locale));
    }

    /** A table offered as a download only: its name and caption, its rows built when downloaded. */
    private static DashboardTable downloadOnly(String caption) {
        return new DashboardTable(DashboardTables.COUNTIES, caption, List.of(), List.of());
    }

    /** A peer group as the filter offers it. */
    record PeerOption(String code, String label) {}

    private List<PeerOption> peerOptions(Locale locale) {
        List<PeerOption> options = new java.util.ArrayList<>();
        for (PeerGroups.Kind kind : PeerGroups.Kind.values()) {
            for (int tercile = 1; tercile <= 3; tercile++) {
                PeerGroups.Group group = new PeerGroups.Group(kind, tercile);
                options.add(new PeerOption(AreaIndexes.peerName(group), tables.peer(group, locale)));
            }
        }
        return options;
    }

    private String toJson(Map<String, Object> option) {
        return json.writeValueAsString(option);
    }
}
