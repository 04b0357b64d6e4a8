package io.mobim.billing.rating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * JDBC access to {@code billing.usage_counter}, with optimistic concurrency: a counter is written back only if it
 * still holds the value that was read (or, if it had no row, nobody created one meanwhile); otherwise the whole
 * rating transaction fails with {@link ConcurrentRatingException} and is retried. No locks are held while rating.
 *
 * <p>With a cache, the counters of a subscriber (for the periods of the batch) that a committed transaction read or
 * wrote are kept and used by the next batches instead of a read, tagged with {@code billing.account_generation},
 * which every change that lowers or removes a counter bumps too (Flyway V10): a batch reads the generation first and
 * reuses only counters of the same generation. A kept counter can then only be lower than the table's (someone
 * else raised it): rating acts on a low value only by raising it, a write that checks the value it read, so that
 * write fails, the batch's subscribers are dropped from the cache, and the batch is rated again from the table.
 */
public class UsageCounterStore {

    private final JdbcTemplate jdbc;
    private final int cacheSize;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    /** A subscriber's counters of {@code periods} as committed (absent = 0), read at {@code generation}. */
    private record Cached(long generation, Set<String> periods, Map<UsageCounters.Key, Long> values) {
    }

    /** Without a cache: every load reads the table. */
    public UsageCounterStore(JdbcTemplate jdbc) {
        this(jdbc, 0);
    }

    /** @param cacheSize subscribers whose counters are kept between batches at most; 0 reads them in every batch */
    public UsageCounterStore(JdbcTemplate jdbc, int cacheSize) {
        this.jdbc = jdbc;
        this.cacheSize = cacheSize;
    }

    /** Loads the counters of the given subscribers for the given periods (months and days). */
    public UsageCounters load(Collection<String> msisdns, Collection<String> periods) {
        UsageCounters counters = new UsageCounters();
        if (msisdns.isEmpty()) {
            return counters;
        }
        if (cacheSize == 0 || !TransactionSynchronizationManager.isSynchronizationActive()) {
            read(msisdns, periods, counters);
            return counters;
        }
        // read first: a change committed after it, before the counters are read, only makes them newer than their tag
        long generation = jdbc.queryForObject("select value from billing.account_generation", Long.class);
        List<String> missing = new ArrayList<>();
        for (String msisdn : msisdns) {
            Cached cached = cache.get(msisdn);
            if (cached != null && cached.generation() == generation && cached.periods().containsAll(periods)) {
                cached.values().forEach((key, used) -> {
                    if (periods.contains(key.period())) {
                        counters.load(key, used);
                    }
                });
            } else {
                missing.add(msisdn);
            }
        }
        if (!missing.isEmpty()) {
            read(missing, periods, counters);
        }
        Set<String> batchPeriods = Set.copyOf(periods);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                keep(msisdns, generation, batchPeriods, counters);
            }
        });
        return counters;
    }

    private void read(Collection<String> msisdns, Collection<String> periods, UsageCounters counters) {
        jdbc.query("select msisdn, counter, period, used from billing.usage_counter where msisdn = any(?) and period = any(?)",
                rs -> {
                    counters.load(new UsageCounters.Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                }, (Object) msisdns.toArray(String[]::new), (Object) periods.toArray(String[]::new));
    }

    /** After a commit: the batch's subscribers' counters, as committed, for the next batches. */
    private void keep(Collection<String> msisdns, long generation, Set<String> periods, UsageCounters counters) {
        Map<String, Map<UsageCounters.Key, Long>> bySubscriber = new HashMap<>();
        counters.values().forEach((key, used) -> bySubscriber.computeIfAbsent(key.msisdn(), m -> new HashMap<>()).put(key, used));
        if (cache.size() + msisdns.size() > cacheSize) {
            cache.clear();   // simple bound: start over rather than track recency
        }
        for (String msisdn : msisdns) {
            Map<UsageCounters.Key, Long> values = bySubscriber.get(msisdn);
            cache.put(msisdn, new Cached(generation, periods, values == null ? Map.of() : Map.copyOf(values)));
        }
    }

    /** A write failed its check: what is kept of these subscribers may be behind the table. */
    private void forget(List<UsageCounters.Key> keys) {
        keys.forEach(k -> cache.remove(k.msisdn()));
    }

    /** Writes the changed counters (absolute values), failing if another transaction changed them since loading. */
    public void save(UsageCounters counters) {
        Map<UsageCounters.Key, Long> changes = counters.changes();
        List<UsageCounters.Key> updates = new ArrayList<>();
        List<UsageCounters.Key> inserts = new ArrayList<>();
        changes.keySet().forEach(k -> (counters.stored(k) == null ? inserts : updates).add(k));
        if (!inserts.isEmpty()) {
            int n = jdbc.update("insert into billing.usage_counter (msisdn, counter, period, used) "
                            + "select * from unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) on conflict do nothing",
                    column(inserts, UsageCounters.Key::msisdn), column(inserts, UsageCounters.Key::counter),
                    column(inserts, UsageCounters.Key::period), inserts.stream().map(changes::get).toArray(Long[]::new));
            if (n != inserts.size()) {
                forget(inserts);
                throw new ConcurrentRatingException("usage counters created concurrently");
            }
        }
        if (!updates.isEmpty()) {
            int n = jdbc.update("update billing.usage_counter c set used = u.used from unnest(?::text[], ?::text[], ?::text[], "
                            + "?::bigint[], ?::bigint[]) as u(msisdn, counter, period, used, expected) where c.msisdn = u.msisdn "
                            + "and c.counter = u.counter and c.period = u.period and c.used = u.expected",
                    column(updates, UsageCounters.Key::msisdn), column(updates, UsageCounters.Key::counter),
                    column(updates, UsageCounters.Key::period), updates.stream().map(changes::get).toArray(Long[]::new),
                    updates.stream().map(counters::stored).toArray(Long[]::new));
            if (n != updates.size()) {
                forget(updates);
                throw new ConcurrentRatingException("usage counters changed concurrently");
            }
        }
    }

    private static String[] column(List<UsageCounters.Key> keys, Function<UsageCounters.Key, String> f) {
        return keys.stream().map(f).toArray(String[]::new);
    }

    /** Forgets a subscriber's counters of a month and its days (re-rating counts them again). */
    public void clear(String msisdn, String month) {
        jdbc.update("delete from billing.usage_counter where msisdn = ? and (period = ? or period like ?)", msisdn, month, month + "-%");
    }
}
