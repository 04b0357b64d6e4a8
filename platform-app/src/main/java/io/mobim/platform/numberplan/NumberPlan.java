package io.mobim.platform.numberplan;

import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropRecord;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which operator an MSISDN belongs to: a ported number's new operator (the portability import) first, else the
 * operator of the longest prefix range that matches it, else none (a number of no known operator).
 */
public class NumberPlan {

    /** A prefix range: {@code +} and 1 to 15 digits, no leading zero. */
    public static final Pattern PREFIX = Pattern.compile("\\+[1-9][0-9]{0,14}");

    private final JdbcClient jdbc;
    private final String homeOperator;
    private final Clock clock;

    NumberPlan(JdbcClient jdbc, String homeOperator, Clock clock) {
        this.jdbc = jdbc;
        this.homeOperator = homeOperator;
        this.clock = clock;
    }

    /** This operator's own code. */
    public String homeOperator() {
        return homeOperator;
    }

    /** The operator {@code msisdn} belongs to, if the plan knows it. */
    @Transactional(readOnly = true)
    public Optional<String> operatorOf(Msisdn msisdn) {
        return Optional.ofNullable(operatorsOf(List.of(msisdn.value())).get(msisdn.value()));
    }

    /**
     * The operators of several numbers in one statement (a send batch asks for all its unknown recipients at once);
     * numbers the plan does not know are left out of the map.
     */
    @Transactional(readOnly = true)
    public Map<String, String> operatorsOf(Collection<String> msisdns) {
        Map<String, String> found = new HashMap<>();
        if (msisdns.isEmpty()) {
            return found;
        }
        // each number's prefixes are looked up by key (the primary key), longest first: no scan of the ranges
        jdbc.sql("""
                select x.m, coalesce(
                    (select p.operator from im.ported_number p where p.msisdn = x.m),
                    (select r.operator from im.number_prefix r
                     where r.prefix = any (select left(x.m, n) from generate_series(2, length(x.m)) n)
                     order by length(r.prefix) desc limit 1)) as operator
                from unnest(?::varchar[]) as x(m)""")
                .param(msisdns.toArray(String[]::new))
                .query((rs, i) -> {
                    if (rs.getString(2) != null) {
                        found.put(rs.getString(1), rs.getString(2));
                    }
                    return null;
                })
                .list();
        return found;
    }

    // --- prefix ranges

    /** A prefix range and its operator. */
    public record Range(String prefix, String operator, Instant updatedAt) {
    }

    @Transactional(readOnly = true)
    public List<Range> ranges() {
        return jdbc.sql("select prefix, operator, updated_at from im.number_prefix order by prefix")
                .query((rs, i) -> new Range(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    /** Gives {@code prefix} to {@code operator}, replacing whoever had it. */
    @Transactional
    public Range assign(String prefix, String operator) {
        requirePrefix(prefix);
        requireOperator(operator);
        Instant now = clock.instant();
        jdbc.sql("""
                insert into im.number_prefix (prefix, operator, updated_at) values (?, ?, ?)
                on conflict (prefix) do update set operator = excluded.operator, updated_at = excluded.updated_at""")
                .params(prefix, operator, Timestamp.from(now)).update();
        return new Range(prefix, operator, now);
    }

    /** Removes a prefix range; whether there was one. */
    @Transactional
    public boolean remove(String prefix) {
        requirePrefix(prefix);
        return jdbc.sql("delete from im.number_prefix where prefix = ?").param(prefix).update() > 0;
    }

    // --- ported numbers

    /** A number that moved, and where to. */
    public record Ported(String msisdn, String operator, Instant portedAt) {
    }

    @Transactional(readOnly = true)
    public Optional<Ported> ported(Msisdn msisdn) {
        return jdbc.sql("select msisdn, operator, ported_at from im.ported_number where msisdn = ?").param(msisdn.value())
                .query((rs, i) -> new Ported(rs.getString(1), rs.getString(2),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()))
                .optional();
    }

    @Transactional(readOnly = true)
    public long portedCount() {
        return jdbc.sql("select count(*) from im.ported_number").query(Long.class).single();
    }

    /** Stores every number of an import, in one statement, replacing earlier entries of the same numbers. */
    @Transactional
    public int importPorted(List<Ported> numbers) {
        int n = numbers.size();
        String[] msisdns = new String[n];
        String[] operators = new String[n];
        Timestamp[] portedAt = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Ported p = numbers.get(i);
            msisdns[i] = p.msisdn();
            operators[i] = p.operator();
            portedAt[i] = p.portedAt() == null ? null : Timestamp.from(p.portedAt());
        }
        return jdbc.sql("""
                insert into im.ported_number (msisdn, operator, ported_at, imported_at)
                select x.m, x.o, x.p, ? from unnest(?::varchar[], ?::varchar[], ?::timestamptz[]) as x(m, o, p)
                on conflict (msisdn) do update set operator = excluded.operator, ported_at = excluded.ported_at,
                                                   imported_at = excluded.imported_at""")
                .params(Timestamp.from(clock.instant()), msisdns, operators, portedAt).update();
    }

    /** Removes a ported number's entry (it came back to its range's operator); whether there was one. */
    @Transactional
    public boolean removePorted(Msisdn msisdn) {
        return jdbc.sql("delete from im.ported_number where msisdn = ?").param(msisdn.value()).update() > 0;
    }

    static void requirePrefix(String prefix) {
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a prefix is '+' and 1 to 15 digits, no leading zero: '" + shorten(prefix) + "'");
        }
    }

    static void requireOperator(String operator) {
        if (operator == null || !InteropRecord.OPERATOR_ID.matcher(operator).matches()) {
            throw new IllegalArgumentException("an operator is a TADIG or MCC-MNC code (" + InteropRecord.OPERATOR_ID.pattern()
                    + "): '" + shorten(operator) + "'");
        }
    }

    static String shorten(String s) {
        return s == null ? "" : s.length() > 24 ? s.substring(0, 24) + "..." : s;
    }
}
