package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.config.NotAllowedException;
import cn.fazhi.portal.dashboard.DashboardService.Filters;
import cn.fazhi.portal.dashboard.DataQualityQueries.CheckedValue;
import cn.fazhi.portal.dashboard.PeerGroups.Group;
import cn.fazhi.portal.dashboard.PeerGroups.Observation;
import cn.fazhi.portal.dashboard.PeerGroups.Outlier;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.ReportStatus;
import cn.fazhi.portal.report.ValueFlags;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values that stand out among their peers (数据质量): for each value of an approved or submitted
 * report, Iglewicz and Hoaglin's modified z-score within its peer group and year
 * ({@link PeerGroups#outliers}), per 10,000 residents for the indicators the catalogue compares
 * that way. Peer groups are national (kind × national population tercile), so a province's
 * counties are judged against their like everywhere, not against the handful next door.
 *
 * <p>A county without a population has no tercile: it is left out of the peer groups (its values
 * neither flagged nor counted among anyone's peers), since neither its per-capita value nor its
 * size class is known.
 *
 * <p>Flags are hints for the review: reviewers see those of their scope, administrators all;
 * the public and clerks never (403 on the page, nothing on the report's page). Nothing in the
 * reporting workflow reads them, so they never block a submission. Computed once per year, peer
 * group and data generation ({@link LiveResults}): the generation moves with every value, status,
 * catalogue or population change.
 */
@Service
@Transactional(readOnly = true)
class DataQualityService implements ValueFlags {

    private final DataQualityQueries queries;
    private final DashboardService dashboards;
    private final CatalogService catalogs;
    private final RegionService regions;
    private final LiveResults live;
    private final AreaIndexes indexes;
    private final DashboardQueries generations;

    DataQualityService(
            DataQualityQueries queries,
            DashboardService dashboards,
            CatalogService catalogs,
            RegionService regions,
            LiveResults live,
            AreaIndexes indexes,
            DashboardQueries generations) {
        this.indexes = indexes;
        this.generations = generations;
        this.queries = queries;
        this.dashboards = dashboards;
        this.catalogs = catalogs;
        this.regions = regions;
        this.live = live;
    }

    /**
     * A flagged value.
     *
     * @param position the indicator's place in the catalogue
     * @param compared the value as compared: per 10,000 residents when {@code perCapita}, else raw
     * @param peerMedian the peer group's median, in the unit of {@code compared}
     */
    record Flag(
            String county,
            String name,
            String provinceCode,
            String prefectureCode,
            String groupName,
            ReportStatus status,
            String indicator,
            int position,
            boolean perCapita,
            BigDecimal raw,
            double compared,
            Group group,
            double peerMedian,
            double z,
            int peers) {

        RegionView region() {
            return new RegionView(county, name, RegionLevel.COUNTY, null, provinceCode, prefectureCode);
        }
    }

    /** Flags in county and catalogue order, and by county. */
    record YearFlags(List<Flag> flags, Map<String, List<Flag>> byCounty) {

        static YearFlags of(List<Flag> flags) {
            Map<String, List<Flag>> byCounty = new LinkedHashMap<>();
            flags.forEach(f ->
                    byCounty.computeIfAbsent(f.county(), c -> new ArrayList<>()).add(f));
            return new YearFlags(List.copyOf(flags), byCounty);
        }
    }

    /** The page: its filters, the year's catalogue (for the indicators' names) and the flags of the area. */
    record QualityPage(Filters filters, Catalog catalog, List<Flag> flags) {}

    QualityPage page(Viewer viewer, Integer year, String area) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            throw new NotAllowedException("data quality for reviewers");
        }
        Integer chosenYear = year;
        if (year == null) {
            // the latest year with something to check in the area (or the scope), not an empty page
            String where = area != null && !area.isBlank()
                    ? area.trim()
                    : viewer.is(Role.REVIEWER) ? viewer.scopeRegionCode() : null;
            chosenYear = dashboards.defaultYear(where, null, DataQualityQueries.CHECKED);
        }
        Filters filters = dashboards.filters(viewer, chosenYear, area, null, DataQualityQueries.CHECKED);
        Slice slice = filters.slice();
        List<Flag> shown = flagsOf(filters.year()).flags().stream()
                .filter(f -> slice.contains(f.region()))
                .toList();
        return new QualityPage(filters, catalogs.forYear(filters.year()), shown);
    }

    @Override
    public Map<String, ValueFlag> flagsOf(String countyCode, int year, Viewer viewer) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            return Map.of();
        }
        RegionView county = regions.findCounty(countyCode).orElse(null);
        if (county == null || !viewer.canSeeUnpublishedOf(county)) {
            return Map.of();
        }
        long generation = generations.generation();
        AreaIndexes.Peers peers = indexes.peers();
        Group group = peers.groups().get(countyCode);
        if (group == null || group.tercile() == 0) {
            return Map.of(); // no population: no peer group
        }
        Map<String, ValueFlag> flags = new LinkedHashMap<>();
        flagsOf(generation, year, group, peers)
                .byCounty()
                .getOrDefault(countyCode, List.of())
                .forEach(f -> flags.put(
                        f.indicator(),
                        new ValueFlag(
                                f.perCapita(),
                                decimal(f.compared(), 2),
                                decimal(f.peerMedian(), 2),
                                decimal(f.z(), 1),
                                f.peers())));
        return flags;
    }

    /** The country's flags of the year: every peer group's, in county and catalogue order. */
    YearFlags flagsOf(int year) {
        long generation = generations.generation();
        AreaIndexes.Peers peers = indexes.peers();
        List<Flag> all = new ArrayList<>();
        peers.members()
                .keySet()
                .forEach(g -> all.addAll(flagsOf(generation, year, g, peers).flags()));
        all.sort(Comparator.comparing(Flag::county).thenComparingInt(Flag::position));
        return YearFlags.of(all);
    }

    /**
     * One peer group's flags of a year, computed once per data generation: a reviewer's report page
     * asks for its county's group only (a ninth of the country's values), the dashboard for all.
     */
    private YearFlags flagsOf(long generation, int year, Group group, AreaIndexes.Peers peers) {
        return live.get(
                generation,
                List.of("data-quality", year, group),
                () -> compute(year, group, peers),
                f -> 1 + f.flags().size());
    }

    private YearFlags compute(int year, Group group, AreaIndexes.Peers peers) {
        List<CheckedValue> values = queries.values(year, peers.members().getOrDefault(group, List.of()));
        Map<String, List<CheckedValue>> byIndicator = new HashMap<>();
        values.forEach(v -> byIndicator
                .computeIfAbsent(v.indicator(), i -> new ArrayList<>())
                .add(v));
        // (county, indicator) → the outlier
        Map<String, Outlier> outliers = new HashMap<>();
        byIndicator.forEach((indicator, members) -> {
            boolean perCapita = members.get(0).perCapita();
            List<Observation> observations = members.stream()
                    .map(m -> {
                        Long population = peers.population().get(m.county());
                        return new Observation(
                                m.county(), compared(m, population), m.value().doubleValue(), population);
                    })
                    .toList();
            PeerGroups.outliers(observations, perCapita)
                    .forEach((county, outlier) -> outliers.put(county + "/" + indicator, outlier));
        });
        List<Flag> flags = new ArrayList<>();
        for (CheckedValue v : values) {
            Outlier o = outliers.get(v.county() + "/" + v.indicator());
            if (o != null) {
                flags.add(new Flag(
                        v.county(),
                        v.name(),
                        v.provinceCode(),
                        v.prefectureCode(),
                        v.groupName(),
                        v.status(),
                        v.indicator(),
                        v.position(),
                        v.perCapita(),
                        v.value(),
                        compared(v, peers.population().get(v.county())),
                        group,
                        o.peerMedian(),
                        o.z(),
                        o.peers()));
            }
        }
        return YearFlags.of(flags);
    }

    /** The value as compared: per 10,000 residents for a per-capita indicator (every grouped county has a population). */
    private static double compared(CheckedValue v, long population) {
        return v.perCapita()
                ? v.value().doubleValue() * CompositeIndex.PER_CAPITA_UNIT / population
                : v.value().doubleValue();
    }

    static BigDecimal decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
