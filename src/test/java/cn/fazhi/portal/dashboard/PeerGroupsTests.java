package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.fazhi.portal.dashboard.PeerGroups.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PeerGroupsTests {

    @Test
    void kindsComeFromTheNameAndTercilesFromTheNationalPopulations() {
        assertThat(PeerGroups.kindOf("530102", "五华区")).isEqualTo(PeerGroups.Kind.DISTRICT);
        assertThat(PeerGroups.kindOf("532527", "泸西县")).isEqualTo(PeerGroups.Kind.COUNTY);
        assertThat(PeerGroups.kindOf("530428", "元江哈尼族彝族傣族自治县")).isEqualTo(PeerGroups.Kind.COUNTY);
        assertThat(PeerGroups.kindOf("150781", "满洲里市")).isEqualTo(PeerGroups.Kind.CITY);
        assertThat(PeerGroups.kindOf("152921", "阿拉善左旗")).isEqualTo(PeerGroups.Kind.COUNTY);
        assertThat(PeerGroups.kindOf("429021", "神农架林区")).isEqualTo(PeerGroups.Kind.COUNTY);

        long[] bounds = PeerGroups.tercileBounds(List.of(10L, 20L, 30L, 40L, 50L, 60L, 70L));
        assertThat(PeerGroups.groupOf("1", "甲县", 15L, bounds).tercile()).isEqualTo(1);
        assertThat(PeerGroups.groupOf("1", "甲县", 45L, bounds).tercile()).isEqualTo(2);
        assertThat(PeerGroups.groupOf("1", "甲县", 65L, bounds).tercile()).isEqualTo(3);
        assertThat(PeerGroups.groupOf("1", "甲县", null, bounds).tercile()).isZero();
    }

    @Test
    void aValueTwentyTimesItsPeersMedianIsFlaggedOneAtOneAndAHalfTimesIsNot() {
        Random random = new Random(7);
        List<Observation> peers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            double value = 100 * Math.exp(0.3 * random.nextGaussian());
            peers.add(new Observation("c" + i, value, value, 100_000L));
        }
        double median =
                peers.stream().mapToDouble(Observation::compared).sorted().toArray()[15];
        peers.add(new Observation("twenty", 20 * median, 20 * median, 100_000L));
        peers.add(new Observation("half-again", 1.5 * median, 1.5 * median, 100_000L));
        var flagged = PeerGroups.outliers(peers, false);
        assertThat(flagged).containsKey("twenty").doesNotContainKey("half-again");
        assertThat(flagged.get("twenty").z()).isGreaterThan(PeerGroups.Z_LIMIT);
    }

    @Test
    void smallCountsDoNotFlag() {
        List<Observation> peers = new ArrayList<>();
        for (double v : new double[] {1, 2, 2, 2, 3, 2, 1, 3, 2}) {
            peers.add(new Observation("c" + peers.size(), v, v, 50_000L));
        }
        peers.add(new Observation("six", 6, 6, 50_000L));
        assertThat(PeerGroups.outliers(peers, false)).isEmpty();
    }

    @Test
    void perCapitaValuesAreJudgedOnTheirRawDistanceFromThePeersMedian() {
        List<Observation> peers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double perTenThousand = 10 + (i % 5);
            peers.add(new Observation("c" + i, perTenThousand, perTenThousand * 10, 100_000L));
        }
        // 20 times the peers' rate, 2,400 units more than the median would give it
        peers.add(new Observation("big", 240, 2400, 100_000L));
        assertThat(PeerGroups.outliers(peers, true)).containsOnlyKeys("big");
    }
}
