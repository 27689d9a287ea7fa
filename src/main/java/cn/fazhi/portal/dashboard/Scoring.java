package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.catalog.Direction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that says how scores are computed (PRODUCT.md section 5, explained to users on
 * the "how scores are computed" page, {@code dashboard/scoring.html}).
 *
 * <ol>
 * <li>Only indicators with a direction (UP or DOWN) are scored; NONE is monitored only.</li>
 * <li>With a target: UP scores value ÷ target, DOWN scores target ÷ value (inverted), both capped
 *     at 1 (a target of 0 is met by any value for UP; for DOWN only a value of 0 meets it).</li>
 * <li>Without a target: min–max across the compared counties, (value − min) ÷ (max − min) for UP,
 *     (max − value) ÷ (max − min) for DOWN. When every compared county has the same value the
 *     indicator tells them nothing apart and is not scored.</li>
 * <li>A missing value (no report, nothing entered, "不适用" for a zero denominator) is not
 *     scored: it is a gap, never 0.</li>
 * <li>A section's score is the mean of its scored indicators; the overall score the mean of the
 *     sections that have a score.</li>
 * <li>A change from last year within ±0.01 is "no real change".</li>
 * </ol>
 */
final class Scoring {

    static final BigDecimal NO_CHANGE_BAND = new BigDecimal("0.01");
    private static final int SCALE = 6;

    /** An indicator as scoring sees it; {@code target} is null when the year has none. */
    record Rule(String indicator, String section, Direction direction, BigDecimal target) {
    }

    /** Scores of one county: per section (only sections with a scored indicator) and overall. */
    record CountyScores(Map<String, BigDecimal> sections, BigDecimal overall) {
    }

    enum Change { UP, DOWN, SAME }

    private Scoring() {
    }

    /** The score of one value against its target, 0–1; null when the value is missing. */
    static BigDecimal againstTarget(BigDecimal value, BigDecimal target, Direction direction) {
        if (value == null || target == null || direction == Direction.NONE) {
            return null;
        }
        BigDecimal ratio;
        if (direction == Direction.UP) {
            ratio = target.signum() == 0 ? BigDecimal.ONE : value.divide(target, SCALE, RoundingMode.HALF_UP);
        } else {
            ratio = value.signum() == 0 ? BigDecimal.ONE : target.divide(value, SCALE, RoundingMode.HALF_UP);
        }
        return ratio.min(BigDecimal.ONE).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The min–max score of one value among the compared values; null when missing or all equal. */
    static BigDecimal minMax(BigDecimal value, BigDecimal min, BigDecimal max, Direction direction) {
        if (value == null || min == null || max == null || direction == Direction.NONE || max.compareTo(min) == 0) {
            return null;
        }
        BigDecimal span = max.subtract(min);
        BigDecimal distance = direction == Direction.UP ? value.subtract(min) : max.subtract(value);
        return distance.divide(span, SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Scores every county of the compared set.
     *
     * @param values county code → indicator code → value (null or absent: missing); the keys are
     *     the compared set that min–max scaling runs over
     * @return county code → scores, in the order of {@code values}
     */
    static Map<String, CountyScores> score(Collection<Rule> rules, Map<String, Map<String, BigDecimal>> values) {
        Map<String, BigDecimal[]> ranges = new LinkedHashMap<>();
        for (Rule rule : rules) {
            if (rule.target() == null && rule.direction() != Direction.NONE) {
                ranges.put(rule.indicator(), range(rule.indicator(), values.values()));
            }
        }
        Map<String, CountyScores> result = new LinkedHashMap<>();
        values.forEach((county, own) -> {
            Map<String, List<BigDecimal>> bySection = new LinkedHashMap<>();
            for (Rule rule : rules) {
                BigDecimal value = own.get(rule.indicator());
                BigDecimal s = rule.target() != null ? againstTarget(value, rule.target(), rule.direction())
                        : ranges.containsKey(rule.indicator())
                                ? minMax(value, ranges.get(rule.indicator())[0], ranges.get(rule.indicator())[1],
                                        rule.direction())
                                : null;
                if (s != null) {
                    bySection.computeIfAbsent(rule.section(), k -> new ArrayList<>()).add(s);
                }
            }
            Map<String, BigDecimal> sections = new LinkedHashMap<>();
            bySection.forEach((section, scores) -> sections.put(section, mean(scores)));
            result.put(county, new CountyScores(sections, mean(sections.values())));
        });
        return result;
    }

    /** The mean of some scores, null when there is none. */
    static BigDecimal mean(Collection<BigDecimal> scores) {
        List<BigDecimal> present = scores.stream().filter(java.util.Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return present.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(present.size()), SCALE, RoundingMode.HALF_UP);
    }

    /** Up, down or no real change (within ±0.01); null when either score is missing. */
    static Change change(BigDecimal before, BigDecimal now) {
        if (before == null || now == null) {
            return null;
        }
        BigDecimal difference = now.subtract(before);
        if (difference.abs().compareTo(NO_CHANGE_BAND) <= 0) {
            return Change.SAME;
        }
        return difference.signum() > 0 ? Change.UP : Change.DOWN;
    }

    /** The sections that have rules, in the rules' order. */
    static Set<String> sections(Collection<Rule> rules) {
        Set<String> sections = new LinkedHashSet<>();
        rules.forEach(r -> sections.add(r.section()));
        return sections;
    }

    private static BigDecimal[] range(String indicator, Collection<Map<String, BigDecimal>> values) {
        BigDecimal min = null;
        BigDecimal max = null;
        for (Map<String, BigDecimal> own : values) {
            BigDecimal v = own.get(indicator);
            if (v != null) {
                min = min == null || v.compareTo(min) < 0 ? v : min;
                max = max == null || v.compareTo(max) > 0 ? v : max;
            }
        }
        return new BigDecimal[] {min, max};
    }
}
