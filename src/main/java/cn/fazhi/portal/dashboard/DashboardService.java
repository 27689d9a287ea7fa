package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.inspection.FindingCounts;
import cn.fazhi.portal.inspection.InspectionService;
import cn.fazhi.portal.dashboard.DashboardQueries.Aggregate;
import cn.fazhi.portal.dashboard.DashboardQueries.ProfileRow;
import cn.fazhi.portal.dashboard.DashboardQueries.RankRow;
import cn.fazhi.portal.dashboard.DashboardQueries.ReportState;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusCount;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusReports;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusRow;
import cn.fazhi.portal.dashboard.DashboardQueries.ValueRow;
import cn.fazhi.portal.dashboard.Scoring.CountyScores;
import cn.fazhi.portal.region.RecognitionService;
import cn.fazhi.portal.region.RecognitionView;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What each dashboard shows, for whom. Reviewers see the counties of their scope (a province, a
 * prefecture, or the country), administrators every county; both may count submitted reports
 * beside approved ones. Everybody else (the public, county clerks) sees the public dashboards,
 * which count approved reports only. An area outside the viewer's scope is refused (403),
 * whichever parameter names it.
 */
@Service
@Transactional(readOnly = true)
class DashboardService {

    /** The first year of the catalogue (the 2015–2020 outline). */
    static final int FIRST_YEAR = 2015;
    static final int MAX_COMPARED = 5;

    private static final List<String> APPROVED = List.of("APPROVED");
    private static final List<String> APPROVED_AND_SUBMITTED = List.of("APPROVED", "SUBMITTED");
    private static final List<String> ALL_STATUSES = List.of("DRAFT", "SUBMITTED", "RETURNED", "APPROVED");
    /** Statuses a report keeps on the status board whatever the deadline. */
    private static final Set<String> SENT = Set.of("SUBMITTED", "RETURNED", "APPROVED");

    private final DashboardQueries queries;
    private final CatalogService catalogs;
    private final RecognitionService recognitions;
    private final ReportingCalendar calendar;
    private final InspectionService inspections;
    private final LiveResults live;
    private final RegionService regions;

    DashboardService(DashboardQueries queries, CatalogService catalogs, RecognitionService recognitions,
            ReportingCalendar calendar, InspectionService inspections, LiveResults live, RegionService regions) {
        this.regions = regions;
        this.inspections = inspections;
        this.live = live;
        this.queries = queries;
        this.catalogs = catalogs;
        this.recognitions = recognitions;
        this.calendar = calendar;
    }

    /** The year, the area and whether submitted reports count, as chosen and as allowed. */
    record Filters(int year, List<Integer> years, RegionView area, List<RegionView> areas,
            boolean includeSubmitted, boolean mayIncludeSubmitted, Slice slice) {
    }

    /** @param findings the inspection findings still open per county (none when not visible) */
    record StatusBoard(Filters filters, List<StatusRow> rows, List<StatusCount> counts,
            Map<String, FindingCounts> findings) {
    }

    record Ranking(Filters filters, Catalog catalog, IndicatorDef indicator, List<RankRow> rows,
            List<Aggregate> aggregates) {
    }

    record HeatRow(RegionView county, String groupName, boolean reported, CountyScores scores, Integer rank,
            BigDecimal previousOverall, Scoring.Change change) {
    }

    record HeatMap(Filters filters, Catalog catalog, List<SectionDef> sections, List<HeatRow> rows) {
    }

    record SectionScore(SectionDef section, BigDecimal county, BigDecimal average, BigDecimal previous,
            Scoring.Change change) {
    }

    record TrendPoint(int year, boolean inCatalogue, boolean reported, BigDecimal value, boolean notApplicable) {
    }

    record Profile(RegionView county, String provinceName, String prefectureName, Filters filters, Catalog catalog,
            String averageOf, List<SectionScore> sections, BigDecimal overall, BigDecimal previousOverall,
            Scoring.Change change, Integer rank, int ranked, IndicatorDef indicator, List<TrendPoint> trend,
            List<ProfileRow> reports, List<RecognitionView> recognitions, FindingCounts findings) {
    }

    record CompareRow(IndicatorDef indicator, List<ValueRow> values) {
    }

    record Comparison(Filters filters, Catalog catalog, List<RegionView> options, List<RegionView> counties,
            SectionDef section, List<CompareRow> rows, List<BigDecimal> sectionScores) {
    }

    // ---- 1. status board ---------------------------------------------------------------------

    StatusBoard statusBoard(Viewer viewer, String year, String area) {
        requireReviewer(viewer);
        Filters filters = filters(viewer, year, area, null, ALL_STATUSES);
        Slice slice = filters.slice();
        List<RegionView> counties = countiesOf(slice).stream()
                .sorted(Comparator.comparing(DashboardService::groupOf).thenComparing(RegionView::code)).toList();
        StatusReports reports = queries.statusReports(slice.year(), counties.stream().map(RegionView::code).toList());
        int total = catalogs.forYear(slice.year()).indicators().size();
        LocalDate today = calendar.today();
        List<StatusRow> rows = counties.stream().map(c -> statusRow(c, regions.find(groupOf(c)).map(RegionView::name)
                .orElse(null), reports.byCounty().get(c.code()), reports.deadline(), today, total)).toList();
        return new StatusBoard(filters, rows, countsOf(rows),
                inspections.findingCountsByCounty(rows.stream().map(StatusRow::code).toList(), viewer));
    }

    /**
     * Where a county's report stands on the board: submitted, returned or approved as it is;
     * otherwise late once its deadline (its own extension, else the year's) has passed, not
     * started without a report, a draft with one. Submitted late when it came in (China time)
     * after that deadline.
     */
    static StatusRow statusRow(RegionView county, String groupName, ReportState report, LocalDate yearDeadline,
            LocalDate today, int total) {
        LocalDate deadline = report != null && report.deadline() != null ? report.deadline() : yearDeadline;
        String status = report != null && SENT.contains(report.status()) ? report.status()
                : today.isAfter(deadline) ? "LATE" : report == null ? "NOT_STARTED" : "DRAFT";
        Instant submittedAt = report == null ? null : report.submittedAt();
        boolean submittedLate = submittedAt != null
                && submittedAt.atZone(TimeConfiguration.CHINA).toLocalDate().isAfter(deadline);
        return new StatusRow(county.code(), county.name(), groupOf(county), groupName, status, submittedAt, deadline,
                submittedLate, report == null ? null : report.filled(), total);
    }

    /** A county's prefecture, or its province for a county directly under one (省直辖县). */
    private static String groupOf(RegionView county) {
        return county.prefectureCode() != null ? county.prefectureCode() : county.provinceCode();
    }

    /** Counties per status per prefecture (the rows come in prefecture order), and the area's total last. */
    static List<StatusCount> countsOf(List<StatusRow> rows) {
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        long[] total = new long[StatusCount.STATUSES.size()];
        for (StatusRow row : rows) {
            int status = StatusCount.STATUSES.indexOf(row.status());
            byGroup.computeIfAbsent(row.groupCode(), g -> new long[total.length])[status]++;
            names.putIfAbsent(row.groupCode(), row.groupName());
            total[status]++;
        }
        List<StatusCount> counts = new ArrayList<>();
        byGroup.forEach((code, n) -> counts.add(StatusCount.of(code, names.get(code), n)));
        counts.add(StatusCount.of(null, null, total));
        return counts;
    }

    // ---- 2. ranking --------------------------------------------------------------------------

    Ranking ranking(Viewer viewer, String year, String area, String indicator, String includeSubmitted) {
        Filters filters = filters(viewer, year, area, includeSubmitted, null);
        Catalog catalog = catalogs.forYear(filters.year());
        IndicatorDef chosen = catalog.indicator(Objects.requireNonNullElse(indicator, ""))
                .orElse(catalog.indicators().get(0));
        Slice slice = filters.slice();
        RankingRows found = live.get(queries.generation(),
                List.of("ranking", slice, chosen.code(), chosen.direction(),
                        Objects.requireNonNullElse(chosen.numeratorCode(), ""),
                        Objects.requireNonNullElse(chosen.denominatorCode(), "")),
                () -> new RankingRows(queries.ranking(slice, chosen.code(), chosen.direction()),
                        queries.aggregates(slice, chosen.code(), chosen.numeratorCode(), chosen.denominatorCode())),
                r -> r.rows().size());
        return new Ranking(filters, catalog, chosen, found.rows(), found.aggregates());
    }

    private record RankingRows(List<RankRow> rows, List<Aggregate> aggregates) {
    }

    // ---- 3. heat map -------------------------------------------------------------------------

    HeatMap heatMap(Viewer viewer, String year, String area, String includeSubmitted) {
        Filters filters = filters(viewer, year, area, includeSubmitted, null);
        int y = filters.year();
        Catalog catalog = catalogs.forYear(y);
        YearScores scores = scores(filters.slice());
        Map<String, CountyScores> now = scores.now();
        Map<String, CountyScores> before = scores.before();
        Map<String, Integer> ranks = scores.ranks();
        List<HeatRow> rows = new ArrayList<>();
        scores.counties().forEach(c -> {
            CountyScores own = now.get(c.code());
            BigDecimal previous = before.containsKey(c.code()) ? before.get(c.code()).overall() : null;
            rows.add(new HeatRow(new RegionView(c.code(), c.name(), RegionLevel.COUNTY, null, null, null),
                    c.groupName(), own != null, own, ranks.get(c.code()), previous,
                    Scoring.change(previous, own == null ? null : own.overall())));
        });
        rows.sort(Comparator.comparing((HeatRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(r -> r.county().code()));
        List<SectionDef> sections = catalog.sections().stream()
                .filter(s -> scores.sections().contains(s.code())).toList();
        return new HeatMap(filters, catalog, sections, rows);
    }

    // ---- 4. county profile -------------------------------------------------------------------

    Profile profile(Viewer viewer, String code, String year, String indicator, String includeSubmitted) {
        boolean privileged = viewer.is(Role.ADMIN) || viewer.is(Role.REVIEWER);
        int y = parseYear(year, calendar.reportingYear());
        Catalog catalog = catalogs.forYear(y);
        IndicatorDef chosen = catalog.indicator(Objects.requireNonNullElse(indicator, ""))
                .orElse(catalog.indicators().get(0));
        // the county, its reports as this viewer may list them, and the trend of the indicator
        List<ProfileRow> found = queries.profile(code, privileged ? ALL_STATUSES : APPROVED, chosen.code());
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        RegionView county = found.get(0).county();
        if (privileged && !viewer.canSeeUnpublishedOf(county)) {
            throw new AccessDeniedException("county outside the reviewer's scope");
        }
        // the comparison set: the province, or the reviewer's own prefecture when that is the scope
        String scope = viewer.is(Role.REVIEWER) ? viewer.scopeRegionCode() : null;
        boolean prefectureScope = scope != null && !scope.equals(county.provinceCode());
        RegionView area = prefectureScope
                ? new RegionView(scope, found.get(0).prefectureName(), RegionLevel.PREFECTURE, county.provinceCode(),
                        county.provinceCode(), scope)
                : new RegionView(county.provinceCode(), found.get(0).provinceName(), RegionLevel.PROVINCE, null,
                        county.provinceCode(), null);
        boolean include = privileged && truthy(includeSubmitted);
        Slice slice = new Slice(area, scope, y, include ? APPROVED_AND_SUBMITTED : APPROVED);
        Filters filters = new Filters(y, years(), area, List.of(), include, privileged, slice);
        YearScores scores = scores(slice);
        Map<String, CountyScores> now = scores.now();
        Map<String, CountyScores> before = scores.before();
        CountyScores own = now.get(code);
        CountyScores ownBefore = before.get(code);
        List<SectionScore> sections = catalog.sections().stream()
                .filter(s -> scores.sections().contains(s.code()))
                .map(s -> {
                    BigDecimal mine = own == null ? null : own.sections().get(s.code());
                    BigDecimal previous = ownBefore == null ? null : ownBefore.sections().get(s.code());
                    BigDecimal average = Scoring.mean(now.values().stream().map(c -> c.sections().get(s.code())).toList());
                    return new SectionScore(s, mine, average, previous, Scoring.change(previous, mine));
                })
                .toList();
        Set<String> counted = Set.copyOf(filters.slice().statuses());
        List<ProfileRow> reports = found.stream().filter(r -> r.year() != null).toList();
        List<TrendPoint> trend = trend(chosen, reports, counted, FIRST_YEAR, calendar.reportingYear());
        Map<String, Integer> ranks = scores.ranks();
        BigDecimal overall = own == null ? null : own.overall();
        BigDecimal previousOverall = ownBefore == null ? null : ownBefore.overall();
        // the findings still open: for those who may see the county's unpublished work (one statement)
        FindingCounts findings = inspections.findingCountsOf(county, viewer);
        return new Profile(county, found.get(0).provinceName(), found.get(0).prefectureName(), filters, catalog,
                area.name(), sections, overall, previousOverall, Scoring.change(previousOverall, overall),
                ranks.get(code), ranks.size(), chosen, trend,
                reports.stream().filter(r -> viewer.canSeeUnpublishedOf(county) || "APPROVED".equals(r.status()))
                        .toList(),
                recognitions.of(code), findings);
    }

    /**
     * An indicator's value in each year of the county's reports that count; a year outside the
     * indicator's catalogue editions says so rather than showing a gap.
     */
    static List<TrendPoint> trend(IndicatorDef indicator, List<ProfileRow> reports, Set<String> counted, int from,
            int to) {
        return IntStream.rangeClosed(from, to).mapToObj(year -> {
            ProfileRow row = reports.stream()
                    .filter(r -> r.year() != null && r.year() == year && counted.contains(r.status()))
                    .findFirst().orElse(null);
            return new TrendPoint(year, indicator.isValidIn(year), row != null, row == null ? null : row.value(),
                    row != null && row.notApplicable());
        }).toList();
    }

    // ---- 5. comparison -----------------------------------------------------------------------

    Comparison compare(Viewer viewer, String year, String area, List<String> codes, String section,
            String includeSubmitted) {
        requireReviewer(viewer);
        Filters filters = filters(viewer, year, area, includeSubmitted, null);
        List<RegionView> options = filters.area() == null ? List.of() : countiesOf(filters.slice());
        List<String> wanted = codes == null ? List.of() : codes.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, RegionView> allowed = new LinkedHashMap<>();
        options.forEach(o -> allowed.put(o.code(), o));
        if (!allowed.keySet().containsAll(wanted)) {
            throw new AccessDeniedException("a county outside the area or the scope");
        }
        Catalog catalog = catalogs.forYear(filters.year());
        SectionDef chosen = catalog.sections().stream().filter(s -> s.code().equals(section)).findFirst()
                .orElse(catalog.sections().get(0));
        List<RegionView> counties = wanted.stream().limit(MAX_COMPARED).map(allowed::get).toList();
        if (counties.size() < 2) {
            return new Comparison(filters, catalog, options, counties, chosen, List.of(), List.of());
        }
        List<IndicatorDef> indicators = catalog.indicatorsOf(chosen.code());
        Slice slice = filters.slice();
        List<ValueRow> values = queries.values(slice, List.of(filters.year()),
                indicators.stream().map(IndicatorDef::code).toList(), counties.stream().map(RegionView::code).toList());
        List<CompareRow> rows = indicators.stream().map(i -> new CompareRow(i, counties.stream()
                .map(c -> values.stream().filter(v -> v.code().equals(c.code()) && i.code().equals(v.indicator()))
                        .findFirst().orElse(null))
                .toList())).toList();
        List<Scoring.Rule> rules = scoringRules(catalog).stream()
                .filter(r -> r.section().equals(chosen.code())).toList();
        Map<String, Map<String, BigDecimal>> byCounty = new LinkedHashMap<>();
        counties.forEach(c -> byCounty.put(c.code(), new LinkedHashMap<>()));
        values.stream().filter(v -> v.indicator() != null && v.value() != null)
                .forEach(v -> byCounty.get(v.code()).put(v.indicator(), v.value()));
        Map<String, CountyScores> scores = Scoring.score(rules, byCounty);
        return new Comparison(filters, catalog, options, counties, chosen, rows,
                counties.stream().map(c -> scores.get(c.code()).sections().get(chosen.code())).toList());
    }

    // ---- shared ------------------------------------------------------------------------------

    /**
     * The filters of a page as this viewer may have them. A reviewer's area defaults to the scope
     * and must lie within it; the public and administrators may pick any province or prefecture.
     */
    Filters filters(Viewer viewer, String year, String area, String includeSubmitted, List<String> statuses) {
        boolean privileged = viewer.is(Role.ADMIN) || viewer.is(Role.REVIEWER);
        String scope = viewer.is(Role.REVIEWER) ? viewer.scopeRegionCode() : null;
        int last = calendar.reportingYear();
        int y = parseYear(year, last);
        String wanted = area == null || area.isBlank() ? scope : area.trim();
        List<RegionView> areas = regions.areaChoices(wanted, scope == null);
        RegionView chosen = null;
        if (wanted != null) {
            chosen = areas.stream().filter(a -> a.code().equals(wanted) && a.level() != RegionLevel.COUNTY).findFirst()
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            if (!chosen.isWithin(scope)) {
                throw new AccessDeniedException("area outside the reviewer's scope");
            }
        }
        List<RegionView> options = areas.stream().filter(a -> a.level() != RegionLevel.COUNTY)
                .filter(a -> a.isWithin(scope)).toList();
        boolean include = privileged && truthy(includeSubmitted);
        List<String> counted = statuses != null ? statuses : include ? APPROVED_AND_SUBMITTED : APPROVED;
        return new Filters(y, years(), chosen, options, include, privileged, new Slice(chosen, scope, y, counted));
    }

    /** The slice's counties in code order, from the region tree in memory. */
    private List<RegionView> countiesOf(Slice slice) {
        return regions.counties().stream().filter(slice::contains).toList();
    }

    /** The years a dashboard offers, newest first. */
    private List<Integer> years() {
        return IntStream.rangeClosed(FIRST_YEAR, calendar.reportingYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList();
    }

    private static boolean truthy(String checkbox) {
        return "true".equals(checkbox) || "on".equals(checkbox);
    }

    private static void requireReviewer(Viewer viewer) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            throw new AccessDeniedException("dashboards for reviewers");
        }
    }

    private static int parseYear(String year, int last) {
        if (year == null || year.isBlank()) {
            return last;
        }
        if (!year.trim().matches("\\d{4}")) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        int y = Integer.parseInt(year.trim());
        if (y < FIRST_YEAR || y > last) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return y;
    }

    /**
     * The scores of a slice's counties in its year and in the year before, each year scored with
     * its own catalogue and targets over the counties that have a counted report that year, and
     * the ranks of this year's. Kept in {@link LiveResults} until the data or the catalogue change.
     *
     * @param counties every county of the slice, in code order
     */
    private record YearScores(List<CountyName> counties, Map<String, CountyScores> now,
            Map<String, CountyScores> before, Set<String> sections, Map<String, Integer> ranks) {
    }

    private record CountyName(String code, String name, String groupName) {
    }

    private YearScores scores(Slice slice) {
        int y = slice.year();
        Catalog now = catalogs.forYear(y);
        Catalog before = catalogs.forYear(y - 1);
        return live.get(queries.generation(),
                List.of("scores", slice, new LiveResults.Same(now), new LiveResults.Same(before)), () -> {
                    List<Scoring.Rule> rules = scoringRules(now);
                    List<ValueRow> values = queries.values(slice, List.of(y, y - 1), null, null);
                    Map<String, CountyName> counties = new LinkedHashMap<>();
                    values.forEach(v -> counties.computeIfAbsent(v.code(),
                            code -> new CountyName(code, v.name(), v.groupName())));
                    Map<String, CountyScores> scored = Scoring.score(rules, valuesOf(values, y));
                    return new YearScores(List.copyOf(counties.values()), scored,
                            Scoring.score(scoringRules(before), valuesOf(values, y - 1)), Scoring.sections(rules),
                            ranks(scored));
                }, s -> 10 * s.counties().size());
    }

    /**
     * The scoring rules of a catalogue edition: every indicator with a direction, in catalogue
     * order, with the year's target (the catalogue's default when the year has none).
     */
    static List<Scoring.Rule> scoringRules(Catalog catalog) {
        return catalog.indicators().stream().filter(i -> i.direction() != Direction.NONE)
                .map(i -> new Scoring.Rule(i.code(), i.sectionCode(), i.direction(),
                        i.target() == null ? null : i.target().value()))
                .toList();
    }

    /** County → indicator → value of one year, for the counties with a counted report that year. */
    private static Map<String, Map<String, BigDecimal>> valuesOf(List<ValueRow> rows, int year) {
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        rows.stream().filter(r -> r.year() != null && r.year() == year).forEach(r -> {
            Map<String, BigDecimal> own = values.computeIfAbsent(r.code(), k -> new LinkedHashMap<>());
            if (r.indicator() != null && r.value() != null) {
                own.put(r.indicator(), r.value());
            }
        });
        return values;
    }

    /** Ranks by overall score, highest first; equal scores share a rank; no score, no rank. */
    private static Map<String, Integer> ranks(Map<String, CountyScores> scores) {
        List<Map.Entry<String, CountyScores>> scored = scores.entrySet().stream()
                .filter(e -> e.getValue().overall() != null)
                .sorted(Comparator.comparing((Map.Entry<String, CountyScores> e) -> e.getValue().overall()).reversed())
                .toList();
        Map<String, Integer> ranks = new LinkedHashMap<>();
        for (int i = 0; i < scored.size(); i++) {
            BigDecimal score = scored.get(i).getValue().overall();
            boolean tie = i > 0 && scored.get(i - 1).getValue().overall().compareTo(score) == 0;
            ranks.put(scored.get(i).getKey(), tie ? ranks.get(scored.get(i - 1).getKey()) : i + 1);
        }
        return ranks;
    }

}
