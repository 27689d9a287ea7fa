package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.IndicatorKind;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.catalog.Target;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.dashboard.DashboardQueries.RankRow;
import cn.fazhi.portal.dashboard.DashboardQueries.ValueRow;
import cn.fazhi.portal.dashboard.DashboardService.Comparison;
import cn.fazhi.portal.dashboard.DashboardService.HeatMap;
import cn.fazhi.portal.dashboard.DashboardService.HeatRow;
import cn.fazhi.portal.dashboard.DashboardService.Profile;
import cn.fazhi.portal.dashboard.DashboardService.Ranking;
import cn.fazhi.portal.dashboard.DashboardService.StatusBoard;
import cn.fazhi.portal.inspection.FindingCounts;
import cn.fazhi.portal.dashboard.DashboardTable.Cell;
import cn.fazhi.portal.dashboard.DashboardTable.Row;
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
        List<Row> counties = board.rows().stream().map(r -> Row.of(
                Cell.text(r.groupName()),
                Cell.link(r.name(), profileHref(r.code(), board.filters().year(), null)),
                Cell.text(r.code()),
                Cell.text(msg(locale, "dashboard.status." + r.status())
                        + (r.submittedLate() ? " " + msg(locale, "dashboard.submittedLate") : "")),
                r.filled() == null ? gap(locale) : Cell.text(r.filled() + " / " + r.total()),
                r.submittedAt() == null ? gap(locale) : Cell.text(minutes(r.submittedAt())),
                Cell.text(r.deadline().toString()),
                findings(board.findings().get(r.code()), locale))).toList();
        List<Row> counts = board.counts().stream().map(c -> new Row(List.of(
                c.groupCode() == null ? Cell.text(msg(locale, "dashboard.total"))
                        : Cell.link(c.groupName(), "/dashboards/status?year=" + board.filters().year() + "&area=" + c.groupCode()),
                Cell.integer(c.notStarted()), Cell.integer(c.draft()), Cell.integer(c.submitted()),
                Cell.integer(c.returned()), Cell.integer(c.approved()), Cell.integer(c.late()),
                Cell.integer(c.total())), c.groupCode() == null)).toList();
        return List.of(
                new DashboardTable("counts", msg(locale, "dashboard.status.counts"), headers(locale,
                        "dashboard.col.prefecture", "dashboard.status.NOT_STARTED", "dashboard.status.DRAFT",
                        "dashboard.status.SUBMITTED", "dashboard.status.RETURNED", "dashboard.status.APPROVED",
                        "dashboard.status.LATE", "dashboard.total"), counts),
                new DashboardTable("counties", msg(locale, "dashboard.status.counties"), headers(locale,
                        "dashboard.col.prefecture", "dashboard.col.county", "dashboard.col.code", "dashboard.col.status",
                        "dashboard.col.completeness", "dashboard.col.submittedAt", "dashboard.col.deadline",
                        "dashboard.col.findings"), counties));
    }

    /** Open findings, with the overdue ones; a link to them; "—" when there are none to show. */
    private Cell findings(FindingCounts counts, Locale locale) {
        if (counts == null || counts.open() == 0) {
            return gap(locale);
        }
        String text = counts.overdue() == 0 ? Long.toString(counts.open())
                : msg(locale, "dashboard.findingsWithOverdue", counts.open(), counts.overdue());
        return Cell.link(text, "/findings?county=" + counts.countyCode());
    }

    // ---- ranking -----------------------------------------------------------------------------

    List<DashboardTable> ranking(Ranking ranking, Locale locale) {
        IndicatorDef indicator = ranking.indicator();
        Target target = indicator.target();
        List<Row> rows = ranking.rows().stream().map(r -> Row.of(
                r.rank() == null ? gap(locale) : Cell.integer(r.rank()),
                Cell.link(r.name(), profileHref(r.code(), ranking.filters().year(), indicator.code())),
                Cell.text(r.groupName()),
                value(indicator, r.value(), r.notApplicable(), locale),
                Cell.text(indicator.unit()),
                target == null ? gap(locale) : Cell.text(target.display()),
                target == null || r.value() == null ? gap(locale)
                        : Cell.text(msg(locale, target.isMetBy(r.value()) ? "dashboard.met" : "dashboard.notMet")),
                rankChange(r, locale))).toList();
        List<String> aggregateHeaders = new ArrayList<>(headers(locale, "dashboard.col.area", "dashboard.col.counties",
                "dashboard.col.reporting"));
        if (indicator.isComputed()) {
            aggregateHeaders.addAll(headers(locale, "dashboard.col.ratio", "dashboard.col.covered"));
        } else if (indicator.kind() == IndicatorKind.RATE) {
            aggregateHeaders.addAll(headers(locale, "dashboard.col.mean"));
        } else {
            aggregateHeaders.addAll(headers(locale, "dashboard.col.sum", "dashboard.col.mean"));
        }
        String areaName = ranking.filters().area() == null ? msg(locale, "dashboard.country")
                : ranking.filters().area().name();
        List<Row> aggregates = ranking.aggregates().stream().map(a -> {
            List<Cell> cells = new ArrayList<>(List.of(
                    Cell.text(a.groupCode() == null ? areaName : a.groupName()),
                    Cell.integer(a.counties()), Cell.integer(a.reporting())));
            if (indicator.isComputed()) {
                cells.add(a.covered() == 0 ? gap(locale)
                        : a.ratioNotApplicable() ? Cell.text(msg(locale, "report.notApplicable"))
                                : Cell.number(a.ratio(), 1));
                cells.add(Cell.integer(a.covered()));
            } else if (indicator.kind() == IndicatorKind.RATE) {
                cells.add(a.mean() == null ? gap(locale) : Cell.number(a.mean(), 1));
            } else {
                cells.add(a.sum() == null ? gap(locale) : value(indicator, a.sum(), false, locale));
                cells.add(a.mean() == null ? gap(locale) : Cell.number(a.mean(), 2));
            }
            return new Row(cells, a.groupCode() == null);
        }).toList();
        return List.of(
                new DashboardTable("ranking", indicator.name(locale), headers(locale, "dashboard.col.rank",
                        "dashboard.col.county", "dashboard.col.prefecture", "dashboard.col.value", "dashboard.col.unit",
                        "dashboard.col.target", "dashboard.col.met", "dashboard.col.rankChange"), rows),
                new DashboardTable("aggregates", msg(locale, "dashboard.ranking.aggregates"), aggregateHeaders,
                        aggregates));
    }

    // ---- heat map ----------------------------------------------------------------------------

    DashboardTable heatMap(HeatMap heat, Locale locale) {
        List<String> headers = new ArrayList<>(headers(locale, "dashboard.col.rank", "dashboard.col.county",
                "dashboard.col.prefecture"));
        heat.sections().forEach(s -> headers.add(s.name(locale)));
        headers.addAll(headers(locale, "dashboard.col.overall", "dashboard.col.change"));
        List<Row> rows = heat.rows().stream().map(r -> {
            List<Cell> cells = new ArrayList<>(List.of(
                    r.rank() == null ? gap(locale) : Cell.integer(r.rank()),
                    Cell.link(r.county().name(), profileHref(r.county().code(), heat.filters().year(), null)),
                    Cell.text(r.groupName())));
            Map<String, BigDecimal> sections = r.scores() == null ? Map.of() : r.scores().sections();
            heat.sections().forEach(s -> cells.add(score(sections.get(s.code()), locale)));
            cells.add(score(r.scores() == null ? null : r.scores().overall(), locale));
            cells.add(change(r.change(), r.previousOverall(), r.scores() == null ? null : r.scores().overall(), locale));
            return new Row(cells, false);
        }).toList();
        return new DashboardTable("heatmap", msg(locale, "dashboard.heatmap.title"), headers, rows);
    }

    // ---- county profile ----------------------------------------------------------------------

    List<DashboardTable> profile(Profile profile, Locale locale) {
        List<Row> sections = new ArrayList<>(profile.sections().stream().map(s -> Row.of(
                Cell.text(s.section().name(locale)), score(s.county(), locale), score(s.average(), locale),
                score(s.previous(), locale), change(s.change(), s.previous(), s.county(), locale))).toList());
        sections.add(new Row(List.of(Cell.text(msg(locale, "dashboard.col.overall")), score(profile.overall(), locale),
                gap(locale), score(profile.previousOverall(), locale),
                change(profile.change(), profile.previousOverall(), profile.overall(), locale)), true));
        IndicatorDef indicator = profile.indicator();
        List<Row> trend = profile.trend().stream().map(p -> Row.of(Cell.text(Integer.toString(p.year())),
                !p.inCatalogue() ? Cell.text(msg(locale, "dashboard.notInCatalogue"))
                        : value(indicator, p.value(), p.notApplicable(), locale),
                Cell.text(indicator.unit()))).toList();
        List<Row> reports = profile.reports().stream().map(r -> Row.of(
                Cell.link(Integer.toString(r.year()), "/counties/" + profile.county().code() + "/reports/" + r.year()),
                Cell.text(msg(locale, "dashboard.status." + r.status())),
                r.submittedAt() == null ? gap(locale) : Cell.text(minutes(r.submittedAt())),
                r.approvedAt() == null ? gap(locale) : Cell.text(minutes(r.approvedAt())))).toList();
        return List.of(
                new DashboardTable("sections", msg(locale, "dashboard.profile.sections"), List.of(
                        msg(locale, "dashboard.col.section"), msg(locale, "dashboard.profile.county"),
                        msg(locale, "dashboard.profile.average", profile.averageOf()),
                        msg(locale, "dashboard.profile.previous"), msg(locale, "dashboard.col.change")), sections),
                new DashboardTable("trend", msg(locale, "dashboard.profile.trend", indicator.name(locale)),
                        headers(locale, "dashboard.col.year", "dashboard.col.value", "dashboard.col.unit"), trend),
                new DashboardTable("reports", msg(locale, "dashboard.profile.reports"), headers(locale,
                        "dashboard.col.year", "dashboard.col.status", "dashboard.col.submittedAt",
                        "dashboard.col.approvedAt"), reports));
    }

    // ---- comparison --------------------------------------------------------------------------

    DashboardTable comparison(Comparison comparison, Locale locale) {
        List<String> headers = new ArrayList<>(headers(locale, "dashboard.col.indicator", "dashboard.col.unit",
                "dashboard.col.target"));
        comparison.counties().forEach(c -> headers.add(c.name()));
        List<Row> rows = new ArrayList<>(comparison.rows().stream().map(r -> {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(r.indicator().name(locale)),
                    Cell.text(r.indicator().unit()),
                    r.indicator().target() == null ? gap(locale) : Cell.text(r.indicator().target().display())));
            for (ValueRow v : r.values()) {
                cells.add(v == null ? gap(locale) : value(r.indicator(), v.value(), v.notApplicable(), locale));
            }
            return new Row(cells, false);
        }).toList());
        if (!comparison.rows().isEmpty()) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.text(msg(locale, "dashboard.compare.sectionScore")),
                    Cell.text(""), Cell.text("")));
            comparison.sectionScores().forEach(s -> cells.add(score(s, locale)));
            rows.add(new Row(cells, true));
        }
        SectionDef section = comparison.section();
        return new DashboardTable("compare", section.name(locale), headers, rows);
    }

    // ---- cells -------------------------------------------------------------------------------

    /** A value as the indicator's kind writes it; "—" when missing, "不适用" for a zero denominator. */
    Cell value(IndicatorDef indicator, BigDecimal value, boolean notApplicable, Locale locale) {
        if (value == null) {
            return notApplicable ? Cell.text(msg(locale, "report.notApplicable")) : gap(locale);
        }
        return switch (indicator.kind()) {
            case COUNT -> Cell.number(value, 0);
            case AMOUNT -> Cell.plain(value);
            case RATE -> Cell.number(value, 1);
        };
    }

    /** A score to two places, coloured from red (0) to green (1); "—" when there is none. */
    Cell score(BigDecimal score, Locale locale) {
        if (score == null) {
            return gap(locale);
        }
        return Cell.number(score, 2).styled(colour(score));
    }

    /** The background of a score: hue 0 (red) at 0 to 120 (green) at 1. */
    static String colour(BigDecimal score) {
        int hue = score.multiply(BigDecimal.valueOf(120)).setScale(0, RoundingMode.HALF_UP).intValue();
        return "background-color: hsl(" + hue + ", 65%, 82%)";
    }

    private Cell change(Scoring.Change change, BigDecimal before, BigDecimal now, Locale locale) {
        if (change == null) {
            return gap(locale);
        }
        String difference = now.subtract(before).setScale(2, RoundingMode.HALF_UP).toPlainString();
        return Cell.text(msg(locale, "dashboard.change." + change, difference.startsWith("-") ? difference : "+" + difference));
    }

    private Cell rankChange(RankRow r, Locale locale) {
        if (r.rank() == null || r.previousRank() == null) {
            return gap(locale);
        }
        int moved = r.previousRank() - r.rank();
        return Cell.text(moved > 0 ? "↑ " + moved : moved < 0 ? "↓ " + -moved : msg(locale, "dashboard.rankSame"));
    }

    private Cell gap(Locale locale) {
        return Cell.text(msg(locale, "report.blank"));
    }

    static String profileHref(String county, int year, String indicator) {
        return "/dashboards/counties/" + county + "?year=" + year + (indicator == null ? "" : "&indicator=" + indicator);
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
