package io.mobim.billing.rating;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Per-subscriber usage the rating engine needs besides the event itself: allowance units consumed in a month
 * and daily fees charged on a day. The store loads the baseline, the engine counts, the store writes back the
 * changed values in the same transaction as the rated records, checking that nobody changed them in between.
 */
public final class UsageCounters {

    /**
     * @param msisdn  the subscriber
     * @param counter {@code ALLOWANCE:<component>} or {@code DAILY:<component>}
     * @param period  {@code YYYY-MM} for allowances, {@code YYYY-MM-DD} for daily fees (business time zone)
     */
    public record Key(String msisdn, String counter, String period) {
        public Key {
            Objects.requireNonNull(msisdn, "msisdn");
            Objects.requireNonNull(counter, "counter");
            Objects.requireNonNull(period, "period");
        }
    }

    private final Map<Key, Long> values = new HashMap<>();
    private final Map<Key, Long> stored = new HashMap<>();
    private final Set<Key> changed = new HashSet<>();

    /** Sets a value read from storage (not a change); it is also the value the store expects when writing back. */
    public void load(Key key, long value) {
        values.put(key, value);
        stored.put(key, value);
    }

    /** The value read from storage, or null if the counter had no row then (optimistic concurrency check). */
    public Long stored(Key key) {
        return stored.get(key);
    }

    public long get(Key key) {
        return values.getOrDefault(key, 0L);
    }

    void add(Key key, long units) {
        values.merge(key, units, Long::sum);
        changed.add(key);
    }

    /** Sets a value and marks it changed (used when re-rating restarts a period from zero). */
    public void set(Key key, long value) {
        values.put(key, value);
        changed.add(key);
    }

    /** Every counter known here (loaded or changed), with its current value. */
    Map<Key, Long> values() {
        return values;
    }

    /** The counters changed since loading, with their new values. */
    public Map<Key, Long> changes() {
        Map<Key, Long> out = new HashMap<>();
        changed.forEach(k -> out.put(k, values.get(k)));
        return out;
    }
}
