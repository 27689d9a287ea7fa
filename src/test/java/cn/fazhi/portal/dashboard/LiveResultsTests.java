package cn.fazhi.portal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** What {@link LiveResults} keeps, and when it computes again. */
class LiveResultsTests {

    private final LiveResults live = new LiveResults();
    private final AtomicInteger computed = new AtomicInteger();

    private String get(long generation, String key) {
        return live.get(generation, key, () -> key + "@" + generation + "#" + computed.incrementAndGet(), v -> 1);
    }

    @Test
    void aResultIsComputedOncePerGenerationAndKey() {
        assertThat(get(7, "a")).isEqualTo("a@7#1");
        assertThat(get(7, "a")).isEqualTo("a@7#1");
        assertThat(get(7, "b")).isEqualTo("b@7#2");
        assertThat(get(8, "a")).as("a newer generation drops what was kept").isEqualTo("a@8#3");
        assertThat(get(8, "b")).isEqualTo("b@8#4");
    }

    @Test
    void aRequestThatReadAnOlderGenerationComputesForItselfAndKeepsNothing() {
        get(8, "a");
        assertThat(get(7, "a")).isEqualTo("a@7#2");
        assertThat(get(8, "a")).isEqualTo("a@8#1");
    }

    @Test
    void theBudgetIsHeldAndWhatIsAskedForOftenStays() {
        int half = LiveResults.MAX_ROWS / 2;
        live.get(1, "often", () -> "often", v -> half);
        for (int i = 0; i < 5; i++) {
            live.get(1, "often", () -> "again", v -> half);
        }
        live.get(1, "once", () -> "once", v -> half);
        live.get(1, "new", () -> "new", v -> half);
        assertThat(live.keptRows())
                .as("three halves of the budget were asked for")
                .isLessThanOrEqualTo(LiveResults.MAX_ROWS);
        long recomputed = java.util.stream.Stream.of("often", "once", "new")
                .filter(key -> live.get(1, key, () -> "computed", v -> 1).equals("computed"))
                .count();
        assertThat(recomputed).as("one of three halves went").isGreaterThanOrEqualTo(1);
        assertThat(live.get(1, "often", () -> "computed", v -> half)).isEqualTo("often");
    }

    @Test
    void aResultHeavierThanTheBudgetIsNotKept() {
        live.get(1, "small", () -> "small", v -> 1);
        live.get(1, "huge", () -> "huge", v -> LiveResults.MAX_ROWS + 1);
        assertThat(live.get(1, "huge", () -> "computed", v -> 1)).isEqualTo("computed");
        assertThat(live.keptRows()).isLessThanOrEqualTo(LiveResults.MAX_ROWS);
    }

    @Test
    void nothingIsPeekedAtForAnotherGeneration() {
        get(5, "a");
        assertThat(live.<String>peek(5, "a")).isEqualTo("a@5#1");
        assertThat(live.<String>peek(4, "a")).isNull();
        assertThat(live.<String>peek(5, "b")).isNull();
        get(6, "b");
        assertThat(live.<String>peek(5, "a")).as("a newer generation was seen").isNull();
    }

    @Test
    void aCatalogueEditionIsTheSameKeyOnlyAsTheSameObject() {
        String edition = new String("2024");
        assertThat(new LiveResults.Same(edition))
                .isEqualTo(new LiveResults.Same(edition))
                .isNotEqualTo(new LiveResults.Same(new String("2024")));
    }
}
