package cn.fazhi.portal.dashboard;

import java.util.Iterator;
import java.util.LinkedHashMap;
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
 */
@Component
class LiveResults {

    /**
     * What is kept at most, in units of about 150 bytes: a county's place in a ranking is one, a
     * county's scores of two years ten. So some 30 MB at worst of a 512 MB heap: 70 national
     * rankings, or 15 national heat maps, or 150 provincial ones, the least recently used going first.
     */
    static final int MAX_ROWS = 200_000;

    private long generation = -1;
    private long rows;
    private final LinkedHashMap<Object, Result> results = new LinkedHashMap<>(64, 0.75f, true);

    private record Result(Object value, int rows) {
    }

    /**
     * The result for {@code key} as of {@code generation}, computed by {@code compute} when none is
     * kept. A key must say everything the result depends on besides the generation; {@code rows}
     * tells a result's size (in the units of {@link #MAX_ROWS}).
     */
    @SuppressWarnings("unchecked")
    <T> T get(long generation, Object key, Supplier<T> compute, ToIntFunction<T> rows) {
        synchronized (this) {
            if (generation > this.generation) {
                this.generation = generation;
                results.clear();
                this.rows = 0;
            } else if (generation == this.generation) {
                Result found = results.get(key);
                if (found != null) {
                    return (T) found.value();
                }
            }
        }
        // computed outside the lock: a second request for the same key meanwhile computes it too
        T computed = compute.get();
        synchronized (this) {
            if (generation == this.generation && !results.containsKey(key)) {
                int size = Math.max(1, rows.applyAsInt(computed));
                results.put(key, new Result(computed, size));
                this.rows += size;
                Iterator<Result> eldest = results.values().iterator();
                while (this.rows > MAX_ROWS && eldest.hasNext()) {
                    this.rows -= eldest.next().rows();
                    eldest.remove();
                }
            }
        }
        return computed;
    }

    /** The result kept for {@code key} as of {@code generation}, or null: nothing is computed. */
    @SuppressWarnings("unchecked")
    synchronized <T> T peek(long generation, Object key) {
        Result found = generation == this.generation ? results.get(key) : null;
        return found == null ? null : (T) found.value();
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
