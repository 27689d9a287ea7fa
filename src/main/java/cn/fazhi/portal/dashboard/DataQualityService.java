package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.account.Role;
import cn.fazhi.portal.account.Viewer;
import cn.fazhi.portal.catalog.Catalog;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.config.ReportingCalendar;
import cn.fazhi.portal.dashboard.DashboardService.Filters;
import cn.fazhi.portal.dashboard.DataQualityQueries.CheckedValue;
import cn.fazhi.portal.dashboard.PeerGroups.Group;
import cn.fazhi.portal.dashboard.PeerGroups.Observation;
import cn.fazhi.portal.dashboard.PeerGroups.Outlier;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionService;
import cn.fazhi.portal.region.RegionView;
import cn.fazhi.portal.report.ValueFlags;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
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
 * reporting workflow reads them, so they never block a submission. Computed once per year and
 * data generation ({@link LiveResults}): the generation moves with every value, status, catalogue
 * or population change.
 */
@Service
@Transactional(readOnly = true)
class DataQualityService implements ValueFlags {

    private final DataQualityQueries queries;
    private final DashboardService dashboards;
    private final CatalogService catalogs;
    private final RegionService regions;
    private final ReportingCalendar calendar;
    private final LiveResults live;

    DataQualityService(DataQualityQueries queries, DashboardService dashboards, CatalogService catalogs,
            RegionService regions, ReportingCalendar calendar, LiveResults live) {
        this.queries = queries;
        this.dashboards = dashboards;
        this.catalogs = catalogs;
        this.regions = regions;
        this.calendar = calendar;
        this.live = live;
    }

    /**
     * A flagged value.
     *
     * @param compared the value as compared: per 10,000 residents when {@code perCapita}, else raw
     * @param peerMedian the peer group's median, in the unit of {@code compared}
     */
    record Flag(String county, String name, String provinceCode, String prefectureCode, String groupName,
            String status, String indicator, boolean perCapita, BigDecimal raw, double compared, Group group,
            double peerMedian, double z, int peers) {

        RegionView region() {
            return new RegionView(county, name, RegionLevel.COUNTY, null, provinceCode, prefectureCode);
        }
    }

    /** The country's flags of a year, in county and catalogue order, and by county. */
    record YearFlags(List<Flag> flags, Map<String, List<Flag>> byCounty) {
    }

    /** The page: its filters, the year's catalogue (for the indicators' names) and the flags of the area. */
    record QualityPage(Filters filters, Catalog catalog, List<Flag> flags) {
    }

    QualityPage page(Viewer viewer, String year, String area) {
        if (!viewer.is(Role.REVIEWER) && !viewer.is(Role.ADMIN)) {
            throw new AccessDeniedException("data quality for reviewers");
        }
        String chosenYear = year;
        if (year == null || year.isBlank()) {
            // the latest year with something to check in the area (or the scope), not an empty page
            String where = area != null && !area.isBlank() ? area.trim()
                    : viewer.is(Role.REVIEWER) ? viewer.scopeRegionCode() : null;
            Integer latest = queries.latestCheckedYear(where, calendar.reportingYear());
            chosenYear = latest == null ? null : latest.toString();
        }
        Filters filters = dashboards.filters(viewer, chosenYear, area, null, DataQualityQueries.CHECKED);
        Slice slice = filters.slice();
        List<Flag> shown = flagsOf(filters.year()).flags().stream().filter(f -> slice.contains(f.region())).toList();
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
        Map<String, ValueFlag> flags = new LinkedHashMap<>();
        flagsOf(year).byCounty().getOrDefault(countyCode, List.of()).forEach(f -> flags.put(f.indicator(),
                new ValueFlag(f.perCapita(), decimal(f.compared(), 2), decimal(f.peerMedian(), 2), decimal(f.z(), 1),
                        f.peers())));
        return flags;
    }

    /** The country's flags of the year, computed once per data generation. */
    YearFlags flagsOf(int year) {
        return live.get(queries.generation(), List.of("data-quality", year), () -> compute(year),
                f -> 1 + f.flags().size());
    }

    private YearFlags compute(int year) {
        long[] bounds = PeerGroups.tercileBounds(queries.countyPopulations());
        List<CheckedValue> values = queries.values(year);
        // indicator → peer group → the values compared there
        Map<String, Map<Group, List<CheckedValue>>> buckets = new HashMap<>();
        for (CheckedValue v : values) {
            Group group = PeerGroups.groupOf(v.county(), v.name(), v.population(), bounds);
            if (group.tercile() == 0) {
                continue; // no population: no peer group
            }
            buckets.computeIfAbsent(v.indicator(), i -> new HashMap<>())
                    .computeIfAbsent(group, g -> new ArrayList<>()).add(v);
        }
        // (county, indicator) → the outlier and its group
        Map<String, Outlier> outliers = new HashMap<>();
        Map<String, Group> groups = new HashMap<>();
        buckets.forEach((indicator, byGroup) -> byGroup.forEach((group, members) -> {
            boolean perCapita = members.get(0).perCapita();
            List<Observation> observations = members.stream()
                    .map(m -> new Observation(m.county(), compared(m), m.value().doubleValue(), m.population()))
                    .toList();
            PeerGroups.outliers(observations, perCapita).forEach((county, outlier) -> {
                outliers.put(county + "/" + indicator, outlier);
                groups.put(county + "/" + indicator, group);
            });
        }));
        List<Flag> flags = new ArrayList<>();
        Map<String, List<Flag>> byCounty = new LinkedHashMap<>();
        for (CheckedValue v : values) {
            Outlier o = outliers.get(v.county() + "/" + v.indicator());
            if (o != null) {
                Flag flag = new Flag(v.county(), v.name(), v.provinceCode(), v.prefectureCode(), v.groupName(),
                        v.status(), v.indicator(), v.perCapita(), v.value(), compared(v),
                        groups.get(v.county() + "/" + v.indicator()), o.peerMedian(), o.z(), o.peers());
                flags.add(flag);
                byCounty.computeIfAbsent(v.county(), c -> new ArrayList<>()).add(flag);
            }
        }
        return new YearFlags(List.copyOf(flags), byCounty);
    }

    /** The value as compared: per 10,000 residents for a per-capita indicator (the county has a population here). */
    private static double compared(CheckedValue v) {
        return v.perCapita() ? v.value().doubleValue() * CompositeIndex.PER_CAPITA_UNIT / v.population()
                : v.value().doubleValue();
    }

    static BigDecimal decimal(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
