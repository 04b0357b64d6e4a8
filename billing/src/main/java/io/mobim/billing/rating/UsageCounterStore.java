package io.mobim.billing.rating;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * JDBC access to {@code billing.usage_counter}, with optimistic concurrency: a counter is written back only if it
 * still holds the value that was read (or, if it had no row, nobody created one meanwhile); otherwise the whole
 * rating transaction fails with {@link ConcurrentRatingException} and is retried. No locks are held while rating.
 */
public class UsageCounterStore {

    private final JdbcTemplate jdbc;

    public UsageCounterStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the counters of the given subscribers for the given periods (months and days). */
    public UsageCounters load(Collection<String> msisdns, Collection<String> periods) {
        UsageCounters counters = new UsageCounters();
        if (msisdns.isEmpty()) {
            return counters;
        }
        jdbc.query("select msisdn, counter, period, used from billing.usage_counter where msisdn = any(?) and period = any(?)",
                rs -> {
                    counters.load(new UsageCounters.Key(rs.getString(1), rs.getString(2), rs.getString(3)), rs.getLong(4));
                }, (Object) msisdns.toArray(String[]::new), (Object) periods.toArray(String[]::new));
        return counters;
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
