package io.mobim.billing.gateway;

import io.mobim.events.IsoInstantSerializer;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
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

    // mirrors GatewayFact#then: a final outcome replaces ACCEPTED once, nothing else is overwritten
    private static final String UPSERT = "insert into billing.gateway_fact (" + COLUMNS + ") values (?, ?, ?, ?, ?::date, ?, ?, ?, ?::timestamptz, ?::timestamptz) "
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
        List<GatewayFact> rows = new ArrayList<>(folded.values());
        jdbc.batchUpdate(UPSERT, rows, 500, (ps, f) -> {
            ps.setString(1, f.direction().name());
            ps.setString(2, f.factId());
            ps.setString(3, f.smscReference());
            ps.setString(4, f.status().name());
            // days and instants as text the statement casts: one row per fact, and JDBC's date and timestamp setters
            // are large for the JIT to compile on this path, where the instant's text is already made for JSON
            ps.setString(5, f.businessDay().toString());
            ps.setInt(6, f.segments());
            ps.setString(7, f.service());
            ps.setString(8, f.errorCode());
            ps.setString(9, IsoInstantSerializer.format(f.firstAt()));
            ps.setString(10, IsoInstantSerializer.format(f.statusAt()));
        });
        return rows.size();
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
