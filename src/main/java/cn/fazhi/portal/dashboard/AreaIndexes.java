package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.dashboard.CompositeIndex.CountyScore;
import cn.fazhi.portal.dashboard.CompositeIndex.GroupScore;
import cn.fazhi.portal.dashboard.CompositeIndex.Part;
import cn.fazhi.portal.dashboard.CompositeIndex.RankInterval;
import cn.fazhi.portal.dashboard.CompositeIndex.Unscored;
import cn.fazhi.portal.dashboard.DashboardQueries.IndexValue;
import cn.fazhi.portal.dashboard.PeerGroups.Group;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The composite index ({@link CompositeIndex}) of the counties a dashboard shows, scaled against
 * their reference area: the province of the page's area, or the whole country when the page shows
 * the country (then the rows are the provinces, each the mean of its ranked counties). Ranked among
 * the counties of the page's area and scope, or of one peer group of them; kept per data
 * generation in {@link LiveResults} like every score, rank intervals included.
 */
@Component
class AreaIndexes {

    private final DashboardQueries queries;
    private final CatalogService catalogs;
    private final RegionService regions;
    private final LiveResults live;

    /** How long a national page waits for its index before it says it is being computed. */
    private Duration nationalWait;

    AreaIndexes(
            DashboardQueries queries,
            CatalogService catalogs,
            RegionService regions,
            LiveResults live,
            @Value("${portal.dashboards.national-wait:200ms}") Duration nationalWait) {
        this.nationalWait = nationalWait;
        this.queries = queries;
        this.catalogs = catalogs;
        this.regions = regions;
        this.live = live;
    }

    /**
     * A row of the index: a county, or a province in the national view.
     *
     * @param reported whether it has a counted report (a province: any of its counties)
     * @param overall the overall score with its coverage (a province: ranked counties ÷ counties)
     * @param rank null when not ranked (数据不足) or without any score
     * @param previousOverall last year's overall score by last year's catalogue, for the change
     */
    record Unit(
            String code,
            String name,
            String groupName,
            Group peer,
            Long population,
            boolean reported,
            Map<String, Part> sections,
            Part overall,
            boolean ranked,
            Integer rank,
            RankInterval interval,
            Double previousOverall) {}

    /**
     * What a heat map, a profile or a comparison shows.
     *
     * @param reference the province the values were scaled against, null for the country
     * @param provinces whether the units are provinces (the national view)
     * @param units every county of the area and scope (or province), ranked ones first by rank
     * @param sections the sections with at least one scored indicator, in catalogue order
     * @param threshold the coverage a unit needs to be ranked
     * @param counties every county of the area and scope with its scores (the same as {@code units}
     *     but in the national view, where they are kept for the exports, never drawn on a page)
     */
    record AreaScores(
            int year,
            String reference,
            boolean provinces,
            List<Unit> units,
            Set<String> sections,
            Map<String, Unscored> unscored,
            double threshold,
            boolean missingAsZero,
            int ranked,
            List<Unit> counties) {

        Unit unit(String code) {
            return units.stream().filter(u -> u.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** A peer group as a page's filter names it (read back by {@link PeerGroupConverter}). */
    static String peerName(Group group) {
        return group.kind() + "-" + group.tercile();
    }

    /**
     * The index of a slice's counties (the provinces' when the slice is the whole country), with
     * rank intervals.
     *
     * @param peer only counties of this peer group are ranked and shown; null for all
     * @param missingAsZero the penalised view: a missing value scores 0 and every county with a
     *     report is ranked
     */
    AreaScores scores(Slice slice, Group peer, boolean missingAsZero) {
        return scores(slice, peer, missingAsZero, true);
    }

    /**
     * The index as {@link #scores(Slice, Group, boolean)}; but the national index (the whole
     * country's values of two years and its draws take seconds) is computed in the background, and
     * a page that may not wait gets null when it is not ready within {@code portal.dashboards.national-wait}
     * (200 ms).
     */
    AreaScores scores(Slice slice, Group peer, boolean missingAsZero, boolean wait) {
        int year = slice.year();
        Catalog now = catalogs.forYear(year);
        Catalog before = catalogs.forYear(year - 1);
        long generation = queries.generation();
        Object key = List.of(
                "index",
                slice,
                Objects.toString(peer),
                missingAsZero,
                new LiveResults.Same(now),
                new LiveResults.Same(before));
        java.util.function.Supplier<AreaScores> computed = () -> live.get(
                generation,
                key,
                () -> compute(generation, slice, peer, missingAsZero, now, before),
                s -> 10 * (s.units().size() + s.counties().size()) + 1);
        if (slice.area() != null) {
            return computed.get();
        }
        AreaScores kept = live.peek(generation, key);
        if (kept != null) {
            return kept;
        }
        pending.keySet().removeIf(k -> k.generation() < generation);
        CompletableFuture<AreaScores> running = pending.computeIfAbsent(
                new Pending(generation, key), k -> CompletableFuture.supplyAsync(computed, background));
        try {
            return wait ? running.get() : running.get(nationalWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            pending.remove(new Pending(generation, key));
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private record Pending(long generation, Object key) {}

    private final Map<Pending, CompletableFuture<AreaScores>> pending = new ConcurrentHashMap<>();

    /** One national computation at a time: it takes a core for a second or two. */
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "national-index");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }

    /**
     * Population and peer group of every county, the terciles over the nation's counties, once per
     * generation (a new population table moves it): the heat map's filter, the profile's peers and
     * the outlier check share them.
     *
     * @param groups every county's group; tercile 0 for a county without a population
     * @param members the counties of each group with a population (tercile 1–3)
     */
    record Peers(Map<String, Long> population, Map<String, Group> groups, Map<Group, List<String>> members) {}

    Peers peers() {
        return live.get(
                queries.generation(),
                "peers",
                () -> {
                    Map<String, Long> population = queries.populations();
                    List<RegionView> counties = regions.counties();
                    long[] bounds = PeerGroups.tercileBounds(
                            counties.stream().map(c -> population.get(c.code())).toList());
                    Map<String, Group> groups = new HashMap<>();
                    Map<Group, List<String>> members = new LinkedHashMap<>();
                    for (RegionView county : counties) {
                        Group group =
                                PeerGroups.groupOf(county.code(), county.name(), population.get(county.code()), bounds);
                        groups.put(county.code(), group);
                        if (group.tercile() > 0) {
                            members.computeIfAbsent(group, g -> new ArrayList<>())
                                    .add(county.code());
                        }
                    }
                    return new Peers(population, groups, members);
                },
                p -> p.groups().size() / 5);
    }

    /** The standard method (equal weights, 5/95 clipping, per capita) with the year's threshold. */
    private static CompositeIndex.Method method(boolean missingAsZero, double threshold) {
        return new CompositeIndex.Method(CompositeIndex.Clip.P5_95, missingAsZero, true, Map.of(), threshold);
    }

    /** The coverage a county needs in the year to be ranked. */
    double threshold(int year) {
        Double set = queries.coverageThreshold(year);
        return set == null ? CompositeIndex.DEFAULT_COVERAGE_THRESHOLD : set;
    }

    private AreaScores compute(
            long generation, Slice slice, Group peer, boolean missingAsZero, Catalog now, Catalog before) {
        int year = slice.year();
        String reference = slice.area() == null ? null : slice.area().provinceCode();
        boolean provinces = slice.area() == null;
        Map<Integer, Map<String, Map<String, Double>>> byYear = values(generation, slice);
        Peers peers = peers();
        List<RegionView> shown = regions.counties().stream()
                .filter(slice::contains)
                .filter(c -> peer == null || peer.equals(peers.groups().get(c.code())))
                .toList();
        Set<String> compared = new LinkedHashSet<>();
        shown.forEach(c -> compared.add(c.code()));
        Map<String, String> groups = null;
        if (provinces) {
            groups = new LinkedHashMap<>();
            for (RegionView c : shown) {
                groups.put(c.code(), c.provinceCode());
            }
        }
        double threshold = missingAsZero ? 0 : threshold(year);
        CompositeIndex.Method method = method(missingAsZero, threshold);
        CompositeIndex.Result result = CompositeIndex.compute(
                new CompositeIndex.Data(
                        indicators(now), byYear.getOrDefault(year, Map.of()), peers.population(), compared, groups),
                method,
                CompositeIndex.DRAWS);
        CompositeIndex.Result last = CompositeIndex.compute(
                new CompositeIndex.Data(
                        indicators(before),
                        byYear.getOrDefault(year - 1, Map.of()),
                        peers.population(),
                        compared,
                        groups),
                method,
                0);
        List<Unit> counties = countyUnits(result, last, shown, peers);
        List<Unit> units = provinces ? provinceUnits(result, last, shown) : counties;
        int ranked = (int) units.stream().filter(Unit::ranked).count();
        return new AreaScores(
                year,
                reference,
                provinces,
                units,
                result.sections(),
                result.unscored(),
                threshold,
                missingAsZero,
                ranked,
                counties);
    }

    /**
     * year → county → indicator → value of the slice's reference area in its year and the year
     * before; submitted reports count only within the viewer's scope.
     */
    private Map<Integer, Map<String, Map<String, Double>>> values(long generation, Slice slice) {
        int year = slice.year();
        String reference = slice.area() == null ? null : slice.area().provinceCode();
        String within = slice.scope();
        return live.get(
                generation,
                List.of("index-values", Objects.toString(reference), year, slice.statuses(), Objects.toString(within)),
                () -> valuesByYear(queries.indexValues(reference, List.of(year, year - 1), slice.statuses(), within)),
                v -> v.values().stream().mapToInt(Map::size).sum());
    }

    /**
     * One indicator of the worked example: the county's value, the value as compared (per 10,000
     * residents when flagged), the target or the reference area's clipping bounds, and its score.
     */
    record ExampleRow(
            CompositeIndex.Indicator indicator,
            Double value,
            Double compared,
            double[] bounds,
            Double scaled,
            Unscored unscored) {}

    /** The method page's worked example: one county's index, step by step. */
    record Example(
            String county,
            String name,
            int year,
            String reference,
            Long population,
            List<ExampleRow> rows,
            Map<String, Part> sections,
            Part overall,
            boolean ranked,
            double threshold) {}

    /** How one county of the slice is scored, indicator by indicator; null when it has no counted report. */
    Example example(Slice slice, String county) {
        int year = slice.year();
        Map<String, Map<String, Double>> values =
                values(queries.generation(), slice).getOrDefault(year, Map.of());
        if (!values.containsKey(county)) {
            return null;
        }
        Peers peers = peers();
        Set<String> compared = new LinkedHashSet<>();
        regions.counties().stream().filter(slice::contains).forEach(c -> compared.add(c.code()));
        List<CompositeIndex.Indicator> indicators = indicators(catalogs.forYear(year));
        double threshold = threshold(year);
        CompositeIndex.Result result = CompositeIndex.compute(
                new CompositeIndex.Data(indicators, values, peers.population(), compared, null),
                method(false, threshold),
                0);
        Long population = peers.population().get(county);
        Map<String, Double> own = values.get(county);
        Map<String, Double> scaled = result.scaled().getOrDefault(county, Map.of());
        List<ExampleRow> rows = indicators.stream()
                .filter(i -> own.containsKey(i.code()))
                .map(i -> {
                    Double value = own.get(i.code());
                    Double comparedValue = !i.perCapita()
                            ? value
                            : population == null ? null : value / population * CompositeIndex.PER_CAPITA_UNIT;
                    return new ExampleRow(
                            i,
                            value,
                            comparedValue,
                            result.bounds().get(i.code()),
                            scaled.get(i.code()),
                            result.unscored().get(i.code()));
                })
                .toList();
        CountyScore score = result.counties().get(county);
        return new Example(
                county,
                regions.find(county).map(RegionView::name).orElse(county),
                year,
                regions.find(slice.area().provinceCode()).map(RegionView::name).orElse(null),
                population,
                rows,
                score.sections(),
                score.overall(),
                score.ranked(),
                threshold);
    }

    private List<Unit> countyUnits(
            CompositeIndex.Result result, CompositeIndex.Result last, List<RegionView> shown, Peers peers) {
        List<Unit> units = new ArrayList<>();
        for (RegionView c : shown) {
            CountyScore own = result.counties().get(c.code());
            CountyScore previous = last.counties().get(c.code());
            units.add(new Unit(
                    c.code(),
                    c.name(),
                    regions.find(c.groupCode()).map(RegionView::name).orElse(null),
                    peers.groups().get(c.code()),
                    peers.population().get(c.code()),
                    own != null,
                    own == null ? Map.of() : own.sections(),
                    own == null ? null : own.overall(),
                    own != null && own.ranked(),
                    own == null ? null : own.rank(),
                    own == null ? null : own.interval(),
                    previous == null ? null : previous.overall().score()));
        }
        units.sort(ORDER);
        return units;
    }

    private List<Unit> provinceUnits(CompositeIndex.Result result, CompositeIndex.Result last, List<RegionView> shown) {
        Map<String, Boolean> reported = new LinkedHashMap<>();
        Map<String, Long> population = new HashMap<>();
        Peers peers = peers();
        for (RegionView c : shown) {
            reported.merge(c.provinceCode(), result.counties().containsKey(c.code()), Boolean::logicalOr);
            Long p = peers.population().get(c.code());
            if (p != null) {
                population.merge(c.provinceCode(), p, Long::sum);
            }
        }
        List<Unit> units = new ArrayList<>();
        reported.forEach((code, any) -> {
            GroupScore own = result.groups().get(code);
            GroupScore previous = last.groups().get(code);
            units.add(new Unit(
                    code,
                    regions.find(code).map(RegionView::name).orElse(code),
                    null,
                    null,
                    population.get(code),
                    any,
                    own == null ? Map.of() : own.sections(),
                    own == null ? null : own.overall(),
                    own != null && own.ranked(),
                    own == null ? null : own.rank(),
                    own == null ? null : own.interval(),
                    previous == null ? null : previous.overall().score()));
        });
        units.sort(ORDER);
        return units;
    }

    /** Ranked first by rank, then those with a score, then the rest, each by code. */
    private static final Comparator<Unit> ORDER = Comparator.comparing(
                    (Unit u) -> u.rank() == null ? Integer.MAX_VALUE : u.rank())
            .thenComparing(u -> u.overall() == null || u.overall().score() == null)
            .thenComparing(Unit::code);

    /** The indicators of a catalogue edition as the index sees them. */
    static List<CompositeIndex.Indicator> indicators(Catalog catalog) {
        return catalog.indicators().stream()
                .filter(i -> i.direction() != Direction.NONE)
                .map(i -> new CompositeIndex.Indicator(
                        i.code(),
                        i.sectionCode(),
                        i.direction(),
                        i.target() == null ? null : i.target().value().doubleValue(),
                        i.perCapita()))
                .toList();
    }

    /** year → county → indicator → value; a county with a counted report has an entry, values or not. */
    private static Map<Integer, Map<String, Map<String, Double>>> valuesByYear(List<IndexValue> rows) {
        Map<Integer, Map<String, Map<String, Double>>> byYear = new HashMap<>();
        for (IndexValue row : rows) {
            Map<String, Double> own = byYear.computeIfAbsent(row.year(), y -> new LinkedHashMap<>())
                    .computeIfAbsent(row.county(), c -> new HashMap<>());
            if (row.indicator() != null && row.value() != null) {
                own.put(row.indicator(), row.value());
            }
        }
        return byYear;
    }
}
