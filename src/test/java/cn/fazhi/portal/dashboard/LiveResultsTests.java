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
    void theLeastRecentlyUsedGoWhenTheBudgetIsFull() {
        int half = LiveResults.MAX_ROWS / 2;
        live.get(1, "old", () -> "old", v -> half);
        live.get(1, "used", () -> "used", v -> half);
        live.get(1, "old", () -> "again", v -> half); // "old" is now the most recently used
        live.get(1, "new", () -> "new", v -> half);
        assertThat(live.get(1, "used", () -> "computed", v -> half)).isEqualTo("computed");
        assertThat(live.get(1, "new", () -> "computed", v -> half)).isEqualTo("new");
    }

    @Test
    void aCatalogueEditionIsTheSameKeyOnlyAsTheSameObject() {
        String edition = new String("2024");
        assertThat(new LiveResults.Same(edition)).isEqualTo(new LiveResults.Same(edition))
                .isNotEqualTo(new LiveResults.Same(new String("2024")));
    }
}
