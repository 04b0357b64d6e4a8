package io.mobim.billing.rating;

import java.util.Collection;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** JDBC access to {@code billing.usage_counter}; callers hold the subscribers' locks. */
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

    /** Writes the changed counters (absolute values). */
    public void save(Map<UsageCounters.Key, Long> changes) {
        if (changes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into billing.usage_counter (msisdn, counter, period, used) values (?, ?, ?, ?) "
                        + "on conflict (msisdn, counter, period) do update set used = excluded.used",
                changes.entrySet(), 500, (ps, e) -> {
                    ps.setString(1, e.getKey().msisdn());
                    ps.setString(2, e.getKey().counter());
                    ps.setString(3, e.getKey().period());
                    ps.setLong(4, e.getValue());
                });
    }

    /** Forgets a subscriber's counters of a month and its days (re-rating counts them again). */
    public void clear(String msisdn, String month) {
        jdbc.update("delete from billing.usage_counter where msisdn = ? and (period = ? or period like ?)", msisdn, month, month + "-%");
    }
}
