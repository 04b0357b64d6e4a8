package io.mobim.billing.rating;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** JDBC access to {@code billing.rejected_event}. */
public class RejectedEventStore {

    private static final RowMapper<RejectedEvent> ROW = (rs, n) -> new RejectedEvent(rs.getObject("event_id", UUID.class),
            rs.getString("node_id"), rs.getLong("sequence"), rs.getTimestamp("event_time").toInstant(),
            rs.getObject("business_day", LocalDate.class), rs.getString("msisdn"),
            RejectReason.valueOf(rs.getString("reason_code")), rs.getString("reason"), rs.getString("payload"),
            rs.getTimestamp("rejected_at").toInstant(), rs.getInt("attempts"), rs.getString("status"));

    private final JdbcTemplate jdbc;

    public RejectedEventStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Event ids among {@code ids} that were already rejected (open or recycled). */
    public Set<UUID> existing(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        // a uuid[] goes in binary: no text form of 2,000 ids to write and parse per batch
        return new HashSet<>(jdbc.query(con -> {
            var ps = con.prepareStatement("select event_id from billing.rejected_event where event_id = any(?)");
            ps.setArray(1, con.createArrayOf("uuid", ids.toArray()));
            return ps;
        }, (rs, i) -> rs.getObject(1, UUID.class)));
    }

    /** Stores rejections; a rejection of an already rejected event (a failed recycle) counts an attempt. */
    public void upsert(List<RejectedEvent> rejected) {
        if (rejected.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("insert into billing.rejected_event (event_id, node_id, sequence, event_time, business_day, msisdn, "
                        + "reason_code, reason, payload, rejected_at, attempts, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 'OPEN') "
                        + "on conflict (event_id) do update set reason_code = excluded.reason_code, reason = excluded.reason, "
                        + "attempts = billing.rejected_event.attempts + 1, status = 'OPEN'",
                rejected, 500, (ps, r) -> {
                    ps.setObject(1, r.eventId());
                    ps.setString(2, r.nodeId());
                    ps.setLong(3, r.sequence());
                    ps.setTimestamp(4, Timestamp.from(r.eventTime()));
                    ps.setObject(5, r.businessDay());
                    ps.setString(6, r.msisdn());
                    ps.setString(7, r.reasonCode().name());
                    ps.setString(8, r.reason());
                    ps.setString(9, r.payload());
                    ps.setTimestamp(10, Timestamp.from(r.rejectedAt()));
                });
    }

    public void markRecycled(Collection<UUID> ids, Instant at) {
        jdbc.batchUpdate("update billing.rejected_event set status = 'RECYCLED', recycled_at = ? where event_id = ?",
                ids, 500, (ps, id) -> {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.setObject(2, id);
                });
    }

    /** Open rejections, optionally of one subscriber or one reason, oldest event first. */
    public List<RejectedEvent> open(String msisdn, RejectReason reason, int limit) {
        return jdbc.query("select * from billing.rejected_event where status = 'OPEN' and (?::text is null or msisdn = ?) "
                        + "and (?::text is null or reason_code = ?) order by event_time, node_id, sequence limit ?",
                ROW, msisdn, msisdn, reason == null ? null : reason.name(), reason == null ? null : reason.name(), limit);
    }

    /** Open rejections of a subscriber whose business day falls in {@code period}. */
    public int countOpen(String msisdn, java.time.YearMonth period) {
        Integer n = jdbc.queryForObject("select count(*) from billing.rejected_event where status = 'OPEN' and msisdn = ? "
                + "and business_day between ? and ?", Integer.class, msisdn, period.atDay(1), period.atEndOfMonth());
        return n == null ? 0 : n;
    }

    /** Rejections (any status) of a business day. */
    public List<RejectedEvent> ofDay(LocalDate day) {
        return jdbc.query("select * from billing.rejected_event where business_day = ? order by node_id, sequence", ROW, day);
    }
}
