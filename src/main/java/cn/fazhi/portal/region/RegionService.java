package cn.fazhi.portal.region;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Look-ups in the division tree, and the one place that decides whether a region is in a scope.
 *
 * <p>The tree is reference data that only migrations write (V2), so the regions are read once, on
 * the first look-up, and looked up in memory from then on (a status board asked for its 129
 * counties, every form for its county, each a statement).
 */
@Service
@Transactional(readOnly = true)
public class RegionService {

    private final RegionRepository regions;

    private volatile Map<String, RegionView> byCode;

    RegionService(RegionRepository regions) {
        this.regions = regions;
    }

    public Optional<RegionView> find(String code) {
        if (code == null || !code.matches("\\d{6}")) {
            return Optional.empty();
        }
        return Optional.ofNullable(all().get(code));
    }

    public Optional<RegionView> findCounty(String code) {
        return find(code).filter(RegionView::isCounty);
    }

    public Map<String, RegionView> findAll(Collection<String> codes) {
        Map<String, RegionView> all = all();
        return codes.stream().map(all::get).filter(Objects::nonNull).distinct()
                .collect(Collectors.toMap(RegionView::code, Function.identity()));
    }

    private Map<String, RegionView> all() {
        Map<String, RegionView> known = byCode;
        if (known == null) {
            known = regions.findAll().stream().map(Region::toView)
                    .collect(Collectors.toUnmodifiableMap(RegionView::code, Function.identity()));
            byCode = known;
        }
        return known;
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
        for (RegionView r = region; r != null; r = r.parentCode() == null ? null : find(r.parentCode()).orElse(null)) {
            path.add(0, r);
        }
        return path;
    }

    public long countByLevel(RegionLevel level) {
        return regions.countByLevel(level);
    }
}
