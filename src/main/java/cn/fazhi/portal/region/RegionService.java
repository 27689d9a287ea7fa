package cn.fazhi.portal.region;

import cn.fazhi.portal.config.CacheConfiguration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.stereotype.Service;

/**
 * Look-ups in the division tree, and the one place that decides whether a region is in a scope.
 *
 * <p>The tree is reference data that only migrations write (V2), so the regions are read once, on
 * the first look-up, and looked up in memory from then on (a status board asked for its 129
 * counties, every form for its county, each a statement). Not transactional: the look-ups are
 * in memory (a status board makes hundreds), and each repository call has its own.
 *
 * <p>The tree is the one entry of the cache {@link CacheConfiguration#REGION_TREE}. Nothing evicts
 * it while the portal runs, since nothing but a migration changes the regions; a restore of a
 * backup is followed by a restart.
 */
@Service
public class RegionService {

    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final RegionRepository regions;

    private static final String TREE = "tree";

    private final Cache trees;

    /** The regions by code, the provinces and prefectures in code order, the counties in code order. */
    private record Tree(Map<String, RegionView> byCode, List<RegionView> areas, List<RegionView> counties) {}

    RegionService(RegionRepository regions, CacheManager caches) {
        this.regions = regions;
        this.trees = Objects.requireNonNull(caches.getCache(CacheConfiguration.REGION_TREE));
    }

    public Optional<RegionView> find(String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(all().get(code));
    }

    public Optional<RegionView> findCounty(String code) {
        return find(code).filter(RegionView::isCounty);
    }

    public Map<String, RegionView> findAll(Collection<String> codes) {
        Map<String, RegionView> all = all();
        return codes.stream()
                .map(all::get)
                .filter(Objects::nonNull)
                .collect(Collectors.toMap(RegionView::code, Function.identity(), (same, again) -> same));
    }

    private Map<String, RegionView> all() {
        return tree().byCode();
    }

    private Tree tree() {
        Tree known = trees.get(TREE, Tree.class);
        if (known == null) {
            // read outside the cache's lock, so that an error reaches the caller as it is; two first
            // look-ups at once read the same regions, and the one kept first is the one served
            List<RegionView> sorted = regions.findAll().stream()
                    .map(Region::toView)
                    .sorted(Comparator.comparing(RegionView::code))
                    .toList();
            known = new Tree(
                    sorted.stream().collect(Collectors.toUnmodifiableMap(RegionView::code, Function.identity())),
                    sorted.stream().filter(r -> !r.isCounty()).toList(),
                    sorted.stream().filter(RegionView::isCounty).toList());
            Cache.ValueWrapper first = trees.putIfAbsent(TREE, known);
            if (first != null) {
                known = (Tree) first.get();
            }
        }
        return known;
    }

    /**
     * The county-level units a population table has (县级单位), in code order: every county, and the
     * prefecture-level cities without counties (不设区的地级市: 东莞市, 中山市, 儋州市, 嘉峪关市), which
     * the census counts at that level too.
     */
    public List<RegionView> countyLevelUnits() {
        Tree known = tree();
        java.util.Set<String> withCounties = known.counties().stream()
                .map(RegionView::prefectureCode)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return known.byCode().values().stream()
                .filter(r -> r.isCounty() || r.level() == RegionLevel.PREFECTURE && !withCounties.contains(r.code()))
                .sorted(Comparator.comparing(RegionView::code))
                .toList();
    }

    /** Every county, in code order (a dashboard picks its area's). */
    public List<RegionView> counties() {
        return tree().counties();
    }

    /**
     * The choices of a dashboard's area filter, in code order: the area {@code focus} itself (when
     * it is a province or prefecture), the prefectures of its province, and the provinces when
     * {@code withProvinces}.
     */
    public List<RegionView> areaChoices(String focus, boolean withProvinces) {
        RegionView area = focus == null ? null : all().get(focus);
        String province = area == null || area.isCounty() ? null : area.provinceCode();
        return tree().areas().stream()
                .filter(r -> r.code().equals(focus)
                        || withProvinces && r.level() == RegionLevel.PROVINCE
                        || r.level() == RegionLevel.PREFECTURE
                                && r.provinceCode().equals(province))
                .toList();
    }

    /** The provinces with their counts, or the children of {@code parentCode}. */
    public List<RegionSummary> childrenOf(String parentCode) {
        return parentCode == null ? regions.provinceSummaries() : regions.summariesUnder(parentCode);
    }

    /** The region and every region under it (the codes an account scoped to it covers). */
    public List<String> codesWithin(String code) {
        return regions.findCodesWithin(code);
    }

    /** From the province down to the region itself. */
    public List<RegionView> pathTo(RegionView region) {
        List<RegionView> path = new ArrayList<>();
        for (RegionView r = region;
                r != null;
                r = r.parentCode() == null ? null : find(r.parentCode()).orElse(null)) {
            path.add(0, r);
        }
        return path;
    }

    public long countByLevel(RegionLevel level) {
        return regions.countByLevel(level);
    }

    // --- issue 18: the home page's county search ---

    /**
     * Counties by their code (exactly six digits) or a part of their name, in code order, at most
     * {@code limit} (one more tells the caller there are more). In memory, like every look-up here.
     */
    public List<RegionView> searchCounties(String text, int limit) {
        String typed = text == null ? "" : text.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        if (CODE.matcher(typed).matches()) {
            return findCounty(typed).map(List::of).orElse(List.of());
        }
        return tree().counties().stream()
                .filter(c -> c.name().contains(typed))
                .limit(limit)
                .toList();
    }
}
