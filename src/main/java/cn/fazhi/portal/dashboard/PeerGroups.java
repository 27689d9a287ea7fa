package cn.fazhi.portal.dashboard;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Peer groups of counties (同类县区) and the robust outlier check within them.
 *
 * <p>A county's peers share its kind — a district of a city (市辖区), a county (县, 自治县, 旗,
 * 自治旗) or a county-level city (县级市) — and its national population tercile (2020 census):
 * comparing a district of 1.5 million residents with a county of 90,000 says little even per
 * capita.
 *
 * <p>Outliers: Iglewicz and Hoaglin's modified z-score, 0.6745 × (x − median) ÷ MAD, within the
 * peer group and year, flags |z| &gt; {@value #Z_LIMIT}. Median and MAD are not pulled by the
 * outliers they are to find, unlike a mean and standard deviation (DHIS2's mean ± 2 SD raises false
 * alarms on small and skewed counts). Small counts jump by nature, so, as for the year-over-year
 * check, a value is flagged only when it also lies at least {@value #MIN_UNITS} units from what its
 * peers' median would give it.
 */
final class PeerGroups {

    static final double Z_LIMIT = 3.5;
    static final double MIN_UNITS = 10;
    /** Peers needed before a median and MAD mean anything. */
    static final int MIN_PEERS = 5;

    enum Kind {
        /** 市辖区 */
        DISTRICT,
        /** 县、自治县、旗、自治旗 and the like */
        COUNTY,
        /** 县级市 */
        CITY
    }

    /** A peer group: kind × tercile (1 smallest … 3 largest); tercile 0 when the population is unknown. */
    record Group(Kind kind, int tercile) {}

    private PeerGroups() {}

    /**
     * The kind of a county-level unit from its code and name: a name ending in 区 is a district
     * (whatever its code), 市 a county-level city; the rest (县, 自治县, 旗, 特区, 林区…) count as counties.
     */
    static Kind kindOf(String code, String name) {
        if (name != null && name.endsWith("区") && !name.endsWith("林区") && !name.endsWith("特区")) {
            return Kind.DISTRICT;
        }
        if (name != null && name.endsWith("市")) {
            return Kind.CITY;
        }
        return Kind.COUNTY;
    }

    /**
     * The national population terciles' bounds: a population up to {@code [0]} is tercile 1, up to
     * {@code [1]} tercile 2, above tercile 3.
     */
    static long[] tercileBounds(Iterable<Long> populations) {
        double[] sorted = java.util.stream.StreamSupport.stream(populations.spliterator(), false)
                .filter(p -> p != null && p > 0)
                .mapToDouble(Long::doubleValue)
                .sorted()
                .toArray();
        if (sorted.length == 0) {
            return new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
        }
        return new long[] {
            Math.round(CompositeIndex.quantile(sorted, 1.0 / 3)), Math.round(CompositeIndex.quantile(sorted, 2.0 / 3))
        };
    }

    static Group groupOf(String code, String name, Long population, long[] bounds) {
        int tercile = population == null || population <= 0
                ? 0
                : population <= bounds[0] ? 1 : population <= bounds[1] ? 2 : 3;
        return new Group(kindOf(code, name), tercile);
    }

    /** One value to check: its county, the value as compared (per capita or raw) and the raw value. */
    record Observation(String county, double compared, double raw, Long population) {}

    /** A flagged value, with its modified z-score and the peers' median it is compared with. */
    record Outlier(String county, double z, double peerMedian, int peers) {}

    /**
     * The outliers among one peer group's values of one indicator and year.
     *
     * @param perCapita whether {@code compared} is per 10,000 residents (then the distance in units is
     *     judged on the raw value against the peers' median times the county's population)
     */
    static Map<String, Outlier> outliers(List<Observation> observations, boolean perCapita) {
        Map<String, Outlier> flagged = new LinkedHashMap<>();
        if (observations.size() < MIN_PEERS) {
            return flagged;
        }
        double[] values = observations.stream()
                .mapToDouble(Observation::compared)
                .sorted()
                .toArray();
        double median = CompositeIndex.quantile(values, 0.5);
        double[] deviations =
                Arrays.stream(values).map(v -> Math.abs(v - median)).sorted().toArray();
        double mad = CompositeIndex.quantile(deviations, 0.5);
        // with more than half the peers on the median, MAD is 0: Iglewicz and Hoaglin's mean absolute deviation
        double spread = mad > 0
                ? mad / 0.6745
                : 1.253314 * Arrays.stream(deviations).average().orElse(0);
        if (spread == 0) {
            return flagged;
        }
        for (Observation o : observations) {
            double z = (o.compared() - median) / spread;
            double expected = perCapita
                    ? Optional.ofNullable(o.population())
                            .map(p -> median * p / CompositeIndex.PER_CAPITA_UNIT)
                            .orElse(Double.NaN)
                    : median;
            if (Math.abs(z) > Z_LIMIT && Math.abs(o.raw() - expected) >= MIN_UNITS) {
                flagged.put(o.county(), new Outlier(o.county(), z, median, observations.size()));
            }
        }
        return flagged;
    }
}
