package io.mobim.billing.rating;

import java.util.Collection;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Transaction-scoped PostgreSQL advisory locks, one per subscriber, so that the consumer, a recycle and a
 * re-rating never rate the same subscriber at once (allowance counters, the dedupe check). Taken in sorted
 * order to avoid deadlocks between batches; released at commit or rollback.
 */
public class SubscriberLocks {

    private final JdbcTemplate jdbc;

    public SubscriberLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void lock(Collection<String> msisdns) {
        if (msisdns.isEmpty()) {
            return;
        }
        String[] sorted = msisdns.stream().distinct().sorted().toArray(String[]::new);
        jdbc.queryForObject("select count(pg_advisory_xact_lock(hashtextextended(m, 20261123))) from unnest(?::text[]) as m",
                Long.class, (Object) sorted);
    }
}
