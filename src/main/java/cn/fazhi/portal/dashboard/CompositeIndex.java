package cn.fazhi.portal.dashboard;

import cn.fazhi.portal.catalog.Direction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The composite index of rule-of-law government (法治政府建设综合得分), computed the way the OECD/JRC
 * <i>Handbook on Constructing Composite Indicators</i> (2008) recommends, so that a province can
 * defend every score and rank it publishes:
 *
 * <ol>
 * <li><b>Scaling.</b> Each indicator with a direction is scaled to 0–1. With a target: value ÷ target
 *     capped at 1 (target ÷ value for lower-is-better). Without one: the value's place between the
 *     5th and 95th percentiles of every county of the <i>reference area</i> that reported it that year
 *     (values beyond are clipped), never between the few counties on screen; with fewer than
 *     {@value #MIN_REPORTING} reporting counties, or no spread between the two percentiles, the
 *     indicator is not scored that year (样本不足).</li>
 * <li><b>Size.</b> Indicators flagged "per 10,000 residents" are scaled on value ÷ population × 10,000;
 *     a county without a population is not scored on them.</li>
 * <li><b>Aggregation.</b> A section's score is the mean of its scored indicators, the overall score
 *     the (weighted, equal by default) mean of the sections' scores.</li>
 * <li><b>Coverage.</b> Every score carries its coverage: reported ÷ scoreable indicators. A county
 *     whose overall coverage is below the threshold is shown but not ranked (数据不足), so that leaving
 *     weak figures out never raises a rank; "missing counts as 0" gives the penalised picture.</li>
 * <li><b>Uncertainty.</b> Every rank carries the interval of ranks it takes over {@value #DRAWS}
 *     draws of the method's reasonable alternatives (section weights from a Dirichlet around equal,
 *     missing values skipped or 0, clipping at 5/95 or 1/99, per-capita on or off), reported as the
 *     median rank and its 5–95 % range, as the JRC audits of the WJP Rule of Law Index do. The
 *     draws use a fixed seed: the same data always gives the same intervals.</li>
 * </ol>
 *
 * <p>Plain Java on doubles, no Spring and no database: the dashboards hand it the values of the
 * reference area, and keep its results per data generation.
 */
final class CompositeIndex {

    /** Fewer reporting counties than this in the reference area: the indicator is not scored. */
    static final int MIN_REPORTING = 10;
    /** The default coverage a county needs to be ranked. */
    static final double DEFAULT_COVERAGE_THRESHOLD = cn.fazhi.portal.catalog.CoverageThreshold.DEFAULT;

    static final double PER_CAPITA_UNIT = 10_000;
    static final int DRAWS = 1000;
    static final long SEED = 20080101L;
    /** The concentration of the Dirichlet around equal weights: about ±30 % for ten sections. */
    static final double WEIGHT_CONCENTRATION = 10;

    /** A change from last year within this band is no real change. */
    static final double NO_CHANGE_BAND = 0.01;

    enum Change {
        UP,
        DOWN,
        SAME
    }

    /** Up, down or no real change (within ±{@value #NO_CHANGE_BAND}); null when either score is missing. */
    static Change change(Double before, Double now) {
        if (before == null || now == null) {
            return null;
        }
        double difference = now - before;
        if (Math.abs(difference) <= NO_CHANGE_BAND + 1e-9) {
            return Change.SAME;
        }
        return difference > 0 ? Change.UP : Change.DOWN;
    }

    /** Where values beyond the reference distribution are clipped. */
    enum Clip {
        P5_95(0.05),
        P1_99(0.01);

        final double tail;

        Clip(double tail) {
            this.tail = tail;
        }
    }

    /** An indicator as the index sees it; {@code target} null when the year has none. */
    record Indicator(String code, String section, Direction direction, Double target, boolean perCapita) {

        boolean scored() {
            return direction != null && direction != Direction.NONE;
        }
    }

    /**
     * One way of computing the index.
     *
     * @param missingAsZero a missing value scores 0 instead of being left out
     * @param perCapita flagged indicators per 10,000 residents
     * @param weights section code → weight; sections not named weigh 1
     */
    record Method(
            Clip clip,
            boolean missingAsZero,
            boolean perCapita,
            Map<String, Double> weights,
            double coverageThreshold) {

        static Method standard() {
            return new Method(Clip.P5_95, false, true, Map.of(), DEFAULT_COVERAGE_THRESHOLD);
        }

        Method withMissingAsZero() {
            return new Method(clip, true, perCapita, weights, coverageThreshold);
        }

        double weight(String section) {
            return weights.getOrDefault(section, 1.0);
        }
    }

    /**
     * What the index is computed from.
     *
     * @param values county code → indicator code → value, for every county of the reference area
     *     that has a report counted; an absent or null value is missing
     * @param population county code → resident population; absent when not known (never 0)
     * @param compared the counties ranked against each other (the page's area, a peer group); all of
     *     {@code values} when null. The others only shape the reference distribution.
     * @param groups county code → its group (a province in the national view) for every county of the
     *     reference area, reporting or not; null when no group scores are wanted
     */
    record Data(
            List<Indicator> indicators,
            Map<String, Map<String, Double>> values,
            Map<String, Long> population,
            Set<String> compared,
            Map<String, String> groups) {

        Data(List<Indicator> indicators, Map<String, Map<String, Double>> values, Map<String, Long> population) {
            this(indicators, values, population, null, null);
        }

        boolean isCompared(String county) {
            return compared == null || compared.contains(county);
        }
    }

    /** A section's (or the whole index's) score with its coverage. */
    record Part(Double score, int reported, int scoreable) {

        double coverage() {
            return scoreable == 0 ? 0 : (double) reported / scoreable;
        }
    }

    /** Where a county's rank lies under the method's alternatives. */
    record RankInterval(int median, int low, int high) {

        int width() {
            return high - low;
        }
    }

    /**
     * One county's result.
     *
     * @param rank the rank among ranked counties (1 is best; equal scores share a rank), or null when
     *     not ranked for lack of coverage or of any score
     * @param interval the rank's interval over the draws; null when not ranked or not computed
     */
    record CountyScore(
            String county,
            Map<String, Part> sections,
            Part overall,
            boolean ranked,
            Integer rank,
            RankInterval interval) {}

    /**
     * A group's result (a province in the national view): each score the mean of its ranked
     * counties' scores, the coverage its ranked counties ÷ its counties, so that a province is
     * ranked only when enough of its counties are.
     */
    record GroupScore(
            String group,
            Map<String, Part> sections,
            Part overall,
            boolean ranked,
            Integer rank,
            RankInterval interval) {}

    /**
     * The whole result.
     *
     * @param scaled county → indicator → score 0–1 of the standard method (missing or unscored absent)
     * @param unscored indicator → why it is not scored this year ({@link Unscored})
     * @param groups group → its scores, when {@link Data#groups} named groups; else empty
     * @param bounds indicator → the reference area's clipping bounds {low, high} (per 10,000 residents
     *     for a flagged indicator), for the indicators scaled without a target
     */
    record Result(
            Map<String, CountyScore> counties,
            Map<String, Map<String, Double>> scaled,
            Map<String, Unscored> unscored,
            Set<String> sections,
            Map<String, GroupScore> groups,
            Map<String, double[]> bounds) {}

    /** Why an indicator with a direction gives no scores this year. */
    enum Unscored {
        /** Fewer than {@value #MIN_REPORTING} reporting counties in the reference area. */
        TOO_FEW_COUNTIES,
        /** The reference area's 5th and 95th percentiles are equal: it tells nobody apart. */
        NO_SPREAD
    }

    private CompositeIndex() {}

    /** The index under the standard method, without rank intervals. */
    static Result compute(Data data, Method method) {
        return compute(data, method, 0);
    }

    /**
     * The index of every county in {@code data}, with the rank intervals of {@code draws} draws
     * (0: none).
     */
    static Result compute(Data data, Method method, int draws) {
        Matrix base = Matrix.of(data, method.clip(), method.perCapita());
        List<String> counties = new ArrayList<>(data.values().keySet());
        Map<String, CountyScore> scores = new LinkedHashMap<>();
        double[] overall = new double[counties.size()];
        boolean[] ranked = new boolean[counties.size()];
        List<Aggregate> aggregates = new ArrayList<>();
        for (int c = 0; c < counties.size(); c++) {
            Aggregate a = base.aggregate(c, method.missingAsZero(), method::weight);
            aggregates.add(a);
            overall[c] = a.overall.score() == null ? Double.NaN : a.overall.score();
            ranked[c] = a.overall.score() != null
                    && a.overall.coverage() >= method.coverageThreshold() - 1e-9
                    && data.isCompared(counties.get(c));
        }
        Groups groups = data.groups() == null ? null : new Groups(data, counties, ranked);
        int[] ranks = ranks(overall, ranked);
        int[][] drawn = draws > 0 ? draw(data, method, ranked, draws, groups) : null;
        for (int c = 0; c < counties.size(); c++) {
            Aggregate a = aggregates.get(c);
            String county = counties.get(c);
            scores.put(
                    county,
                    new CountyScore(
                            county,
                            a.sections,
                            a.overall,
                            ranked[c],
                            ranked[c] ? ranks[c] : null,
                            ranked[c] && drawn != null ? interval(drawn[c]) : null));
        }
        Map<String, GroupScore> groupScores = groups == null
                ? Map.of()
                : groups.scores(
                        aggregates,
                        base.sections(),
                        method.coverageThreshold(),
                        drawn == null ? null : java.util.Arrays.copyOfRange(drawn, counties.size(), drawn.length));
        return new Result(
                scores, base.scaledByCounty(counties), base.unscored(), base.sections(), groupScores, base.bounds);
    }

    /**
     * The counties of each group, and per group the mean of its ranked counties' scores: the
     * groups' view of the same ranking.
     */
    private static final class Groups {

        final List<String> names = new ArrayList<>();
        /** per group, the indexes (into the counties with values) of its ranked counties */
        final List<int[]> rankedMembers = new ArrayList<>();
        /** per group, how many counties it has, reporting or not */
        final List<Integer> sizes = new ArrayList<>();

        Groups(Data data, List<String> counties, boolean[] ranked) {
            Map<String, List<Integer>> members = new LinkedHashMap<>();
            Map<String, Integer> size = new LinkedHashMap<>();
            data.groups().forEach((county, group) -> {
                if (data.isCompared(county)) {
                    size.merge(group, 1, Integer::sum);
                    members.computeIfAbsent(group, g -> new ArrayList<>());
                }
            });
            for (int c = 0; c < counties.size(); c++) {
                String group = data.groups().get(counties.get(c));
                if (group != null && ranked[c]) {
                    members.get(group).add(c);
                }
            }
            members.forEach((group, indexes) -> {
                names.add(group);
                rankedMembers.add(indexes.stream().mapToInt(Integer::intValue).toArray());
                sizes.add(size.get(group));
            });
        }

        /** The mean over a group's ranked counties of one score per county; NaN when it has none. */
        double mean(int g, double[] perCounty) {
            int[] members = rankedMembers.get(g);
            if (members.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (int c : members) {
                sum += perCounty[c];
            }
            return sum / members.length;
        }

        Map<String, GroupScore> scores(
                List<Aggregate> aggregates, Set<String> sections, double threshold, int[][] drawn) {
            double[] overall = new double[names.size()];
            boolean[] ranked = ranked(threshold);
            double[] perCounty = aggregates.stream()
                    .mapToDouble(a -> a.overall().score() == null
                            ? Double.NaN
                            : a.overall().score())
                    .toArray();
            List<Map<String, Part>> parts = new ArrayList<>();
            for (int g = 0; g < names.size(); g++) {
                int[] members = rankedMembers.get(g);
                Map<String, Part> own = new LinkedHashMap<>();
                for (String section : sections) {
                    double sum = 0;
                    int n = 0;
                    for (int c : members) {
                        Double score = aggregates.get(c).sections().get(section).score();
                        if (score != null) {
                            sum += score;
                            n++;
                        }
                    }
                    own.put(section, new Part(n == 0 ? null : sum / n, n, sizes.get(g)));
                }
                parts.add(own);
                overall[g] = mean(g, perCounty);
            }
            int[] ranks = CompositeIndex.ranks(overall, ranked);
            Map<String, GroupScore> result = new LinkedHashMap<>();
            for (int g = 0; g < names.size(); g++) {
                int[] members = rankedMembers.get(g);
                result.put(
                        names.get(g),
                        new GroupScore(
                                names.get(g),
                                parts.get(g),
                                new Part(members.length == 0 ? null : overall[g], members.length, sizes.get(g)),
                                ranked[g],
                                ranked[g] ? ranks[g] : null,
                                ranked[g] && drawn != null ? interval(drawn[g]) : null));
            }
            return result;
        }

        boolean[] ranked(double threshold) {
            boolean[] ranked = new boolean[names.size()];
            for (int g = 0; g < names.size(); g++) {
                ranked[g] = rankedMembers.get(g).length > 0
                        && (double) rankedMembers.get(g).length / sizes.get(g) >= threshold - 1e-9;
            }
            return ranked;
        }
    }

    /**
     * Competition ranks ("1224") of the ranked counties by score, best first; 0 for the others.
     * Sorted once, so that the national draws stay n log n.
     */
    static int[] ranks(double[] scores, boolean[] ranked) {
        int[] ranks = new int[scores.length];
        Integer[] order = java.util.stream.IntStream.range(0, scores.length)
                .filter(i -> ranked[i])
                .boxed()
                .toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(scores[b], scores[a]));
        for (int k = 0; k < order.length; k++) {
            boolean tie = k > 0 && scores[order[k - 1]] == scores[order[k]];
            ranks[order[k]] = tie ? ranks[order[k - 1]] : k + 1;
        }
        return ranks;
    }

    /**
     * The ranks of every draw: per ranked county (and after them per group, when there are groups)
     * its rank in each draw. The set of ranked counties stays that of the standard method, so that
     * the intervals speak of the same ranking; each draw picks its alternatives with one stream of a
     * fixed seed.
     */
    private static int[][] draw(Data data, Method method, boolean[] ranked, int draws, Groups groups) {
        Map<String, Matrix> variants = new HashMap<>();
        for (Clip clip : Clip.values()) {
            for (boolean perCapita : new boolean[] {true, false}) {
                variants.put(clip + "/" + perCapita, Matrix.of(data, clip, perCapita));
            }
        }
        List<String> sections =
                new ArrayList<>(variants.get(Clip.P5_95 + "/true").sections());
        variants.values()
                .forEach(v ->
                        v.sections().stream().filter(x -> !sections.contains(x)).forEach(sections::add));
        int n = data.values().size();
        int k = sections.size();
        // a section's mean does not depend on the weights: one table per variant and treatment of
        // missing values, so that a draw is a weighted sum over k sections a county
        Map<String, double[][]> means = new HashMap<>();
        variants.forEach((name, matrix) -> {
            means.put(name + "/false", matrix.sectionMeans(false, sections, n));
            means.put(name + "/true", matrix.sectionMeans(true, sections, n));
        });
        int g = groups == null ? 0 : groups.names.size();
        boolean[] groupRanked = groups == null ? new boolean[0] : groups.ranked(method.coverageThreshold());
        int[][] drawn = new int[n + g][draws];
        SplittableRandom random = new SplittableRandom(SEED);
        double[] overall = new double[n];
        double[] groupOverall = new double[g];
        for (int d = 0; d < draws; d++) {
            double[] weights = dirichlet(k, random);
            boolean zero = random.nextBoolean();
            Clip clip = random.nextBoolean() ? Clip.P5_95 : Clip.P1_99;
            boolean perCapita = random.nextBoolean();
            double[][] table = means.get(clip + "/" + perCapita + "/" + zero);
            for (int c = 0; c < n; c++) {
                overall[c] = ranked[c] ? weighted(table[c], weights) : Double.NaN;
            }
            int[] ranks = ranks(overall, ranked(overall, ranked));
            for (int c = 0; c < n; c++) {
                drawn[c][d] = ranks[c];
            }
            if (g > 0) {
                for (int j = 0; j < g; j++) {
                    groupOverall[j] = groups.mean(j, overall);
                }
                int[] groupRanks = ranks(groupOverall, groupRanked);
                for (int j = 0; j < g; j++) {
                    drawn[n + j][d] = groupRanks[j];
                }
            }
        }
        return drawn;
    }

    /** The weighted mean of a county's section means present (NaN: no score in that section). */
    private static double weighted(double[] means, double[] weights) {
        double weighted = 0;
        double total = 0;
        for (int s = 0; s < means.length; s++) {
            if (!Double.isNaN(means[s])) {
                weighted += weights[s] * means[s];
                total += weights[s];
            }
        }
        return total == 0 ? Double.NaN : weighted / total;
    }

    /** The median rank and the 5–95 % range of one unit's ranks over the draws. */
    private static RankInterval interval(int[] ranks) {
        int[] r = ranks.clone();
        Arrays.sort(r);
        return new RankInterval(nearestRank(r, 0.5), nearestRank(r, 0.05), nearestRank(r, 0.95));
    }

    /** A county ranked by the standard method whose score vanished in a draw drops to the end of it. */
    private static boolean[] ranked(double[] overall, boolean[] ranked) {
        boolean[] present = new boolean[overall.length];
        for (int c = 0; c < overall.length; c++) {
            present[c] = ranked[c];
            if (ranked[c] && Double.isNaN(overall[c])) {
                overall[c] = Double.NEGATIVE_INFINITY;
            }
        }
        return present;
    }

    private static int nearestRank(int[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    /** Weights of k sections drawn from a symmetric Dirichlet around equal (gamma variates, normalised to k). */
    private static double[] dirichlet(int k, SplittableRandom random) {
        double[] weights = new double[k];
        double sum = 0;
        for (int s = 0; s < k; s++) {
            weights[s] = gamma(WEIGHT_CONCENTRATION, random);
            sum += weights[s];
        }
        for (int s = 0; s < k; s++) {
            weights[s] = weights[s] / sum * k;
        }
        return weights;
    }

    /** Marsaglia and Tsang's method for a gamma variate of shape ≥ 1 and scale 1. */
    private static double gamma(double shape, SplittableRandom random) {
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(random);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = random.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom random) {
        double u1 = 1 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** The value at quantile {@code p} of sorted values, interpolated between neighbours (as Excel's PERCENTILE.INC). */
    static double quantile(double[] sorted, double p) {
        double position = p * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /** One section's and the overall score of a county under one treatment of missing values. */
    private record Aggregate(Map<String, Part> sections, Part overall) {}

    /** The scaled scores of one variant (clip × per-capita): county × indicator, NaN for missing. */
    private static final class Matrix {

        private final List<Indicator> indicators;
        private final double[][] scaled;
        private final boolean[] scoreable;
        private final Map<String, Unscored> unscored;
        private final Map<String, double[]> bounds;
        private final Set<String> sections = new LinkedHashSet<>();
        private final int[] sectionOf;
        private final List<String> sectionList;

        private Matrix(
                List<Indicator> indicators,
                double[][] scaled,
                boolean[] scoreable,
                Map<String, Unscored> unscored,
                Map<String, double[]> bounds) {
            this.bounds = bounds;
            this.indicators = indicators;
            this.scaled = scaled;
            this.scoreable = scoreable;
            this.unscored = unscored;
            for (int i = 0; i < indicators.size(); i++) {
                if (scoreable[i]) {
                    sections.add(indicators.get(i).section());
                }
            }
            this.sectionList = List.copyOf(sections);
            this.sectionOf = new int[indicators.size()];
            for (int i = 0; i < indicators.size(); i++) {
                sectionOf[i] = sectionList.indexOf(indicators.get(i).section());
            }
        }

        static Matrix of(Data data, Clip clip, boolean perCapita) {
            List<Indicator> indicators =
                    data.indicators().stream().filter(Indicator::scored).toList();
            List<String> counties = new ArrayList<>(data.values().keySet());
            double[][] comparable = new double[counties.size()][indicators.size()];
            for (int c = 0; c < counties.size(); c++) {
                Map<String, Double> own = data.values().get(counties.get(c));
                Long population = data.population().get(counties.get(c));
                for (int i = 0; i < indicators.size(); i++) {
                    Indicator indicator = indicators.get(i);
                    Double value = own == null ? null : own.get(indicator.code());
                    comparable[c][i] = comparable(value, indicator, perCapita, population);
                }
            }
            double[][] scaled = new double[counties.size()][indicators.size()];
            boolean[] scoreable = new boolean[indicators.size()];
            Map<String, Unscored> unscored = new LinkedHashMap<>();
            Map<String, double[]> bounds = new LinkedHashMap<>();
            for (int i = 0; i < indicators.size(); i++) {
                Indicator indicator = indicators.get(i);
                double low = Double.NaN;
                double high = Double.NaN;
                if (indicator.target() == null) {
                    double[] reported = column(comparable, i);
                    if (reported.length < MIN_REPORTING) {
                        unscored.put(indicator.code(), Unscored.TOO_FEW_COUNTIES);
                        fillMissing(scaled, i);
                        continue;
                    }
                    Arrays.sort(reported);
                    low = quantile(reported, clip.tail);
                    high = quantile(reported, 1 - clip.tail);
                    if (!(high > low)) {
                        unscored.put(indicator.code(), Unscored.NO_SPREAD);
                        fillMissing(scaled, i);
                        continue;
                    }
                    bounds.put(indicator.code(), new double[] {low, high});
                }
                scoreable[i] = true;
                for (int c = 0; c < counties.size(); c++) {
                    scaled[c][i] = scale(comparable[c][i], indicator, low, high);
                }
            }
            return new Matrix(indicators, scaled, scoreable, unscored, bounds);
        }

        /** The value as compared: per 10,000 residents for a flagged indicator; NaN when missing. */
        private static double comparable(Double value, Indicator indicator, boolean perCapita, Long population) {
            if (value == null || value.isNaN()) {
                return Double.NaN;
            }
            if (perCapita && indicator.perCapita()) {
                return population == null || population <= 0 ? Double.NaN : value / population * PER_CAPITA_UNIT;
            }
            return value;
        }

        private static double scale(double value, Indicator indicator, double low, double high) {
            if (Double.isNaN(value)) {
                return Double.NaN;
            }
            boolean up = indicator.direction() == Direction.UP;
            if (indicator.target() != null) {
                double target = indicator.target();
                double ratio = up ? (target == 0 ? 1 : value / target) : (value == 0 ? 1 : target / value);
                return Math.max(0, Math.min(1, ratio));
            }
            double position = (Math.max(low, Math.min(high, value)) - low) / (high - low);
            return up ? position : 1 - position;
        }

        private static double[] column(double[][] values, int i) {
            return Arrays.stream(values)
                    .mapToDouble(row -> row[i])
                    .filter(v -> !Double.isNaN(v))
                    .toArray();
        }

        private static void fillMissing(double[][] scaled, int i) {
            for (double[] row : scaled) {
                row[i] = Double.NaN;
            }
        }

        Set<String> sections() {
            return sections;
        }

        Map<String, Unscored> unscored() {
            return unscored;
        }

        /** A county's sum of scores, reported and scoreable indicators per section (in {@code sectionList}'s order). */
        private void tally(int c, double[] sum, int[] reported, int[] possible) {
            for (int i = 0; i < indicators.size(); i++) {
                if (scoreable[i]) {
                    int s = sectionOf[i];
                    possible[s]++;
                    double v = scaled[c][i];
                    if (!Double.isNaN(v)) {
                        sum[s] += v;
                        reported[s]++;
                    }
                }
            }
        }

        Aggregate aggregate(int c, boolean missingAsZero, java.util.function.ToDoubleFunction<String> weight) {
            int k = sectionList.size();
            double[] sum = new double[k];
            int[] reported = new int[k];
            int[] possible = new int[k];
            tally(c, sum, reported, possible);
            Map<String, Part> parts = new LinkedHashMap<>();
            double weighted = 0;
            double weights = 0;
            int allReported = 0;
            int allPossible = 0;
            for (int s = 0; s < k; s++) {
                Double score = missingAsZero
                        ? Double.valueOf(sum[s] / possible[s])
                        : reported[s] == 0 ? null : Double.valueOf(sum[s] / reported[s]);
                parts.put(sectionList.get(s), new Part(score, reported[s], possible[s]));
                allReported += reported[s];
                allPossible += possible[s];
                if (score != null) {
                    double w = weight.applyAsDouble(sectionList.get(s));
                    weighted += w * score;
                    weights += w;
                }
            }
            Double overall = weights == 0 || allReported == 0 && !missingAsZero ? null : weighted / weights;
            return new Aggregate(parts, new Part(overall, allReported, allPossible));
        }

        /**
         * Each county's mean score per section for the draws, in the order of {@code sections}: the
         * same tally as {@link #aggregate}; NaN where the section has nothing to divide by.
         */
        double[][] sectionMeans(boolean missingAsZero, List<String> sections, int counties) {
            int[] global = new int[sectionList.size()];
            for (int s = 0; s < global.length; s++) {
                global[s] = sections.indexOf(sectionList.get(s));
            }
            double[][] means = new double[counties][sections.size()];
            for (int c = 0; c < counties; c++) {
                double[] sum = new double[sectionList.size()];
                int[] reported = new int[sectionList.size()];
                int[] possible = new int[sectionList.size()];
                tally(c, sum, reported, possible);
                Arrays.fill(means[c], Double.NaN);
                for (int s = 0; s < sectionList.size(); s++) {
                    int divisor = missingAsZero ? possible[s] : reported[s];
                    if (divisor > 0) {
                        means[c][global[s]] = sum[s] / divisor;
                    }
                }
            }
            return means;
        }

        Map<String, Map<String, Double>> scaledByCounty(List<String> counties) {
            Map<String, Map<String, Double>> result = new LinkedHashMap<>();
            for (int c = 0; c < counties.size(); c++) {
                Map<String, Double> own = new LinkedHashMap<>();
                for (int i = 0; i < indicators.size(); i++) {
                    if (!Double.isNaN(scaled[c][i])) {
                        own.put(indicators.get(i).code(), scaled[c][i]);
                    }
                }
                result.put(counties.get(c), own);
            }
            return result;
        }
    }
}
