package io.mobim.clearing.matching;

import io.mobim.clearing.ClearingLock;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Disputes as the operators work them: listed, resolved (the message is settled in the next statement with the units
 * agreed; if its period is closed, as a late adjustment) or written off (never settled). Only an open dispute can be
 * decided; a new record for the message reopens it at the next matching run.
 */
public class DisputeService {

    private static final String COLUMNS = "id, agreement_id, originating_operator, terminating_operator, message_id, channel, "
            + "outcome, status, o_count, t_count, o_time, t_time, o_units, t_units, event_time, disputed_at, closed_at, "
            + "resolved_units, note";
    private static final String COVERED = "exists (select 1 from clearing.settled_state s where s.agreement_id = m.agreement_id "
            + "and m.settle_seq <= s.settled_seq and m.event_time < s.settled_until)";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;

    public DisputeService(JdbcTemplate jdbc, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
    }

    /** Disputes of one agreement (or all, if null) in one status (or all), oldest first, at most {@code limit}. */
    public List<Dispute> list(String agreementId, DisputeStatus status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from clearing.message where ");
        List<Object> args = new ArrayList<>();
        if (status == null) {
            sql.append("(status in ('DISPUTED', 'RESOLVED', 'WRITTEN_OFF'))");
        } else {
            sql.append("status = ?");
            args.add(status.messageStatus());
        }
        if (agreementId != null) {
            sql.append(" and agreement_id = ?");
            args.add(agreementId);
        }
        sql.append(" order by disputed_at nulls last, id limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), DisputeService::dispute, args.toArray());
    }

    public Dispute get(long id) {
        List<Dispute> found = jdbc.query("select " + COLUMNS + " from clearing.message where id = ? "
                + "and status in ('DISPUTED', 'RESOLVED', 'WRITTEN_OFF')", DisputeService::dispute, id);
        if (found.isEmpty()) {
            throw new NoSuchElementException("no dispute " + id);
        }
        return found.get(0);
    }

    /**
     * Accepts a dispute for settlement with {@code units} (default: the originating side's, else the terminating
     * side's). A message that has no agreement yet cannot be settled: add the agreement, and the next matching run
     * judges it again.
     */
    public Dispute resolve(long id, Integer units, String note) {
        return decide(id, note, DisputeStatus.RESOLVED, units);
    }

    /** Gives a dispute up: the message is never settled. */
    public Dispute writeOff(long id, String note) {
        return decide(id, note, DisputeStatus.WRITTEN_OFF, null);
    }

    private Dispute decide(long id, String note, DisputeStatus decision, Integer units) {
        if (note != null && note.length() > 500) {
            throw new IllegalArgumentException("a note is at most 500 characters");
        }
        if (units != null && (units < 1 || units > 255)) {
            throw new IllegalArgumentException("units must be 1..255");
        }
        return tx.execute(s -> {
            ClearingLock.acquire(jdbc);
            Dispute d = get(id);
            if (d.status() != DisputeStatus.OPEN) {
                throw new IllegalStateException("dispute " + id + " is already " + d.status());
            }
            if (decision == DisputeStatus.RESOLVED && d.agreementId() == null) {
                throw new IllegalStateException("dispute " + id + " has no agreement between " + d.originatingOperator() + " and "
                        + d.terminatingOperator() + " on its day: add one, and the next matching run judges it again");
            }
            Integer settledUnits = decision == DisputeStatus.RESOLVED
                    ? (units != null ? units : d.originatingUnits() != null ? d.originatingUnits() : d.terminatingUnits()) : null;
            Instant now = clock.instant();
            jdbc.update("update clearing.message m set status = ?, resolved_units = ?, note = ?, closed_at = ?, "
                            + "settle_seq = case when " + COVERED + " then m.settle_seq when ? then nextval('clearing.run_seq') end "
                            + "where id = ? and status = 'DISPUTED'", decision.messageStatus(), settledUnits, note, Timestamp.from(now),
                    decision == DisputeStatus.RESOLVED, id);
            return get(id);
        });
    }

    private static Dispute dispute(ResultSet rs, int i) throws SQLException {
        return new Dispute(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), DisputeStatus.ofMessageStatus(rs.getString(8)), rs.getInt(9), rs.getInt(10), instant(rs, 11),
                instant(rs, 12), (Integer) rs.getObject(13, Integer.class), (Integer) rs.getObject(14, Integer.class),
                instant(rs, 15), instant(rs, 16), instant(rs, 17), (Integer) rs.getObject(18, Integer.class), rs.getString(19));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
