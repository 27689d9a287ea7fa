package cn.fazhi.portal.dashboard;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import org.springframework.stereotype.Component;

/**
 * Scores and rankings computed once per change of the data they come from, not once per request.
 *
 * <p>The database numbers every change that can move a score or a rank (table
 * {@code report_data_generation}, moved by triggers in the writing transaction: a report entering
 * or leaving the counted statuses, a value of such a report, the catalogue). A request reads that
 * number first and then asks here; results kept under an older number are dropped as soon as a
 * newer one is seen. So an approval is in every dashboard on the next request, and nothing is
 * served that the tables no longer say — this is a cache of results, not a copy of the data.
 *
 * <p>Because the number is read before the data, a result is never older than the number it is
 * kept under (at worst newer, which the next change replaces anyway). A request that read an
 * older number than the kept one computes for itself and keeps nothing. Kept in memory per
 * process; every instance reads the number, so several instances stay live too.
 *
 * <p>The results are a Caffeine cache bounded by weight ({@link #MAX_ROWS}): each weighs the rows it
 * holds, and past the budget Caffeine drops those least likely to be asked for again (by how often
 * and how lately they were). The key of an entry carries its generation, so a result computed for
 * a generation that another request has meanwhile left behind is never served as a newer one.
 */
@Component
class LiveResults {

    /**
     * What is kept at most, in units of about 150 bytes: a county's place in a ranking is one, a
     * county's scores of two years ten. So some 30 MB at worst of a 512 MB heap: 70 national
     * rankings, or 15 national heat maps, or 150 provincial ones, the least recently used going first.
     */
    static final int MAX_ROWS = 200_000;

    private final AtomicLong generation = new AtomicLong(-1);
    private final Cache<Kept, Result> results = Caffeine.newBuilder()
            .maximumWeight(MAX_ROWS)
            .weigher((Kept key, Result result) -> result.rows())
            .executor(Runnable::run) // evicts in the request that went past the budget, as before
            .build();

    /** A result's key: what the caller says it depends on, and the generation it was computed at. */
    private record Kept(long generation, Object key) {}

    private record Result(Object value, int rows) {}

    /**
     * The result for {@code key} as of {@code generation}, computed by {@code compute} when none is
     * kept. A key must say everything the result depends on besides the generation; {@code rows}
     * tells a result's size (in the units of {@link #MAX_ROWS}).
     */
    @SuppressWarnings("unchecked")
    <T> T get(long generation, Object key, Supplier<T> compute, ToIntFunction<T> rows) {
        long latest = advanceTo(generation);
        if (generation < latest) {
            return compute.get(); // an older number than the kept ones: nothing to share
        }
        Kept kept = new Kept(generation, key);
        Result found = results.getIfPresent(kept);
        if (found != null) {
            return (T) found.value();
        }
        // computed outside the cache: a second request for the same key meanwhile computes it too
        // (and a result may ask for others while it is computed)
        T computed = compute.get();
        if (this.generation.get() == generation) {
            results.asMap().putIfAbsent(kept, new Result(computed, Math.max(1, rows.applyAsInt(computed))));
        }
        return computed;
    }

    /** The result kept for {@code key} as of {@code generation}, or null: nothing is computed. */
    @SuppressWarnings("unchecked")
    <T> T peek(long generation, Object key) {
        Result found = generation == this.generation.get() ? results.getIfPresent(new Kept(generation, key)) : null;
        return found == null ? null : (T) found.value();
    }

    /** The weight kept now, in the units of {@link #MAX_ROWS}. */
    long keptRows() {
        results.cleanUp();
        return results.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }

    /** The newest generation seen; the results of older ones go when a newer one is first seen. */
    private long advanceTo(long seen) {
        long before = generation.getAndAccumulate(seen, Math::max);
        if (seen > before) {
            results.invalidateAll();
        }
        return Math.max(before, seen);
    }

    /**
     * A key part that compares by identity: a catalogue edition as {@code CatalogService} keeps it.
     * A new edition object means the catalogue was read again after a change.
     */
    record Same(Object object) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Same same && same.object == object;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(object);
        }
    }
}
