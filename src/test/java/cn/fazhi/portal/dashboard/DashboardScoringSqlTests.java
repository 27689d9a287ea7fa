package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.PortalTest;
import cn.fazhi.portal.catalog.CatalogService;
import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.dashboard.DashboardQueries.ScoreRow;
import cn.fazhi.portal.dashboard.DashboardQueries.ValueRow;
import cn.fazhi.portal.region.RegionLevel;
import cn.fazhi.portal.region.RegionView;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The heat map and the county profile score a province in SQL ({@link Scoring#SQL}); the method
 * is defined by {@link Scoring#score}. Over the 150 counties of 四川省 both must give the same
 * section scores to the last digit, for the catalogue's own rules and for rules made to reach every
 * branch (targets of 0, DOWN with and without a target, tiny targets, min–max everywhere).
 */
@PortalTest
class DashboardScoringSqlTests extends SichuanDashboardTest {

    private static final RegionView SICHUAN = new RegionView(DashboardTestData.PROVINCE, "四川省",
            RegionLevel.PROVINCE, null, DashboardTestData.PROVINCE, null);

    @Autowired
    DashboardQueries queries;

    @Autowired
    CatalogService catalogs;

    @Test
    void sqlScoresAreTheScoresOfTheMethodWithTheCataloguesRules() {
        for (int year : List.of(2023, 2024)) {
            for (List<String> statuses : List.of(List.of("APPROVED"), List.of("APPROVED", "SUBMITTED"))) {
                List<Scoring.Rule> rules = DashboardService.scoringRules(catalogs.forYear(year));
                assertSame(new Slice(SICHUAN, null, year, statuses), rules);
            }
        }
    }

    @Test
    void sqlScoresAreTheScoresOfTheMethodInEveryBranch() {
        List<Scoring.Rule> catalogue = DashboardService.scoringRules(catalogs.forYear(2023));
        BigDecimal[] targets = {null, BigDecimal.ZERO, new BigDecimal("0.3"), new BigDecimal("7"), new BigDecimal("33.3")};
        List<Scoring.Rule> rules = new ArrayList<>();
        for (int i = 0; i < catalogue.size(); i++) {
            Scoring.Rule r = catalogue.get(i);
            rules.add(new Scoring.Rule(r.indicator(), r.section(), i % 2 == 0 ? Direction.UP : Direction.DOWN,
                    targets[i % targets.length]));
        }
        assertSame(new Slice(SICHUAN, null, 2023, List.of("APPROVED")), rules);
        assertSame(new Slice(SICHUAN, null, 2023, List.of("APPROVED")),
                catalogue.stream().map(r -> new Scoring.Rule(r.indicator(), r.section(), r.direction(), null)).toList());
    }

    private void assertSame(Slice slice, List<Scoring.Rule> rules) {
        int year = slice.year();
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        for (ValueRow v : queries.values(slice, List.of(year), null, null)) {
            if (v.year() != null) {
                Map<String, BigDecimal> own = values.computeIfAbsent(v.code(), k -> new LinkedHashMap<>());
                if (v.indicator() != null && v.value() != null) {
                    own.put(v.indicator(), v.value());
                }
            }
        }
        Map<String, Map<String, BigDecimal>> expected = new TreeMap<>();
        Scoring.score(rules, values).forEach((county, scores) -> expected.put(county, plain(scores.sections())));

        Map<String, Map<String, BigDecimal>> actual = new TreeMap<>();
        for (ScoreRow r : queries.scores(slice, Map.of(year, rules))) {
            if (r.year() != null) {
                Map<String, BigDecimal> own = actual.computeIfAbsent(r.code(), k -> new TreeMap<>());
                if (r.section() != null) {
                    own.put(r.section(), r.score().stripTrailingZeros());
                }
            }
        }
        assertThat(expected).as(slice.fileTag()).isNotEmpty();
        assertThat(actual).as(slice.fileTag()).isEqualTo(expected);
    }

    private static Map<String, BigDecimal> plain(Map<String, BigDecimal> scores) {
        Map<String, BigDecimal> plain = new TreeMap<>();
        scores.forEach((section, score) -> plain.put(section, score.stripTrailingZeros()));
        return plain;
    }
}
