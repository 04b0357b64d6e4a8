package io.mobim.billing.gateway;

import io.mobim.events.IsoInstantSerializer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code billing.gateway_fact}: billing's own record of the gateway's output. */
public class GatewayFactStore {

    private static final String COLUMNS = "direction, fact_id, smsc_reference, status, business_day, segments, service, "
            + "error_code, first_at, status_at";

    private static final String ADVANCES = "(gateway_fact.status = 'ACCEPTED' and excluded.status <> 'ACCEPTED')";

    // one statement with one array per column, whatever the batch's size: a single shape the server prepares once,
    // where a rewritten multi-row VALUES statement has a shape (and a parse of ten parameters a row) per size.
    // The update mirrors GatewayFact#then: a final outcome replaces ACCEPTED once, nothing else is overwritten.
    private static final String UPSERT = "insert into billing.gateway_fact (" + COLUMNS + ") "
            + "select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::date[], ?::integer[], "
            + "?::varchar[], ?::varchar[], ?::timestamptz[], ?::timestamptz[]) "
            + "on conflict (direction, fact_id) do update set "
            + "smsc_reference = coalesce(gateway_fact.smsc_reference, excluded.smsc_reference), "
            + "segments = greatest(gateway_fact.segments, excluded.segments), "
            + "service = coalesce(gateway_fact.service, excluded.service), "
            + "first_at = least(gateway_fact.first_at, excluded.first_at), "
            + "error_code = case when " + ADVANCES + " then excluded.error_code else gateway_fact.error_code end, "
            + "status_at = case when " + ADVANCES + " then excluded.status_at else gateway_fact.status_at end, "
            + "status = case when " + ADVANCES + " then excluded.status else gateway_fact.status end";

    private final JdbcTemplate jdbc;

    public GatewayFactStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the facts, folding several reports of one SMS first (one statement may not touch a row twice). */
    public int record(Collection<GatewayFact> facts) {
        Map<String, GatewayFact> folded = new LinkedHashMap<>();
        facts.forEach(f -> folded.merge(f.key(), f, GatewayFact::then));
        int n = folded.size();
        if (n == 0) {
            return 0;
        }
        String[] directions = new String[n];
        String[] ids = new String[n];
        String[] references = new String[n];
        String[] statuses = new String[n];
        String[] days = new String[n];
        Integer[] segments = new Integer[n];
        String[] services = new String[n];
        String[] errors = new String[n];
        String[] firstAt = new String[n];
        String[] statusAt = new String[n];
        int i = 0;
        for (GatewayFact f : folded.values()) {
            directions[i] = f.direction().name();
            ids[i] = f.factId();
            references[i] = f.smscReference();
            statuses[i] = f.status().name();
            // days and instants as text the statement casts: JDBC's date and timestamp conversions are large for
            // the JIT to compile on this path, where the instant's text is already made for JSON
            days[i] = f.businessDay().toString();
            segments[i] = f.segments();
            services[i] = f.service();
            errors[i] = f.errorCode();
            firstAt[i] = IsoInstantSerializer.format(f.firstAt());
            statusAt[i] = IsoInstantSerializer.format(f.statusAt());
            i++;
        }
        jdbc.update(UPSERT, directions, ids, references, statuses, days, segments, services, errors, firstAt, statusAt);
        return n;
    }

    /**
     * Deletes at most {@code limit} facts first reported before {@code day} (through index {@code gateway_fact_day});
     * returns how many it deleted.
     */
    public int deleteBefore(LocalDate day, int limit) {
        return jdbc.update("delete from billing.gateway_fact where ctid = any(array("
                + "select ctid from billing.gateway_fact where business_day < ?::date limit ?))", day.toString(), limit);
    }

    /** The facts first reported on the days from {@code first} to {@code last}, both included. */
    public List<GatewayFact> ofDays(LocalDate first, LocalDate last) {
        return jdbc.query("select " + COLUMNS + " from billing.gateway_fact where business_day between ? and ?",
                GatewayFactStore::fact, Date.valueOf(first), Date.valueOf(last));
    }

    private static GatewayFact fact(ResultSet rs, int i) throws SQLException {
        return new GatewayFact(GatewayFact.Direction.valueOf(rs.getString("direction")), rs.getString("fact_id"),
                rs.getString("smsc_reference"), GatewayFact.Status.valueOf(rs.getString("status")),
                rs.getObject("business_day", LocalDate.class), rs.getInt("segments"), rs.getString("service"),
                rs.getString("error_code"), rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("status_at").toInstant());
    }
}
