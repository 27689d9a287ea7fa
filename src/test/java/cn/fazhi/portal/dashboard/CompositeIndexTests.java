package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.dashboard.CompositeIndex.Data;
import cn.fazhi.portal.dashboard.CompositeIndex.Indicator;
import cn.fazhi.portal.dashboard.CompositeIndex.Method;
import cn.fazhi.portal.dashboard.CompositeIndex.Result;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The composite index's method on small made-up provinces: no Spring, no database. */
class CompositeIndexTests {

    /** Two sections of three indicators: one with a target, two scaled on the reference area. */
    private static final List<Indicator> INDICATORS = List.of(
            new Indicator("A_RATE", "A", Direction.UP, 100.0, false),
            new Indicator("A_CASES", "A", Direction.UP, null, true),
            new Indicator("A_LOST", "A", Direction.DOWN, null, false),
            new Indicator("B_RATE", "B", Direction.UP, 90.0, false),
            new Indicator("B_ITEMS", "B", Direction.UP, null, false),
            new Indicator("B_WATCHED", "B", Direction.NONE, null, false));

    /** Twenty counties of 100,000 residents, county i reporting a little more (and losing less) with i. */
    private static Map<String, Map<String, Double>> province() {
        Map<String, Map<String, Double>> values = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Double> own = new HashMap<>();
            own.put("A_RATE", 60.0 + i);
            own.put("A_CASES", 100.0 + 10 * i);
            own.put("A_LOST", 20.0 - i / 2.0);
            own.put("B_RATE", 70.0 + i);
            own.put("B_ITEMS", 1000.0 + 50 * i);
            own.put("B_WATCHED", 5.0);
            values.put(code(i), own);
        }
        return values;
    }

    private static Map<String, Long> populations(Map<String, Map<String, Double>> values) {
        Map<String, Long> population = new HashMap<>();
        values.keySet().forEach(c -> population.put(c, 100_000L));
        return population;
    }

    private static String code(int i) {
        return String.format("5300%02d", i);
    }

    @Test
    void aCountyThatLeavesFiguresOutIsShownButNotRankedAndScoresLowerWithMissingAsZero() {
        Map<String, Map<String, Double>> values = province();
        // the best county of all, but reporting only its two strongest figures
        Map<String, Double> gaps = new HashMap<>();
        gaps.put("A_RATE", 100.0);
        gaps.put("B_RATE", 100.0);
        values.put("539999", gaps);
        Data data = new Data(INDICATORS, values, populations(values));

        Result standard = CompositeIndex.compute(data, Method.standard());
        CompositeIndex.CountyScore few = standard.counties().get("539999");
        assertThat(few.overall().score()).isEqualTo(1.0);
        assertThat(few.overall().reported()).isEqualTo(2);
        assertThat(few.overall().scoreable()).isEqualTo(5);
        assertThat(few.ranked()).isFalse();
        assertThat(few.rank()).isNull();
        CompositeIndex.CountyScore full = standard.counties().get(code(19));
        assertThat(full.ranked()).isTrue();
        assertThat(full.rank()).isEqualTo(1);

        Result penalised = CompositeIndex.compute(data, Method.standard().withMissingAsZero());
        assertThat(penalised.counties().get("539999").overall().score())
                .isLessThan(penalised.counties().get(code(19)).overall().score());
    }

    @Test
    void withoutATargetAValueIsPlacedInTheWholeAreaNotAmongTheComparedFew() {
        Data data = new Data(INDICATORS, province(), populations(province()));
        Result result = CompositeIndex.compute(data, Method.standard());
        // county 0 is the lowest of twenty: clipped at the 5th percentile, it scores 0 on B_ITEMS;
        // county 10 lies in the middle, and nowhere near the 0 or 1 that a min–max over two would give
        assertThat(result.scaled().get(code(0)).get("B_ITEMS")).isEqualTo(0.0);
        assertThat(result.scaled().get(code(10)).get("B_ITEMS")).isCloseTo(0.5, within(0.06));
        // a monitored-only indicator is never scored
        assertThat(result.scaled().get(code(10))).doesNotContainKey("B_WATCHED");
    }

    @Test
    void anIndicatorReportedByFewerThanTenCountiesIsNotScored() {
        Map<String, Map<String, Double>> values = province();
        for (int i = 9; i < 20; i++) {
            values.get(code(i)).remove("B_ITEMS");
        }
        Result result = CompositeIndex.compute(new Data(INDICATORS, values, populations(values)), Method.standard());
        assertThat(result.unscored()).containsEntry("B_ITEMS", CompositeIndex.Unscored.TOO_FEW_COUNTIES);
        assertThat(result.scaled().get(code(0))).doesNotContainKey("B_ITEMS");
        assertThat(result.counties().get(code(0)).sections().get("B").scoreable())
                .isEqualTo(1);
    }

    @Test
    void perCapitaTwiceThePopulationAndTwiceTheCasesScoresTheSameAndNoPopulationIsNotScoredPerCapita() {
        Map<String, Map<String, Double>> values = province();
        Map<String, Long> population = populations(values);
        values.get(code(3)).put("A_CASES", 2 * values.get(code(4)).get("A_CASES"));
        population.put(code(3), 2 * population.get(code(4)));
        population.remove(code(7));
        Result result = CompositeIndex.compute(new Data(INDICATORS, values, population), Method.standard());
        assertThat(result.scaled().get(code(3)).get("A_CASES"))
                .isEqualTo(result.scaled().get(code(4)).get("A_CASES"));
        assertThat(result.scaled().get(code(7))).doesNotContainKey("A_CASES").containsKey("A_RATE");
    }

    @Test
    void aCountyFarAheadHasAnIntervalOfWidthZeroEqualDataGiveEqualIntervalsAndTheDrawsAreReproducible() {
        Map<String, Map<String, Double>> values = province();
        Map<String, Double> leader = new HashMap<>();
        leader.put("A_RATE", 100.0);
        leader.put("A_CASES", 10_000.0);
        leader.put("A_LOST", 0.0);
        leader.put("B_RATE", 100.0);
        leader.put("B_ITEMS", 100_000.0);
        values.put("539999", leader);
        // two counties with the same figures
        values.put("539998", new HashMap<>(values.get(code(8))));
        Data data = new Data(INDICATORS, values, populations(values));

        Result first = CompositeIndex.compute(data, Method.standard(), CompositeIndex.DRAWS);
        CompositeIndex.RankInterval ahead = first.counties().get("539999").interval();
        assertThat(ahead).isEqualTo(new CompositeIndex.RankInterval(1, 1, 1));
        assertThat(ahead.width()).isZero();
        assertThat(first.counties().get("539998").interval())
                .isEqualTo(first.counties().get(code(8)).interval());
        assertThat(first.counties().get("539998").rank())
                .isEqualTo(first.counties().get(code(8)).rank());

        Result second = CompositeIndex.compute(data, Method.standard(), CompositeIndex.DRAWS);
        first.counties()
                .forEach((county, score) -> assertThat(
                                second.counties().get(county).interval())
                        .as(county)
                        .isEqualTo(score.interval()));
        // the middle of the field is uncertain, and its interval holds its rank
        CompositeIndex.CountyScore middle = first.counties().get(code(10));
        assertThat(middle.interval().low())
                .isLessThanOrEqualTo(middle.interval().median());
        assertThat(middle.interval().median())
                .isLessThanOrEqualTo(middle.interval().high());
    }

    @Test
    void quantilesInterpolateBetweenNeighbours() {
        double[] sorted = {1, 2, 3, 4, 5};
        assertThat(CompositeIndex.quantile(sorted, 0.5)).isEqualTo(3.0);
        assertThat(CompositeIndex.quantile(sorted, 0.05)).isCloseTo(1.2, within(1e-9));
        assertThat(CompositeIndex.quantile(sorted, 0.95)).isCloseTo(4.8, within(1e-9));
    }
}
