package io.mobim.billing.account;

import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batch reads and learning of subscriber plans for the rating path (one query per batch, no entity state).
 * The billing team's changes go through {@link AccountService} and the JPA repository.
 */
public class AccountDirectory {

    private final JdbcTemplate jdbc;

    public AccountDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every account row of the given subscribers, oldest first per subscriber. */
    public Map<String, List<AccountEntry>> load(Collection<String> msisdns) {
        Map<String, List<AccountEntry>> out = new HashMap<>();
        if (msisdns.isEmpty()) {
            return out;
        }
        jdbc.query("select msisdn, valid_from, plan_id, source from billing.account where msisdn = any(?) order by msisdn, valid_from",
                rs -> {
                    AccountEntry e = new AccountEntry(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            Account.Source.valueOf(rs.getString(4)));
                    out.computeIfAbsent(e.msisdn(), k -> new java.util.ArrayList<>()).add(e);
                }, (Object) msisdns.toArray(String[]::new));
        return out;
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
