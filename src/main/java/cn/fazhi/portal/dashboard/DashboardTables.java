package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.catalog.Target;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.dashboard.DashboardQueries.PublicationCount;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusCount;
import cn.fazhi.portal.dashboard.DashboardQueries.ValueRow;
import cn.fazhi.portal.dashboard.DashboardService.Comparison;
import cn.fazhi.portal.dashboard.DashboardService.HeatMap;
import cn.fazhi.portal.dashboard.DashboardService.Profile;
import cn.fazhi.portal.dashboard.DashboardService.RankRow;
import cn.fazhi.portal.dashboard.DashboardService.Ranking;
import cn.fazhi.portal.dashboard.DashboardService.SectionScore;
import cn.fazhi.portal.dashboard.DashboardService.StatusBoard;
import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
import cn.fazhi.portal.inspection.FindingCounts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns what a dashboard found into the tables the page shows and the exports write, in the
 * viewer's language. Gaps are written as gaps: "—" for no report or no value, "不适用" for a rate
 * whose denominator is zero, never 0 or 100 %.
 */
@Component
class DashboardTables {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Beyond this many languages the texts are looked up each time (a cookie may name any locale). */
    private static final int REMEMBERED_LOCALES = 4;

    private final MessageSource messages;
    /**
     * Texts without arguments per language: a table asks for the same few ("—", a status) once a
     * row, and each look-up walks the bundle chain. The bundles do not change while the portal runs.
     */
    private final Map<Locale, Map<String, String>> texts = new ConcurrentHashMap<>();

    DashboardTables(MessageSource messages) {
        this.messages = messages;
    }

    // ---- status board ------------------------------------------------------------------------

    List<DashboardTable> statusBoard(StatusBoard board, Locale locale) {
        List<Row> counties = board.rows().stream()
                .map(r -> Row.of(
                        Cell.text(r.groupName()),
                        Cell.link(
                                r.name(), profileHref(r.code(), board.filters().year(), null)),
                        Cell.text(r.code()),
                        Cell.text(msg(locale, "dashboard.status." + r.status())
                                + (r.submittedLate() ? " " + msg(locale, "dashboard.submittedLate") : "")),
                        r.filled() == null ? gap(locale) : Cell.text(r.filled() + " / " + r.total()),
                        r.submittedAt() == null ? gap(locale) : Cell.text(minutes(r.submittedAt())),
                        Cell.text(r.deadline().toString()),
                        Cell.text(msg(
                                locale, "publication.state." + r.publication().name())),
                        r.publishedOn() == null
                                ? gap(locale)
                                : Cell.text(r.publishedOn().toString()),
                        findings(board.findings().get(r.code()), locale)))
                .toList();
        // the publication counts come in the same prefecture order as the status counts (issue 18)
        List<Row> counts = new ArrayList<>();
        for (int i = 0; i < board.counts().size(); i++) {
            StatusCount c = board.counts().get(i);
            PublicationCount p = board.publicationCounts().get(i);
            counts.add(new Row(
                    List.of(
                            c.groupCode() == null
                                    ? Cell.text(msg(locale, "dashboard.total"))
                                    : Cell.link(
                                            c.groupName(),
                                            "/dashboards/status?year="
                                                    + board.filters().year() + "&area=" + c.groupCode()),
                            Cell.integer(c.notStarted()),
                            Cell.integer(c.draft()),
                            Cell.integer(c.submitted()),
                            Cell.integer(c.returned()),
                            Cell.integer(c.approved()),
                            Cell.integer(c.late()),
                            Cell.integer(p.unpublished()),
                            Cell.integer(p.overdue()),
                            Cell.integer(p.onTime()),
                            Cell.integer(p.late()),
                            Cell.integer(c.total())),
                    c.groupCode() == null));
        }
        return List.of(
                new DashboardTable(
                        "counts",
                        msg(locale, "dashboard.status.counts"),
                        headers(
                                locale,
                                "dashboard.col.prefecture",
                                "dashboard.status.NOT_STARTED",
                                "dashboard.status.DRAFT",
                                "dashboard.status.SUBMITTED",
                                "dashboard.status.RETURNED",
                                "dashboard.status.APPROVED",
                                "dashboard.status.LATE",
                                "publication.state.UNPUBLISHED",
                                "publication.state.OVERDUE",
                                "publication.state.ON_TIME",
                                "publication.state.LATE",
                                "dashboard.total"),
                        counts),
                new DashboardTable(
                        "counties",
                        msg(locale, "dashboard.status.counties"),
                        headers(
                                locale,
                                "dashboard.col.prefecture",
                                "dashboard.col.county",
                                "dashboard.col.code",
                                "dashboard.col.status",
                                "dashboard.col.completeness",
                                "dashboard.col.submittedAt",
                                "dashboard.col.deadline",
                                "publication.stateLabel",
                                "publication.date",
                                "dashboard.col.findings"),
                        counties));
    }

    /** Open findings, with the overdue ones; a link to them; "—" when there are none to show. */
    private Cell findings(FindingCounts counts, Locale locale) {
        if (counts == null || counts.open() == 0) {
            return gap(locale);
        }
        String text = counts.overdue() == 0
                ? Long.toString(counts.open())
                : msg(locale, "dashboard.findingsWithOverdue", counts.open(), counts.overdue());
        return Cell.link(text, "/findings?county=" + counts.countyCode());
    }

    // ---- ranking -----------------------------------------------------------------------------

    List<DashboardTable> ranking(Ranking ranking, Locale locale) {
        IndicatorDef indicator = ranking.indicator();
        DashboardTable table =
                rankingTable("ranking", indicator.name(locale), ranking, ranking.rows(), ranking.provinces(), locale);
        if (ranking.provinces()) {
            return List.of(table);
        }
        boolean perCapita = ranking.perCapita();
        List<String> aggregateHeaders = new ArrayList<>(
                headers(locale, "dashboard.col.area", "dashboard.col.counties", "dashboard.col.reporting"));
        if (indicator.isComputed()) {
            aggregateHeaders.addAll(headers(locale, "dashboard.col.ratio", "dashboard.col.covered"));
        } else if (indicator.kind() == IndicatorKind.RATE) {
            aggregateHeaders.addAll(headers(locale, "dashboard.col.mean"));
        } else {
            aggregateHeaders.addAll(headers(locale, "dashboard.col.sum", "dashboard.col.mean"));
        }
        if (perCapita) {
            aggregateHeaders.add(msg(locale, "dashboard.col.perCapitaAggregate"));
        }
        String areaName = ranking.filters().area() == null
                ? msg(locale, "dashboard.country")
                : ranking.filters().area().name();
        List<Row> aggregates = ranking.aggregates().stream()
                .map(a -> {
                    List<Cell> cells = new ArrayList<>(List.of(
                            Cell.text(a.groupCode() == null ? areaName : a.groupName()),
                            Cell.integer(a.counties()),
                            Cell.integer(a.reporting())));
                    if (indicator.isComputed()) {
                        cells.add(
                                a.covered() == 0
                                        ? gap(locale)
                                        : a.ratioNotApplicable()
                                                ? Cell.numeric(msg(locale, "report.notApplicable"))
                                                : Cell.number(a.ratio(), 1));
                        cells.add(Cell.integer(a.covered()));
                    } else if (indicator.kind() == IndicatorKind.RATE) {
                        cells.add(a.mean() == null ? gap(locale) : Cell.number(a.mean(), 1));
                    } else {
                        cells.add(a.sum() == null ? gap(locale) : value(indicator, a.sum(), false, locale));
                        cells.add(a.mean() == null ? gap(locale) : Cell.number(a.mean(), 2));
                    }
                    if (perCapita) {
                        cells.add(a.perCapita() == null ? gap(locale) : Cell.number(a.perCapita(), 2));
                    }
                    return new Row(cells, a.groupCode() == null);
                })
                .toList();
        return List.of(
                table,
                new DashboardTable(
                        "aggregates", msg(locale, "dashboard.ranking.aggregates"), aggregateHeaders, aggregates));
    }

    /** The national ranking's download: every county of the country ranked (never drawn on the page). */
    DashboardTable rankingCounties(Ranking ranking, Locale locale) {
        return rankingTable(
                COUNTIES, rankingCountiesCaption(ranking, locale), ranking, ranking.counties(), false, locale);
    }

    String rankingCountiesCaption(Ranking ranking, Locale locale) {
        return msg(locale, "dashboard.allCounties", ranking.indicator().name(locale));
    }

    /** The name of the national views' table of every county, a download only. */
    static final String COUNTIES = "counties";

    /** The ranked rows as a table: provinces (linked to their counties) or counties. */
    private DashboardTable rankingTable(
            String name, String caption, Ranking ranking, List<RankRow> ranked, boolean provinces, Locale locale) {
        IndicatorDef indicator = ranking.indicator();
        Target target = indicator.target();
        boolean perCapita = ranking.perCapita();
        int year = ranking.filters().year();
        List<Row> rows = ranked.stream()
                .map(r -> {
                    List<Cell> cells = new ArrayList<>();
                    cells.add(r.rank() == null ? gap(locale) : Cell.integer(r.rank()));
                    if (provinces) {
                        cells.add(Cell.link(
                                r.name(),
                                "/dashboards/ranking?year=" + year + "&area=" + r.code() + "&indicator="
                                        + indicator.code()));
                    } else {
                        // a county whose published version is being corrected is ranked by it, and says so
                        cells.add(Cell.link(
                                r.correcting() ? msg(locale, "dashboard.ranking.correcting", r.name()) : r.name(),
                                profileHref(r.code(), year, indicator.code())));
                        cells.add(Cell.text(r.groupName()));
                    }
                    cells.add(value(indicator, r.value(), r.notApplicable(), locale));
                    if (perCapita) {
                        cells.add(r.perCapita() == null ? gap(locale) : Cell.number(r.perCapita(), 2));
                    }
                    cells.add(Cell.text(indicator.unit()));
                    if (!provinces) {
                        if (perCapita) {
                            cells.add(
                                    r.population() == null
                                            ? Cell.numeric(msg(locale, "dashboard.noPopulation"))
                                            : Cell.integer(r.population()));
                        }
                        cells.add(target == null ? gap(locale) : Cell.text(target.display()));
                        cells.add(
                                target == null || r.value() == null
                                        ? gap(locale)
                                        : Cell.text(msg(
                                                locale,
                                                target.isMetBy(r.value()) ? "dashboard.met" : "dashboard.notMet")));
                        cells.add(rankChange(r, locale));
                    }
                    return new Row(cells, false);
                })
                .toList();
        List<String> headers = new ArrayList<>(
                headers(locale, "dashboard.col.rank", provinces ? "dashboard.col.province" : "dashboard.col.county"));
        if (!provinces) {
            headers.add(msg(locale, "dashboard.col.prefecture"));
        }
        headers.add(msg(locale, provinces ? provinceValueHeader(indicator) : "dashboard.col.value"));
        if (perCapita) {
            headers.add(msg(locale, "dashboard.col.perCapita"));
        }
        headers.add(msg(locale, "dashboard.col.unit"));
        if (!provinces) {
            if (perCapita) {
                headers.add(msg(locale, "dashboard.col.population"));
            }
            headers.addAll(headers(locale, "dashboard.col.target", "dashboard.col.met", "dashboard.col.rankChange"));
        }
        return new DashboardTable(name, caption, headers, rows);
    }

    /** What a province's value is: the ratio of the parts, the mean of the rates, or the sum. */
    private static String provinceValueHeader(IndicatorDef indicator) {
        return indicator.isComputed()
                ? "dashboard.col.ratio"
                : indicator.kind() == IndicatorKind.RATE ? "dashboard.col.mean" : "dashboard.col.sum";
    }

    // ---- heat map ----------------------------------------------------------------------------

    /**
     * The heat map's two tables: the ranked units by rank, with their rank intervals, and those
     * shown but not ranked (数据不足，不参与排名: coverage below the threshold, or no report).
     */
    List<DashboardTable> heatMap(HeatMap heat, Locale locale) {
        boolean provinces = heat.scores().provinces();
        List<String> headers = new ArrayList<>(headers(
                locale,
                "dashboard.col.rank",
                "dashboard.col.rankInterval",
                provinces ? "dashboard.col.province" : "dashboard.col.county"));
        if (!provinces) {
            headers.addAll(headers(locale, "dashboard.col.prefecture", "dashboard.col.peerGroup"));
        }
        heat.sections().forEach(s -> headers.add(s.name(locale)));
        headers.addAll(headers(
                locale,
                "dashboard.col.overall",
                provinces ? "dashboard.col.provinceCoverage" : "dashboard.col.coverage",
                "dashboard.col.change"));
        int ranked = heat.scores().ranked();
        List<Row> rows = heat.ranked().stream()
                .map(u -> {
                    List<Cell> cells = new ArrayList<>();
                    cells.add(Cell.integer(u.rank()));
                    cells.add(interval(u.interval(), ranked, locale));
                    cells.addAll(unitCells(heat, u, provinces, locale));
                    return new Row(cells, false);
                })
                .toList();
        List<String> unrankedHeaders = new ArrayList<>(headers.subList(2, headers.size()));
        unrankedHeaders.add(msg(locale, "dashboard.col.why"));
        List<Row> unranked = heat.unranked().stream()
                .map(u -> {
                    List<Cell> cells = new ArrayList<>(unitCells(heat, u, provinces, locale));
                    cells.add(Cell.text(whyNotRanked(u, locale)));
                    return new Row(cells, false);
                })
                .toList();
        DashboardTable shown = new DashboardTable("heatmap", msg(locale, "dashboard.heatmap.title"), headers, rows);
        DashboardTable insufficient = new DashboardTable(
                "insufficient", msg(locale, "dashboard.heatmap.insufficient"), unrankedHeaders, unranked);
        return List.of(shown, insufficient);
    }

    /**
     * Every county of the country with its scores against the national distribution and its
     * national rank: the national heat map's download (the page shows the provinces).
     */
    DashboardTable heatMapCounties(HeatMap heat, Locale locale) {
        List<String> headers = new ArrayList<>(headers(
                locale,
                "dashboard.col.rank",
                "dashboard.col.rankInterval",
                "dashboard.col.county",
                "dashboard.col.prefecture",
                "dashboard.col.peerGroup"));
        heat.sections().forEach(s -> headers.add(s.name(locale)));
        headers.addAll(headers(
                locale,
                "dashboard.col.overall",
                "dashboard.col.coverage",
                "dashboard.col.change",
                "dashboard.col.why"));
        List<AreaIndexes.Unit> counties = heat.scores().counties();
        int ranked = (int) counties.stream().filter(AreaIndexes.Unit::ranked).count();
        List<Row> rows = counties.stream()
                .map(u -> {
                    List<Cell> cells = new ArrayList<>();
                    cells.add(u.rank() == null ? gap(locale) : Cell.integer(u.rank()));
                    cells.add(interval(u.interval(), ranked, locale));
                    cells.addAll(unitCells(heat, u, false, locale));
                    cells.add(u.ranked() ? Cell.text("") : Cell.text(whyNotRanked(u, locale)));
                    return new Row(cells, false);
                })
                .toList();
        return new DashboardTable(COUNTIES, msg(locale, "dashboard.heatmap.allCounties"), headers, rows);
    }

    private String whyNotRanked(AreaIndexes.Unit u, Locale locale) {
        return msg(
                locale,
                !u.reported()
                        ? "dashboard.why.noReport"
                        : u.overall() == null || u.overall().score() == null
                                ? "dashboard.why.noScore"
                                : "dashboard.why.coverage");
    }

    /** A unit's name, group, section scores, overall score, coverage and change. */
    private List<Cell> unitCells(HeatMap heat, AreaIndexes.Unit u, boolean province, Locale locale) {
        int year = heat.filters().year();
        List<Cell> cells = new ArrayList<>();
        if (province) {
            cells.add(Cell.link(u.name(), "/dashboards/heatmap?year=" + year + "&area=" + u.code()));
        } else {
            cells.add(Cell.link(u.name(), profileHref(u.code(), year, null)));
            cells.add(Cell.text(u.groupName()));
            cells.add(Cell.text(peer(u.peer(), locale)));
        }
        double threshold = heat.scores().threshold();
        heat.sections().forEach(s -> cells.add(score(u.sections().get(s.code()), threshold, locale)));
        cells.add(score(u.overall(), threshold, locale));
        cells.add(coverage(u.overall(), locale));
        Double now = u.overall() == null ? null : u.overall().score();
        cells.add(change(CompositeIndex.change(u.previousOverall(), now), u.previousOverall(), now, locale));
        return cells;
    }

    /**
     * The rank interval as text (median rank, 5–95 % range) and as a bar across the cell: where the
     * range lies among all ranks.
     */
    Cell interval(CompositeIndex.RankInterval interval, int ranked, Locale locale) {
        if (interval == null) {
            return gap(locale);
        }
        String text = interval.low() == interval.high()
                ? Integer.toString(interval.median())
                : msg(locale, "dashboard.interval", interval.median(), interval.low(), interval.high());
        double from = 100.0 * (interval.low() - 1) / Math.max(1, ranked);
        double to = 100.0 * interval.high() / Math.max(1, ranked);
        return Cell.numeric(text)
                .styled(String.format(
                        Locale.ROOT,
                        "background: linear-gradient(to right, transparent %.1f%%, rgba(13,110,253,.28) %.1f%%, "
                                + "rgba(13,110,253,.28) %.1f%%, transparent %.1f%%)",
                        from,
                        from,
                        to,
                        to));
    }

    /** A peer group's name: "县·人口中等三分位". */
    String peer(PeerGroups.Group group, Locale locale) {
        if (group == null) {
            return "";
        }
        return msg(locale, "dashboard.peer." + group.kind() + "." + group.tercile());
    }

    // ---- county profile ----------------------------------------------------------------------

    List<DashboardTable> profile(Profile profile, Locale locale) {
        double threshold = profile.threshold();
        List<Row> sections = new ArrayList<>(profile.sections().stream()
                .map(s -> Row.of(
                        Cell.text(s.section().name(locale)),
                        score(s.county(), threshold, locale),
                        coverage(s.county(), locale),
                        score(s.average(), locale),
                        score(s.peerMedian(), locale)))
                .toList());
        AreaIndexes.Unit unit = profile.unit();
        sections.add(new Row(
                List.of(
                        Cell.text(msg(locale, "dashboard.col.overall")),
                        score(unit == null ? null : unit.overall(), threshold, locale),
                        coverage(unit == null ? null : unit.overall(), locale),
                        score(
                                DashboardService.mean(profile.sections().stream()
                                        .map(SectionScore::average)
                                        .toList()),
                                locale),
                        score(profile.peerMedian(), locale)),
                true));
        IndicatorDef indicator = profile.indicator();
        List<Row> trend = profile.trend().stream()
                .map(p -> Row.of(
                        Cell.text(Integer.toString(p.year())),
                        !p.inCatalogue()
                                ? Cell.numeric(msg(locale, "dashboard.notInCatalogue"))
                                : value(indicator, p.value(), p.notApplicable(), locale),
                        Cell.text(indicator.unit())))
                .toList();
        List<Row> reports = profile.reports().stream()
                .map(r -> Row.of(
                        Cell.link(
                                Integer.toString(r.year()),
                                "/counties/" + profile.county().code() + "/reports/" + r.year()),
                        Cell.text(msg(locale, "dashboard.status." + r.status())),
                        r.submittedAt() == null ? gap(locale) : Cell.text(minutes(r.submittedAt())),
                        r.approvedAt() == null ? gap(locale) : Cell.text(minutes(r.approvedAt()))))
                .toList();
        return List.of(
                new DashboardTable(
                        "sections",
                        msg(locale, "dashboard.profile.sections"),
                        List.of(
                                msg(locale, "dashboard.col.section"),
                                msg(locale, "dashboard.profile.county"),
                                msg(locale, "dashboard.col.coverage"),
                                msg(locale, "dashboard.profile.average", profile.averageOf()),
                                msg(
                                        locale,
                                        "dashboard.profile.peerMedian",
                                        peer(unit == null ? null : unit.peer(), locale),
                                        profile.peers())),
                        sections),
                new DashboardTable(
                        "trend",
                        msg(locale, "dashboard.profile.trend", indicator.name(locale)),
                        headers(locale, "dashboard.col.year", "dashboard.col.value", "dashboard.col.unit"),
                        trend),
                new DashboardTable(
                        "reports",
                        msg(locale, "dashboard.profile.reports"),
                        headers(
                                locale,
                                "dashboard.col.year",
                                "dashboard.col.status",
                                "dashboard.col.submittedAt",
                                "dashboard.col.approvedAt"),
                        reports));
    }

    // ---- comparison --------------------------------------------------------------------------

    DashboardTable comparison(Comparison comparison, Locale locale) {
        List<String> headers = new ArrayList<>(
                headers(locale, "dashboard.col.indicator", "dashboard.col.unit", "dashboard.col.target"));
        comparison.counties().forEach(c -> headers.add(c.name()));
        List<Row> rows = new ArrayList<>(comparison.rows().stream()
                .map(r -> {
                    List<Cell> cells = new ArrayList<>(List.of(
                            Cell.text(r.indicator().name(locale)),
                            Cell.text(r.indicator().unit()),
                            r.indicator().target() == null
                                    ? gap(locale)
                                    : Cell.text(r.indicator().target().display())));
                    for (ValueRow v : r.values()) {
                        cells.add(v == null ? gap(locale) : value(r.indicator(), v.value(), v.notApplicable(), locale));
                    }
                    return new Row(cells, false);
                })
                .toList());
        if (!comparison.rows().isEmpty()) {
            List<Cell> cells = new ArrayList<>(
                    List.of(Cell.text(msg(locale, "dashboard.compare.sectionScore")), Cell.text(""), Cell.text("")));
            comparison.sectionScores().forEach(s -> cells.add(score(s, 0, locale)));
            rows.add(new Row(cells, true));
            List<Cell> coverage = new ArrayList<>(
                    List.of(Cell.text(msg(locale, "dashboard.col.coverage")), Cell.text(""), Cell.text("")));
            comparison.sectionScores().forEach(s -> coverage.add(coverage(s, locale)));
            rows.add(new Row(coverage, false));
        }
        SectionDef section = comparison.section();
        return new DashboardTable("compare", section.name(locale), headers, rows);
    }

    // ---- cells -------------------------------------------------------------------------------

    /** A value as the indicator's kind writes it; "—" when missing, "不适用" for a zero denominator. */
    Cell value(IndicatorDef indicator, BigDecimal value, boolean notApplicable, Locale locale) {
        if (value == null) {
            return notApplicable ? Cell.numeric(msg(locale, "report.notApplicable")) : gap(locale);
        }
        return switch (indicator.kind()) {
            case COUNT -> Cell.number(value, 0);
            case AMOUNT -> Cell.plain(value);
            case RATE -> Cell.number(value, 1);
        };
    }

    /** A score to two places, coloured from red (0) to green (1); "—" when there is none. */
    Cell score(Double score, Locale locale) {
        if (score == null) {
            return gap(locale);
        }
        return Cell.number(BigDecimal.valueOf(score), 2).styled(colour(score));
    }

    /**
     * A score with its coverage: below the threshold it is shown in brackets without colour, a
     * score that does not rank (数据不足).
     */
    Cell score(CompositeIndex.Part part, double threshold, Locale locale) {
        if (part == null || part.score() == null) {
            return gap(locale);
        }
        if (part.coverage() < threshold - 1e-9) {
            Cell shown = Cell.number(BigDecimal.valueOf(part.score()), 2);
            return new Cell("(" + shown.text() + ")", shown.number(), shown.pattern(), null, null, true);
        }
        return score(part.score(), locale);
    }

    /** Coverage as "reported / scoreable (percent)"; "—" when nothing was scoreable. */
    Cell coverage(CompositeIndex.Part part, Locale locale) {
        if (part == null || part.scoreable() == 0) {
            return gap(locale);
        }
        return Cell.numeric(msg(
                locale, "dashboard.coverage", part.reported(), part.scoreable(), Math.round(100 * part.coverage())));
    }

    /** The background of a score: hue 0 (red) at 0 to 120 (green) at 1. */
    static String colour(double score) {
        long hue = Math.round(Math.max(0, Math.min(1, score)) * 120);
        return "background-color: hsl(" + hue + ", 65%, 82%)";
    }

    private Cell change(CompositeIndex.Change change, Double before, Double now, Locale locale) {
        if (change == null) {
            return gap(locale);
        }
        String difference = BigDecimal.valueOf(now - before)
                .setScale(2, RoundingMode.HALF_UP)
                .toPlainString();
        return Cell.numeric(
                msg(locale, "dashboard.change." + change, difference.startsWith("-") ? difference : "+" + difference));
    }

    private Cell rankChange(RankRow r, Locale locale) {
        if (r.rank() == null || r.previousRank() == null) {
            return gap(locale);
        }
        int moved = r.previousRank() - r.rank();
        return Cell.text(moved > 0 ? "↑ " + moved : moved < 0 ? "↓ " + -moved : msg(locale, "dashboard.rankSame"));
    }

    private Cell gap(Locale locale) {
        return Cell.numeric(msg(locale, "report.blank"));
    }

    static String profileHref(String county, int year, String indicator) {
        return "/dashboards/counties/" + county + "?year=" + year
                + (indicator == null ? "" : "&indicator=" + indicator);
    }

    private static String minutes(Instant instant) {
        return MINUTES.format(instant.atZone(TimeConfiguration.CHINA));
    }

    private List<String> headers(Locale locale, String... keys) {
        return java.util.Arrays.stream(keys).map(k -> msg(locale, k)).toList();
    }

    String msg(Locale locale, String key, Object... args) {
        if (args.length > 0) {
            return messages.getMessage(key, args, locale);
        }
        Map<String, String> known = texts.get(locale);
        if (known == null) {
            if (texts.size() >= REMEMBERED_LOCALES) {
                return messages.getMessage(key, null, locale);
            }
            known = texts.computeIfAbsent(locale, l -> new ConcurrentHashMap<>());
        }
        return known.computeIfAbsent(key, k -> messages.getMessage(k, null, locale));
    }
}
