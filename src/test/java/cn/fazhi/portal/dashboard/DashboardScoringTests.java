package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.catalog.Direction;
import cn.fazhi.portal.dashboard.Scoring.CountyScores;
import cn.fazhi.portal.dashboard.Scoring.Rule;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scoring method of PRODUCT.md section 5, against figures computed by hand. */
class DashboardScoringTests {

    @Test
    void upIndicatorWithATargetScoresValueOverTargetCappedAtOne() {
        assertThat(Scoring.againstTarget(dec("95"), dec("100"), Direction.UP)).isEqualByComparingTo("0.95");
        assertThat(Scoring.againstTarget(dec("120"), dec("100"), Direction.UP)).isEqualByComparingTo("1");
        assertThat(Scoring.againstTarget(dec("3"), dec("0"), Direction.UP)).isEqualByComparingTo("1");
    }

    @Test
    void downIndicatorWithATargetIsInverted() {
        // at most 5 accidents: 10 scores 5 / 10 = 0.5, 4 meets the target, 0 is perfect
        assertThat(Scoring.againstTarget(dec("10"), dec("5"), Direction.DOWN)).isEqualByComparingTo("0.5");
        assertThat(Scoring.againstTarget(dec("4"), dec("5"), Direction.DOWN)).isEqualByComparingTo("1");
        assertThat(Scoring.againstTarget(dec("0"), dec("5"), Direction.DOWN)).isEqualByComparingTo("1");
        assertThat(Scoring.againstTarget(dec("3"), dec("0"), Direction.DOWN)).isEqualByComparingTo("0");
    }

    @Test
    void withoutATargetMinMaxAcrossTheComparedCounties() {
        // UP: 2, 6, 10 → 0, 0.5, 1; DOWN (12 → best is lowest): 7, 12, 17 → 1, 0.5, 0
        Map<String, Map<String, BigDecimal>> values = counties(
                "A", Map.of("UP1", dec("2"), "DOWN1", dec("7")),
                "B", Map.of("UP1", dec("6"), "DOWN1", dec("12")),
                "C", Map.of("UP1", dec("10"), "DOWN1", dec("17")));
        Map<String, CountyScores> scores = Scoring.score(List.of(
                new Rule("UP1", "S1", Direction.UP, null), new Rule("DOWN1", "S2", Direction.DOWN, null)), values);
        assertThat(scores.get("A").sections().get("S1")).isEqualByComparingTo("0");
        assertThat(scores.get("B").sections().get("S1")).isEqualByComparingTo("0.5");
        assertThat(scores.get("C").sections().get("S1")).isEqualByComparingTo("1");
        assertThat(scores.get("A").sections().get("S2")).isEqualByComparingTo("1");
        assertThat(scores.get("B").sections().get("S2")).isEqualByComparingTo("0.5");
        assertThat(scores.get("C").sections().get("S2")).isEqualByComparingTo("0");
        // overall: the mean of the sections: A (0 + 1) / 2, B 0.5, C 0.5
        assertThat(scores.get("A").overall()).isEqualByComparingTo("0.5");
        assertThat(Scoring.minMax(dec("4"), dec("4"), dec("4"), Direction.UP)).as("all equal: not scored").isNull();
    }

    @Test
    void sectionIsTheMeanOfItsScoredIndicatorsAndOverallTheMeanOfSections() {
        // S1: review rate 95 of ≥ 100 → 0.95; accidents 10 of ≤ 5 → 0.5; a NONE indicator is not scored
        // S2: coverage 30 of ≥ 60 → 0.5
        // S1 = (0.95 + 0.5) / 2 = 0.725; overall = (0.725 + 0.5) / 2 = 0.6125
        List<Rule> rules = List.of(new Rule("REVIEW", "S1", Direction.UP, dec("100")),
                new Rule("ACCIDENTS", "S1", Direction.DOWN, dec("5")),
                new Rule("MONITORED", "S1", Direction.NONE, null),
                new Rule("COVERAGE", "S2", Direction.UP, dec("60")));
        Map<String, CountyScores> scores = Scoring.score(rules, counties("A", Map.of("REVIEW", dec("95"),
                "ACCIDENTS", dec("10"), "MONITORED", dec("99"), "COVERAGE", dec("30"))));
        assertThat(scores.get("A").sections().get("S1")).isEqualByComparingTo("0.725");
        assertThat(scores.get("A").sections().get("S2")).isEqualByComparingTo("0.5");
        assertThat(scores.get("A").overall()).isEqualByComparingTo("0.6125");
    }

    @Test
    void aMissingValueOrAZeroDenominatorIsAGapNotAZero() {
        // B's coverage is "不适用" (zero denominator, stored as no value): S2 has no score for B, and
        // B's overall is its S1 alone, not dragged down by a 0
        List<Rule> rules = List.of(new Rule("REVIEW", "S1", Direction.UP, dec("100")),
                new Rule("COVERAGE", "S2", Direction.UP, dec("60")));
        Map<String, BigDecimal> b = new HashMap<>();
        b.put("REVIEW", dec("80"));
        b.put("COVERAGE", null);
        Map<String, CountyScores> scores = Scoring.score(rules, counties("B", b, "C", Map.of()));
        assertThat(scores.get("B").sections()).containsOnlyKeys("S1");
        assertThat(scores.get("B").overall()).isEqualByComparingTo("0.8");
        // a county with a report but no scored value has no score at all
        assertThat(scores.get("C").overall()).isNull();
        assertThat(Scoring.againstTarget(null, dec("60"), Direction.UP)).isNull();
    }

    @Test
    void changesWithinOneHundredthAreNoRealChange() {
        assertThat(Scoring.change(dec("0.50"), dec("0.51"))).isEqualTo(Scoring.Change.SAME);
        assertThat(Scoring.change(dec("0.50"), dec("0.49"))).isEqualTo(Scoring.Change.SAME);
        assertThat(Scoring.change(dec("0.50"), dec("0.5101"))).isEqualTo(Scoring.Change.UP);
        assertThat(Scoring.change(dec("0.50"), dec("0.4899"))).isEqualTo(Scoring.Change.DOWN);
        assertThat(Scoring.change(null, dec("0.5"))).isNull();
    }

    private static BigDecimal dec(String value) {
        return new BigDecimal(value);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, BigDecimal>> counties(Object... pairs) {
        Map<String, Map<String, BigDecimal>> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put((String) pairs[i], (Map<String, BigDecimal>) pairs[i + 1]);
        }
        return values;
    }
}
