package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.catalog.IndicatorDef;
import cn.fazhi.portal.catalog.SectionDef;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.config.NotFoundException;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.config.RuleRefusedException;
import cn.fazhi.portal.config.TimeConfiguration;
import cn.fazhi.portal.dashboard.DashboardQueries.Aggregate;
import cn.fazhi.portal.dashboard.DashboardQueries.CountyValue;
import cn.fazhi.portal.dashboard.DashboardQueries.ProfileRow;
import cn.fazhi.portal.dashboard.DashboardQueries.PublicationCount;
import cn.fazhi.portal.dashboard.DashboardQueries.ReportState;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusCount;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusReports;
import cn.fazhi.portal.dashboard.DashboardQueries.StatusRow;
import cn.fazhi.portal.dashboard.DashboardQueries.ValueRow;
import cn.fazhi.portal.inspection.FindingCounts;
import cn.fazhi.portal.inspection.InspectionService;
import cn.fazhi.portal.region.RecognitionService;
import cn.fazhi.portal.region.RecognitionView;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.PublicationState;
import cn.fazhi.portal.report.ReportStatus;
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
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    private static final List<ReportStatus> APPROVED = List.of(ReportStatus.APPROVED);
    private static final List<ReportStatus> APPROVED_AND_SUBMITTED =
            List.of(ReportStatus.APPROVED, ReportStatus.SUBMITTED);
    private static final List<ReportStatus> ALL_STATUSES =
            List.of(ReportStatus.DRAFT, ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.APPROVED);
    /** Statuses a report keeps on the status board whatever the deadline. */
    private static final Set<ReportStatus> SENT =
            Set.of(ReportStatus.SUBMITTED, ReportStatus.RETURNED, ReportStatus.APPROVED);

    private final DashboardQueries queries;
    private final CatalogService catalogs;
    private final RecognitionService recognitions;
    private final ReportingCalendar calendar;
    private final InspectionService inspections;
    private final LiveResults live;
    private final RegionService regions;
    private final AreaIndexes indexes;

    DashboardService(
            DashboardQueries queries,
            CatalogService catalogs,
            RecognitionService recognitions,
            ReportingCalendar calendar,
            InspectionService inspections,
            LiveResults live,
            RegionService regions,
            AreaIndexes indexes) {
        this.indexes = indexes;
        this.regions = regions;
        this.inspections = inspections;
        this.live = live;
        this.queries = queries;
        this.catalogs = catalogs;
        this.recognitions = recognitions;
        this.calendar = calendar;
    }

    /**
     * The year, the area and whether submitted reports count, as chosen and as allowed; the peer
     * group the page is narrowed to (null: all), and whether missing values count as 0.
     */
    record Filters(
            int year,
            List<Integer> years,
            RegionView area,
            List<RegionView> areas,
            boolean includeSubmitted,
            boolean mayIncludeSubmitted,
            Slice slice,
            PeerGroups.Group peer,
            boolean missingAsZero) {}

    /** @param findings the inspection findings still open per county (none when not visible) */
    record StatusBoard(
            Filters filters,
            List<StatusRow> rows,
            List<StatusCount> counts,
            Map<String, FindingCounts> findings,
            List<PublicationCount> publicationCounts,
            PublicationState publication,
            LocalDate publicationDeadline) {}

    /**
     * One indicator's ranking: of the area's counties, or of the provinces in the national view.
     *
     * @param perCapita whether the indicator is compared per 10,000 residents (the rows carry both values)
     */
    /**
     * @param asOf the date (China time) whose end the ranking stands at: the day asked for, or today
     * @param historical whether the ranking was asked for as of an earlier date
     */
    record Ranking(
            Filters filters,
            Catalog catalog,
            IndicatorDef indicator,
            boolean perCapita,
            boolean provinces,
            List<RankRow> rows,
            List<Aggregate> aggregates,
            List<RankRow> counties,
            LocalDate asOf,
            boolean historical) {}

    /**
     * The heat map: the ranked units by rank, then those listed under "数据不足，不参与排名".
     */
    /** @param computing the national index is still being computed in the background (then no scores) */
    record HeatMap(
            Filters filters,
            Catalog catalog,
            List<SectionDef> sections,
            AreaIndexes.AreaScores scores,
            List<AreaIndexes.Unit> ranked,
            List<AreaIndexes.Unit> unranked,
            boolean computing) {}

    /**
     * A section's score of the county with its coverage, beside the area's mean and the peer
     * group's median (over the area's counties of its peer group).
     */
    record SectionScore(
            SectionDef section,
            CompositeIndex.Part county,
            Double average,
            Double peerMedian,
            Double previous,
            CompositeIndex.Change change) {}

    record TrendPoint(int year, boolean inCatalogue, boolean reported, BigDecimal value, boolean notApplicable) {}

    /**
     * @param unit the county's row of the index (null when the county is outside the compared area)
     * @param peers how many counties of its peer group in the area have a score (the median's base)
     */
    record Profile(
            RegionView county,
            String provinceName,
            String prefectureName,
            Filters filters,
            Catalog catalog,
            String averageOf,
            List<SectionScore> sections,
            AreaIndexes.Unit unit,
            Double peerMedian,
            int peers,
            CompositeIndex.Change change,
            int ranked,
            double threshold,
            IndicatorDef indicator,
            List<TrendPoint> trend,
            List<ProfileRow> reports,
            List<RecognitionView> recognitions,
            FindingCounts findings) {}

    record CompareRow(IndicatorDef indicator, List<ValueRow> values) {}

    /** @param sectionScores each county's section score with its coverage, from the area's index */
    record Comparison(
            Filters filters,
            Catalog catalog,
            List<RegionView> options,
            List<RegionView> counties,
            SectionDef section,
            List<CompareRow> rows,
            List<CompositeIndex.Part> sectionScores) {}

    // ---- 1. status board ---------------------------------------------------------------------

    /**
     * @param publication the publication state the counties' table is narrowed to (issue 18; the
     *     counts are always of every county of the area); anything but a state's name: all
     */
    StatusBoard statusBoard(Viewer viewer, Integer year, String area, PublicationState publication) {
        requireReviewer(viewer);
        Filters filters = filters(viewer, year, area, null, ALL_STATUSES);
        Slice slice = filters.slice();
        List<RegionView> counties = countiesOf(slice).stream()
                .sorted(Comparator.comparing(RegionView::groupCode).thenComparing(RegionView::code))
                .toList();
        StatusReports reports = queries.statusReports(
                slice.year(), counties.stream().map(RegionView::code).toList());
        int total = catalogs.forYear(slice.year()).indicators().size();
        LocalDate today = calendar.today();
        List<StatusRow> rows = counties.stream()
                .map(c -> statusRow(
                        c,
                        regions.find(c.groupCode()).map(RegionView::name).orElse(null),
                        reports.byCounty().get(c.code()),
                        reports.deadline(),
                        reports.publicationDeadline(),
                        today,
                        total))
                .toList();
        PublicationState chosen = publication;
        List<StatusRow> shown = chosen == null
                ? rows
                : rows.stream().filter(r -> r.publication() == chosen).toList();
        return new StatusBoard(
                filters,
                shown,
                countsOf(rows),
                inspections.findingCountsByCounty(
                        shown.stream().map(StatusRow::code).toList(), viewer),
                publicationCountsOf(rows),
                chosen,
                reports.publicationDeadline());
    }

    /**
     * Where a county's report stands on the board: submitted, returned or approved as it is;
     * otherwise late once its deadline (its own extension, else the year's) has passed, not
     * started without a report, a draft with one. Submitted late when it came in (China time)
     * after that deadline. Its publication against the year's publication deadline (issue 18).
     */
    static StatusRow statusRow(
            RegionView county,
            String groupName,
            ReportState report,
            LocalDate yearDeadline,
            LocalDate publicationDeadline,
            LocalDate today,
            int total) {
        LocalDate deadline = report != null && report.deadline() != null ? report.deadline() : yearDeadline;
        BoardStatus status = report != null && SENT.contains(report.status())
                ? BoardStatus.valueOf(report.status().name())
                : today.isAfter(deadline)
                        ? BoardStatus.LATE
                        : report == null ? BoardStatus.NOT_STARTED : BoardStatus.DRAFT;
        Instant submittedAt = report == null ? null : report.submittedAt();
        boolean submittedLate = submittedAt != null
                && submittedAt.atZone(TimeConfiguration.CHINA).toLocalDate().isAfter(deadline);
        LocalDate publishedOn = report == null ? null : report.publishedOn();
        return new StatusRow(
                county.code(),
                county.name(),
                county.groupCode(),
                groupName,
                status,
                submittedAt,
                deadline,
                submittedLate,
                report == null ? null : report.filled(),
                total,
                PublicationState.of(publishedOn, publicationDeadline, today),
                publishedOn);
    }

    /** Counties per status per prefecture (the rows come in prefecture order), and the area's total last. */
    static List<StatusCount> countsOf(List<StatusRow> rows) {
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        Map<String, String> names = new HashMap<>();
        long[] total = new long[BoardStatus.values().length];
        for (StatusRow row : rows) {
            int status = row.status().ordinal();
            byGroup.computeIfAbsent(row.groupCode(), g -> new long[total.length])[status]++;
            names.putIfAbsent(row.groupCode(), row.groupName());
            total[status]++;
        }
        List<StatusCount> counts = new ArrayList<>();
        byGroup.forEach((code, n) -> counts.add(StatusCount.of(code, names.get(code), n)));
        counts.add(StatusCount.of(null, null, total));
        return counts;
    }

    /**
     * Counties per publication state per prefecture, in the same order as {@link #countsOf}, and
     * the area's total last.
     */
    static List<PublicationCount> publicationCountsOf(List<StatusRow> rows) {
        Map<String, long[]> byGroup = new LinkedHashMap<>();
        int states = PublicationState.values().length;
        long[] total = new long[states];
        for (StatusRow row : rows) {
            int state = row.publication().ordinal();
            byGroup.computeIfAbsent(row.groupCode(), g -> new long[states])[state]++;
            total[state]++;
        }
        List<PublicationCount> counts = new ArrayList<>();
        byGroup.forEach((code, n) -> counts.add(PublicationCount.of(code, n)));
        counts.add(PublicationCount.of(null, total));
        return counts;
    }

    // ---- 2. ranking --------------------------------------------------------------------------

    /**
     * A row of an indicator's ranking: a county, or a province (its aggregate) in the national view.
     *
     * @param value the raw value (a province: the sum for counts and amounts, the ratio of the parts
     *     for a rate with parts, else the mean)
     * @param perCapita the value per 10,000 residents when the indicator is compared so; null otherwise
     *     or without a population
     * @param compared what the rank is by: {@code perCapita} for a flagged indicator, else the value
     *     (a province: the mean when it has no ratio)
     * @param correcting a county whose published version counts while a correction is under way (更正中)
     */
    record RankRow(
            String code,
            String name,
            String groupName,
            boolean reported,
            BigDecimal value,
            boolean notApplicable,
            BigDecimal perCapita,
            Long population,
            BigDecimal compared,
            Integer rank,
            Integer previousRank,
            boolean correcting) {}

    Ranking ranking(
            Viewer viewer,
            Integer year,
            String area,
            String indicator,
            String includeSubmitted,
            PeerGroups.Group peer) {
        return ranking(viewer, year, area, indicator, includeSubmitted, peer, null);
    }

    /**
     * @param asOf a date before today: the ranking as the versions published by the end of that day
     *     (China time) make it, so that a ranking once published can be reproduced; submitted
     *     reports never count then. Null, today or later stands for now.
     */
    Ranking ranking(
            Viewer viewer,
            Integer year,
            String area,
            String indicator,
            String includeSubmitted,
            PeerGroups.Group peer,
            LocalDate asOf) {
        LocalDate today = calendar.today();
        LocalDate day = asOf != null && asOf.isBefore(today) ? asOf : null;
        Instant moment = day == null
                ? null
                : day.plusDays(1)
                        .atStartOfDay(cn.fazhi.portal.config.TimeConfiguration.CHINA)
                        .toInstant()
                        .minusNanos(1_000);
        Filters filters = filters(viewer, year, area, day == null ? includeSubmitted : null, null, peer, false);
        Catalog catalog = catalogs.forYear(filters.year());
        IndicatorDef chosen = catalog.indicator(Objects.requireNonNullElse(indicator, ""))
                .orElse(catalog.indicators().get(0));
        Slice slice = filters.slice();
        boolean provinces = slice.area() == null;
        RankingRows found = live.get(
                queries.generation(),
                List.of(
                        "ranking",
                        slice,
                        chosen.code(),
                        chosen.direction(),
                        chosen.perCapita(),
                        Objects.toString(filters.peer()),
                        Objects.requireNonNullElse(chosen.numeratorCode(), ""),
                        Objects.requireNonNullElse(chosen.denominatorCode(), ""),
                        Objects.toString(moment)),
                () -> {
                    List<Aggregate> aggregates = queries.aggregates(
                            slice, chosen.code(), chosen.numeratorCode(), chosen.denominatorCode(), provinces, moment);
                    List<RankRow> counties =
                            countyRows(chosen, queries.rankingValues(slice, chosen.code(), moment), filters.peer());
                    return new RankingRows(
                            provinces ? provinceRows(chosen, aggregates) : counties, aggregates, counties);
                },
                r -> r.rows().size() + r.counties().size());
        return new Ranking(
                filters,
                catalog,
                chosen,
                chosen.perCapita(),
                provinces,
                found.rows(),
                provinces ? List.of() : found.aggregates(),
                found.counties(),
                day == null ? today : day,
                day != null);
    }

    /** @param counties every county ranked (the same as {@code rows} but in the national view) */
    private record RankingRows(List<RankRow> rows, List<Aggregate> aggregates, List<RankRow> counties) {}

    /** The counties (of a peer group, when one is chosen) ranked by their compared value. */
    private List<RankRow> countyRows(IndicatorDef indicator, List<CountyValue> values, PeerGroups.Group peer) {
        AreaIndexes.Peers peers = indexes.peers();
        List<CountyValue> shown = values.stream()
                .filter(v -> peer == null || peer.equals(peers.groups().get(v.code())))
                .toList();
        List<BigDecimal> now = new ArrayList<>();
        List<BigDecimal> before = new ArrayList<>();
        List<BigDecimal> perCapita = new ArrayList<>();
        for (CountyValue v : shown) {
            Long population = peers.population().get(v.code());
            BigDecimal own = perCapita(v.value(), population);
            perCapita.add(indicator.perCapita() ? own : null);
            now.add(indicator.perCapita() ? own : v.value());
            before.add(indicator.perCapita() ? perCapita(v.previous(), population) : v.previous());
        }
        List<Integer> ranks = ranks(now, indicator.direction());
        List<Integer> previousRanks = ranks(before, indicator.direction());
        List<RankRow> rows = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            CountyValue v = shown.get(i);
            rows.add(new RankRow(
                    v.code(),
                    v.name(),
                    v.groupName(),
                    v.reported(),
                    v.value(),
                    v.notApplicable(),
                    perCapita.get(i),
                    peers.population().get(v.code()),
                    now.get(i),
                    ranks.get(i),
                    previousRanks.get(i),
                    v.correcting()));
        }
        rows.sort(Comparator.comparing((RankRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(RankRow::code));
        return rows;
    }

    /**
     * The provinces by their aggregate: per 10,000 residents for a flagged indicator, the ratio of
     * the summed parts for a rate with parts, else the mean of the reporting counties.
     */
    private static List<RankRow> provinceRows(IndicatorDef indicator, List<Aggregate> aggregates) {
        List<Aggregate> provinces =
                aggregates.stream().filter(a -> a.groupCode() != null).toList();
        List<BigDecimal> compared = provinces.stream()
                .map(a -> indicator.perCapita() ? a.perCapita() : indicator.isComputed() ? a.ratio() : a.mean())
                .toList();
        List<Integer> ranks = ranks(compared, indicator.direction());
        List<RankRow> rows = new ArrayList<>();
        for (int i = 0; i < provinces.size(); i++) {
            Aggregate a = provinces.get(i);
            BigDecimal value = indicator.isComputed()
                    ? a.ratio()
                    : indicator.kind() == cn.fazhi.portal.catalog.IndicatorKind.RATE ? a.mean() : a.sum();
            rows.add(new RankRow(
                    a.groupCode(),
                    a.groupName(),
                    null,
                    a.reporting() > 0,
                    value,
                    indicator.isComputed() && a.ratioNotApplicable(),
                    indicator.perCapita() ? a.perCapita() : null,
                    null,
                    compared.get(i),
                    ranks.get(i),
                    null,
                    false));
        }
        rows.sort(Comparator.comparing((RankRow r) -> r.rank() == null ? Integer.MAX_VALUE : r.rank())
                .thenComparing(RankRow::code));
        return rows;
    }

    /** Value ÷ population × 10,000; null without either. */
    static BigDecimal perCapita(BigDecimal value, Long population) {
        if (value == null || population == null || population <= 0) {
            return null;
        }
        return value.multiply(BigDecimal.valueOf(CompositeIndex.PER_CAPITA_UNIT))
                .divide(BigDecimal.valueOf(population), 6, java.math.RoundingMode.HALF_UP);
    }

    /**
     * Competition ranks of the values, best first by the direction (DOWN: lowest first; NONE as
     * UP); null for a missing value.
     */
    static List<Integer> ranks(List<BigDecimal> values, Direction direction) {
        double sign = direction == Direction.DOWN ? -1 : 1;
        double[] scores = values.stream()
                .mapToDouble(v -> v == null ? Double.NaN : sign * v.doubleValue())
                .toArray();
        boolean[] present = new boolean[scores.length];
        for (int i = 0; i < scores.length; i++) {
            present[i] = values.get(i) != null;
        }
        int[] ranks = CompositeIndex.ranks(scores, present);
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < ranks.length; i++) {
            result.add(present[i] ? ranks[i] : null);
        }
        return result;
    }

    // ---- 3. heat map -------------------------------------------------------------------------

    /**
     * @param wait whether to wait for the national index (a download does; a page never waits more
     *     than {@code portal.dashboards.national-wait})
     */
    HeatMap heatMap(
            Viewer viewer,
            Integer year,
            String area,
            String includeSubmitted,
            PeerGroups.Group peer,
            String missingAsZero,
            boolean wait) {
        Filters filters = filters(viewer, year, area, includeSubmitted, null, peer, truthy(missingAsZero));
        Catalog catalog = catalogs.forYear(filters.year());
        AreaIndexes.AreaScores scores = indexes.scores(filters.slice(), filters.peer(), filters.missingAsZero(), wait);
        if (scores == null) {
            return new HeatMap(filters, catalog, List.of(), null, List.of(), List.of(), true);
        }
        List<SectionDef> sections = catalog.sections().stream()
                .filter(s -> scores.sections().contains(s.code()))
                .toList();
        return new HeatMap(
                filters,
                catalog,
                sections,
                scores,
                scores.units().stream().filter(AreaIndexes.Unit::ranked).toList(),
                scores.units().stream().filter(u -> !u.ranked()).toList(),
                false);
    }

    // ---- 4. county profile -------------------------------------------------------------------

    Profile profile(Viewer viewer, String code, Integer year, String indicator, String includeSubmitted) {
        boolean privileged = viewer.is(Role.ADMIN) || viewer.is(Role.REVIEWER);
        RegionView known = regions.findCounty(code).orElseThrow(NotFoundException::new);
        int y = year == null ? defaultYear(known.provinceCode(), null) : checkYear(year, calendar.reportingYear());
        Catalog catalog = catalogs.forYear(y);
        IndicatorDef chosen = catalog.indicator(Objects.requireNonNullElse(indicator, ""))
                .orElse(catalog.indicators().get(0));
        // the county, its reports as this viewer may list them, and the trend of the indicator
        List<ProfileRow> found = queries.profile(code, privileged ? ALL_STATUSES : APPROVED, chosen.code());
        if (found.isEmpty()) {
            throw new NotFoundException();
        }
        RegionView county = found.get(0).county();
        if (privileged && !viewer.canSeeUnpublishedOf(county)) {
            throw new NotAllowedException("county outside the reviewer's scope");
        }
        // the comparison set: the province, or the reviewer's own prefecture when that is the scope
        String scope = viewer.is(Role.REVIEWER) ? viewer.scopeRegionCode() : null;
        boolean prefectureScope = scope != null && !scope.equals(county.provinceCode());
        RegionView area = prefectureScope
                ? new RegionView(
                        scope,
                        found.get(0).prefectureName(),
                        RegionLevel.PREFECTURE,
                        county.provinceCode(),
                        county.provinceCode(),
                        scope)
                : new RegionView(
                        county.provinceCode(),
                        found.get(0).provinceName(),
                        RegionLevel.PROVINCE,
                        null,
                        county.provinceCode(),
                        null);
        boolean include = privileged && truthy(includeSubmitted);
        Slice slice = new Slice(area, scope, y, include ? APPROVED_AND_SUBMITTED : APPROVED);
        Filters filters = new Filters(y, years(), area, List.of(), include, privileged, slice, null, false);
        AreaIndexes.AreaScores scores = indexes.scores(slice, null, false);
        AreaIndexes.Unit own = scores.unit(code);
        List<AreaIndexes.Unit> peers = own == null || own.peer() == null
                ? List.of()
                : scores.units().stream()
                        .filter(u -> own.peer().equals(u.peer())
                                && u.overall() != null
                                && u.overall().score() != null)
                        .toList();
        List<SectionScore> sections = catalog.sections().stream()
                .filter(s -> scores.sections().contains(s.code()))
                .map(s -> {
                    CompositeIndex.Part mine =
                            own == null ? null : own.sections().get(s.code());
                    Double average = mean(scores.units().stream()
                            .map(u -> score(u.sections().get(s.code())))
                            .toList());
                    Double peerMedian = median(peers.stream()
                            .map(u -> score(u.sections().get(s.code())))
                            .toList());
                    return new SectionScore(s, mine, average, peerMedian, null, null);
                })
                .toList();
        Set<ReportStatus> counted = Set.copyOf(filters.slice().statuses());
        List<ProfileRow> reports = found.stream().filter(r -> r.year() != null).toList();
        List<TrendPoint> trend = trend(chosen, reports, counted, FIRST_YEAR, calendar.reportingYear());
        Double overall = own == null ? null : score(own.overall());
        Double previousOverall = own == null ? null : own.previousOverall();
        // the findings still open: for those who may see the county's unpublished work (one statement)
        FindingCounts findings = inspections.findingCountsOf(county, viewer);
        return new Profile(
                county,
                found.get(0).provinceName(),
                found.get(0).prefectureName(),
                filters,
                catalog,
                area.name(),
                sections,
                own,
                median(peers.stream().map(u -> score(u.overall())).toList()),
                peers.size(),
                CompositeIndex.change(previousOverall, overall),
                scores.ranked(),
                scores.threshold(),
                chosen,
                trend,
                reports.stream()
                        .filter(r -> viewer.canSeeUnpublishedOf(county) || r.status() == ReportStatus.APPROVED)
                        .toList(),
                recognitions.of(code),
                findings);
    }

    private static Double score(CompositeIndex.Part part) {
        return part == null ? null : part.score();
    }

    /** The mean of the scores present; null when none is. */
    static Double mean(List<Double> scores) {
        return scores.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().stream()
                .boxed()
                .findFirst()
                .orElse(null);
    }

    /** The median of the scores present; null when none is. */
    static Double median(List<Double> scores) {
        double[] sorted = scores.stream()
                .filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        return sorted.length == 0 ? null : CompositeIndex.quantile(sorted, 0.5);
    }

    /**
     * An indicator's value in each year of the county's reports that count; a year outside the
     * indicator's catalogue editions says so rather than showing a gap.
     */
    static List<TrendPoint> trend(
            IndicatorDef indicator, List<ProfileRow> reports, Set<ReportStatus> counted, int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(year -> {
                    ProfileRow row = reports.stream()
                            .filter(r -> r.year() != null && r.year() == year && counted.contains(r.status()))
                            .findFirst()
                            .orElse(null);
                    return new TrendPoint(
                            year,
                            indicator.isValidIn(year),
                            row != null,
                            row == null ? null : row.value(),
                            row != null && row.notApplicable());
                })
                .toList();
    }

    // ---- 5. comparison -----------------------------------------------------------------------

    Comparison compare(
            Viewer viewer, Integer year, String area, List<String> codes, String section, String includeSubmitted) {
        requireReviewer(viewer);
        Filters filters = filters(viewer, year, area, includeSubmitted, null, null, false);
        List<RegionView> options = filters.area() == null ? List.of() : countiesOf(filters.slice());
        List<String> wanted = codes == null
                ? List.of()
                : codes.stream().filter(Objects::nonNull).distinct().toList();
        Map<String, RegionView> allowed = new LinkedHashMap<>();
        options.forEach(o -> allowed.put(o.code(), o));
        if (!allowed.keySet().containsAll(wanted)) {
            throw new NotAllowedException("a county outside the area or the scope");
        }
        Catalog catalog = catalogs.forYear(filters.year());
        SectionDef chosen = catalog.sections().stream()
                .filter(s -> s.code().equals(section))
                .findFirst()
                .orElse(catalog.sections().get(0));
        List<RegionView> counties =
                wanted.stream().limit(MAX_COMPARED).map(allowed::get).toList();
        if (counties.size() < 2) {
            return new Comparison(filters, catalog, options, counties, chosen, List.of(), List.of());
        }
        List<IndicatorDef> indicators = catalog.indicatorsOf(chosen.code());
        Slice slice = filters.slice();
        List<ValueRow> values = queries.values(
                slice,
                List.of(filters.year()),
                indicators.stream().map(IndicatorDef::code).toList(),
                counties.stream().map(RegionView::code).toList());
        List<CompareRow> rows = indicators.stream()
                .map(i -> new CompareRow(
                        i,
                        counties.stream()
                                .map(c -> values.stream()
                                        .filter(v -> v.code().equals(c.code())
                                                && i.code().equals(v.indicator()))
                                        .findFirst()
                                        .orElse(null))
                                .toList()))
                .toList();
        AreaIndexes.AreaScores scores = indexes.scores(slice, null, false);
        return new Comparison(
                filters,
                catalog,
                options,
                counties,
                chosen,
                rows,
                counties.stream()
                        .map(c -> {
                            AreaIndexes.Unit unit = scores.unit(c.code());
                            return unit == null ? null : unit.sections().get(chosen.code());
                        })
                        .toList());
    }

    // ---- 6. the scoring method ---------------------------------------------------------------

    /**
     * What the method page states, each number taken from the constant the code computes with, so
     * the page cannot say one thing while the dashboards do another.
     *
     * @param thresholds the years an administrator set a coverage threshold for, with it
     * @param populationSource the population table's latest source
     * @param example the worked example: the fullest approved report of the latest year, in its province
     */
    record Method(
            int minReporting,
            double clipTail,
            double alternativeClipTail,
            double perCapitaUnit,
            int draws,
            long seed,
            double weightConcentration,
            double defaultThreshold,
            Map<Integer, Double> thresholds,
            double zLimit,
            double minUnits,
            int minPeers,
            double noChangeBand,
            String populationSource,
            AreaIndexes.Example example,
            Catalog catalog) {}

    Method method() {
        Map<Integer, Double> thresholds = new LinkedHashMap<>();
        for (int y = calendar.reportingYear(); y >= FIRST_YEAR; y--) {
            Double set = queries.coverageThreshold(y);
            if (set != null) {
                thresholds.put(y, set);
            }
        }
        AreaIndexes.Example example = queries.exampleReport()
                .flatMap(r -> regions.findCounty(r.county())
                        .map(c -> indexes.example(
                                new Slice(
                                        new RegionView(
                                                c.provinceCode(),
                                                null,
                                                RegionLevel.PROVINCE,
                                                null,
                                                c.provinceCode(),
                                                null),
                                        null,
                                        r.year(),
                                        APPROVED),
                                c.code())))
                .orElse(null);
        return new Method(
                CompositeIndex.MIN_REPORTING,
                CompositeIndex.Clip.P5_95.tail,
                CompositeIndex.Clip.P1_99.tail,
                CompositeIndex.PER_CAPITA_UNIT,
                CompositeIndex.DRAWS,
                CompositeIndex.SEED,
                CompositeIndex.WEIGHT_CONCENTRATION,
                CompositeIndex.DEFAULT_COVERAGE_THRESHOLD,
                thresholds,
                PeerGroups.Z_LIMIT,
                PeerGroups.MIN_UNITS,
                PeerGroups.MIN_PEERS,
                CompositeIndex.NO_CHANGE_BAND,
                queries.populationSource(),
                example,
                example == null ? null : catalogs.forYear(example.year()));
    }

    // ---- shared ------------------------------------------------------------------------------

    /**
     * The filters of a page as this viewer may have them. A reviewer's area defaults to the scope
     * and must lie within it; the public and administrators may pick any province or prefecture.
     * The year defaults to the reporting year on the status board ({@code statuses} given), and
     * elsewhere to the latest year with an approved report in the area.
     */
    Filters filters(Viewer viewer, Integer year, String area, String includeSubmitted, List<ReportStatus> statuses) {
        return filters(viewer, year, area, includeSubmitted, statuses, null, false);
    }

    Filters filters(
            Viewer viewer,
            Integer year,
            String area,
            String includeSubmitted,
            List<ReportStatus> statuses,
            PeerGroups.Group peer,
            boolean missingAsZero) {
        boolean privileged = viewer.is(Role.ADMIN) || viewer.is(Role.REVIEWER);
        String scope = viewer.is(Role.REVIEWER) ? viewer.scopeRegionCode() : null;
        int last = calendar.reportingYear();
        String wanted = area == null || area.isBlank() ? scope : area.trim();
        List<RegionView> areas = regions.areaChoices(wanted, scope == null);
        RegionView chosen = null;
        if (wanted != null) {
            chosen = areas.stream()
                    .filter(a -> a.code().equals(wanted) && a.level() != RegionLevel.COUNTY)
                    .findFirst()
                    .orElseThrow(NotFoundException::new);
            if (!chosen.isWithin(scope)) {
                throw new NotAllowedException("area outside the reviewer's scope");
            }
        }
        int y = year != null || statuses != null
                ? checkYear(year, last)
                : defaultYear(chosen == null ? null : chosen.code(), scope);
        List<RegionView> options = areas.stream()
                .filter(a -> a.level() != RegionLevel.COUNTY)
                .filter(a -> a.isWithin(scope))
                .toList();
        boolean include = privileged && truthy(includeSubmitted);
        List<ReportStatus> counted = statuses != null ? statuses : include ? APPROVED_AND_SUBMITTED : APPROVED;
        return new Filters(
                y,
                years(),
                chosen,
                options,
                include,
                privileged,
                new Slice(chosen, scope, y, counted),
                peer,
                missingAsZero);
    }

    /**
     * The latest year with an approved report in the area, so that a dashboard never opens on an
     * empty year; the reporting year when the area has none.
     */
    int defaultYear(String area, String scope) {
        return defaultYear(area, scope, APPROVED);
    }

    /** The latest year with a report of one of the statuses in the area; the reporting year when none. */
    int defaultYear(String area, String scope, List<ReportStatus> statuses) {
        int last = calendar.reportingYear();
        Integer latest = live.get(
                        queries.generation(),
                        List.of("latest-year", Objects.toString(area), Objects.toString(scope), statuses, last),
                        () -> Optional.ofNullable(queries.latestYear(area, scope, statuses, last)),
                        o -> 1)
                .orElse(null);
        return latest == null || latest < FIRST_YEAR ? last : latest;
    }

    /** The slice's counties in code order, from the region tree in memory. */
    private List<RegionView> countiesOf(Slice slice) {
        return regions.counties().stream().filter(slice::contains).toList();
    }

    /** The years a dashboard offers, newest first. */
    private List<Integer> years() {
        return IntStream.rangeClosed(FIRST_YEAR, calendar.reportingYear())
                .boxed()
                .sorted(Comparator.reverseOrder())
                .toList();
    }

    private static boolean truthy(String checkbox) {
        return "true".equals(checkbox) || "on".equals(checkbox);
    }

    private static void requireReviewer(Viewer viewer) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            throw new NotAllowedException("dashboards for reviewers");
        }
    }

    /** The year asked for, the reporting year when none; a year no dashboard offers is refused. */
    private static int checkYear(Integer year, int last) {
        if (year == null) {
            return last;
        }
        if (year < FIRST_YEAR || year > last) {
            throw new RuleRefusedException("no dashboard for " + year);
        }
        return year;
    }
}
