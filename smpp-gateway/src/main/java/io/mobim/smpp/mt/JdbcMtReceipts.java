package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsDlr;
import io.mobim.smpp.mt.MtLedger.Aggregate;
import io.mobim.smpp.mt.MtLedger.PartMatch;
import io.mobim.smpp.mt.MtLedger.State;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Matches delivery receipts to the parts in the {@link JdbcMtLedger}, records each part's receipt, and tells when
 * an MT's receipt outcome (all of its parts) is complete and not yet published.
 */
final class JdbcMtReceipts {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    JdbcMtReceipts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    List<PartMatch> findParts(String linkId, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        List<PartMatch> found = named.query("""
                select r.request_id, r.recipient, r.service, r.receipt_wanted, r.state, p.seq, r.parts, r.outcome_published,
                       p.smsc_message_id, r.receipt_state is not null
                from smpp.mt_part p join smpp.mt_request r on r.request_id = p.request_id
                where p.link_id = :link and p.smsc_message_id in (:ids)
                order by p.submitted_at desc limit 20""",
                new MapSqlParameterSource("link", linkId).addValue("ids", List.copyOf(messageIds)),
                (rs, i) -> new PartMatch(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        State.valueOf(rs.getString(5)), rs.getInt(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9),
                        rs.getBoolean(10)));
        return found;
    }

    Optional<Aggregate> receipt(String requestId, int seq, SmsDlr.Status status, String errorCode, Instant at) {
        jdbc.update("""
                update smpp.mt_part set receipt_status = ?, receipt_error = ?, receipt_at = ?
                where request_id = ? and seq = ? and receipt_status is null""",
                status.name(), errorCode, Timestamp.from(at), requestId, seq);
        // a separate statement after the update, so that of two parts' receipts arriving together the later sees both
        List<String[]> rows = jdbc.query("""
                select p.smsc_message_id, p.receipt_status, p.receipt_error, r.parts
                from smpp.mt_request r join smpp.mt_part p on p.request_id = r.request_id
                where r.request_id = ? and r.receipt_state is null order by p.seq""",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)}, requestId);
        if (rows.isEmpty() || rows.get(0)[3] == null || rows.size() < Integer.parseInt(rows.get(0)[3])
                || rows.stream().anyMatch(r -> r[1] == null)) {
            return Optional.empty();
        }
        SmsDlr.Status aggregate = SmsDlr.Status.DELIVERED;
        String error = null;
        for (String[] r : rows) {
            if (!SmsDlr.Status.DELIVERED.name().equals(r[1])) {
                aggregate = SmsDlr.Status.valueOf(r[1]);
                error = r[2];
                break;
            }
        }
        return Optional.of(new Aggregate(aggregate, error, rows.stream().map(r -> r[0]).toList()));
    }

    /** An MT of one part: its receipt is the aggregate, nothing to read; the part's receipt is written with the mark. */
    Optional<Aggregate> receipt(PartMatch part, SmsDlr.Status status, String errorCode, Instant at) {
        if (part.total() != 1) {
            return receipt(part.requestId(), part.seq(), status, errorCode, at);
        }
        if (part.receiptPublished()) {
            return Optional.empty();
        }
        return Optional.of(new Aggregate(status, status == SmsDlr.Status.DELIVERED ? null : errorCode, List.of(part.messageId())));
    }

    void receiptPublished(PartMatch part, Aggregate aggregate, Instant at) {
        jdbc.update("""
                with part as (
                    update smpp.mt_part set receipt_status = ?, receipt_error = ?, receipt_at = ?
                    where request_id = ? and seq = ? and receipt_status is null)
                update smpp.mt_request set receipt_state = ?, updated_at = ? where request_id = ? and receipt_state is null""",
                aggregate.status().name(), aggregate.errorCode(), Timestamp.from(at), part.requestId(), part.seq(),
                aggregate.status().name(), Timestamp.from(at), part.requestId());
    }

    void receiptPublished(String requestId, SmsDlr.Status status, Instant at) {
        jdbc.update("update smpp.mt_request set receipt_state = ?, updated_at = ? where request_id = ? and receipt_state is null",
                status.name(), Timestamp.from(at), requestId);
    }
}
