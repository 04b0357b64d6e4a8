package io.mobim.billing.account;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batch reads and learning of subscriber plans for the rating path (one query per batch, no entity state).
 * The billing team's changes go through {@link AccountService} and the JPA repository.
 *
 * <p>Rows read are kept in memory with the account generation ({@code billing.account_generation}, bumped in the
 * same transaction by every change to {@code billing.account} but the rows learned from events) that was current
 * when they were read, and reused while the generation read at the start of a later batch is the same: a batch
 * then sees the same rows as if it had read them all, without the per-subscriber lookup. Subscribers with no row
 * are not kept (rating may learn one for them). Must not be called after writing accounts in the same transaction.
 */
public class AccountDirectory {

    private final JdbcTemplate jdbc;
    private final int cacheSize;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(long generation, List<AccountEntry> rows) {
    }

    /** @param cacheSize subscribers whose rows are kept in memory at most; 0 reads every batch's rows from the table */
    public AccountDirectory(JdbcTemplate jdbc, int cacheSize) {
        this.jdbc = jdbc;
        this.cacheSize = cacheSize;
    }

    /** Every account row of the given subscribers, oldest first per subscriber. */
    public Map<String, List<AccountEntry>> load(Collection<String> msisdns) {
        Map<String, List<AccountEntry>> out = new HashMap<>();
        if (msisdns.isEmpty()) {
            return out;
        }
        if (cacheSize == 0) {
            read(msisdns, out);
            return out;
        }
        // read first: a change committed after it, before the rows are read, only makes them newer than their tag
        long generation = jdbc.queryForObject("select value from billing.account_generation", Long.class);
        List<String> missing = new ArrayList<>();
        for (String msisdn : msisdns) {
            Cached cached = cache.get(msisdn);
            if (cached != null && cached.generation() == generation) {
                out.put(msisdn, cached.rows());
            } else {
                missing.add(msisdn);
            }
        }
        if (missing.isEmpty()) {
            return out;
        }
        Map<String, List<AccountEntry>> read = new HashMap<>();
        read(missing, read);
        if (cache.size() + read.size() > cacheSize) {
            cache.clear();   // simple bound: start over rather than track recency
        }
        read.forEach((msisdn, rows) -> {
            List<AccountEntry> kept = List.copyOf(rows);
            cache.put(msisdn, new Cached(generation, kept));
            out.put(msisdn, kept);
        });
        return out;
    }

    private void read(Collection<String> msisdns, Map<String, List<AccountEntry>> out) {
        jdbc.query("select msisdn, valid_from, plan_id, source from billing.account where msisdn = any(?) order by msisdn, valid_from",
                rs -> {
                    AccountEntry e = new AccountEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            Account.Source.valueOf(rs.getString(4)));
                    out.computeIfAbsent(e.msisdn(), k -> new ArrayList<>()).add(e);
                }, (Object) msisdns.toArray(String[]::new));
    }

    /** Records plans learned from events for subscribers billing had no row for (one statement per batch). */
    public void learn(Collection<AccountEntry> learned, Instant now) {
        if (learned.isEmpty()) {
            return;
        }
        jdbc.update("insert into billing.account (msisdn, valid_from, plan_id, source, updated_at) "
                        + "select u.msisdn, u.valid_from, u.plan_id, 'EVENT', ? from unnest(?::text[], ?::timestamptz[], ?::text[]) "
                        + "as u(msisdn, valid_from, plan_id) where not exists (select 1 from billing.account a where a.msisdn = u.msisdn)",
                Timestamp.from(now), learned.stream().map(AccountEntry::msisdn).toArray(String[]::new),
                learned.stream().map(e -> e.validFrom().toString()).toArray(String[]::new),
                learned.stream().map(AccountEntry::planId).toArray(String[]::new));
    }
}
