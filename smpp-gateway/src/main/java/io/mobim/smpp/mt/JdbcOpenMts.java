package io.mobim.smpp.mt;

import static io.mobim.smpp.mt.MtLedger.NO_PARTITION;

import io.mobim.events.EventJson;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.mt.MtLedger.AcceptedPart;
import io.mobim.smpp.mt.MtLedger.OpenRequest;
import io.mobim.smpp.mt.MtLedger.Pending;
import io.mobim.smpp.mt.MtLedger.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Reads back the MTs of the {@link JdbcMtLedger} that still need work, in the order they were taken: PENDING ones
 * to send (with the parts already accepted), and finished ones whose outcome is not published yet.
 */
final class JdbcOpenMts {

    private final JdbcTemplate jdbc;

    JdbcOpenMts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Pending> pendingAfter(long position, int limit) {
        return pending("""
                select r.taken_seq, r.body, p.seq, p.link_id, p.smsc_message_id, r.kafka_partition
                from (select taken_seq, request_id, body, kafka_partition from smpp.mt_request
                      where taken_seq > ? and state = 'PENDING' order by taken_seq limit ?) r
                left join smpp.mt_part p on p.request_id = r.request_id
                order by r.taken_seq, p.seq""", position, limit);
    }

    List<Pending> pendingAfter(Map<Integer, Long> after, int limit) {
        if (after.isEmpty()) {
            return List.of();
        }
        Integer[] partitions = after.keySet().toArray(Integer[]::new);
        Long[] positions = after.values().toArray(Long[]::new);
        long from = after.values().stream().mapToLong(Long::longValue).min().orElseThrow();
        // the range on taken_seq from the earliest position lets the scan start there (its index)
        return pending("""
                select r.taken_seq, r.body, p.seq, p.link_id, p.smsc_message_id, r.kafka_partition
                from (select m.taken_seq, m.request_id, m.body, m.kafka_partition
                      from smpp.mt_request m
                      join unnest(?::integer[], ?::bigint[]) as c(part, after)
                        on coalesce(m.kafka_partition, -1) = c.part and m.taken_seq > c.after
                      where m.taken_seq > ? and m.state = 'PENDING' order by m.taken_seq limit ?) r
                left join smpp.mt_part p on p.request_id = r.request_id
                order by r.taken_seq, p.seq""", partitions, positions, from, limit);
    }

    private List<Pending> pending(String sql, Object... args) {
        List<Pending> out = new ArrayList<>();
        jdbc.query(sql, (RowCallbackHandler) rs -> {
            long at = rs.getLong(1);
            if (out.isEmpty() || out.get(out.size() - 1).position() != at) {
                int partition = rs.getInt(6);
                out.add(new Pending(EventJson.mapper().readValue(rs.getString(2), SmsMt.class), at, new ArrayList<>(),
                        rs.wasNull() ? NO_PARTITION : partition));
            }
            if (rs.getString(4) != null) {
                out.get(out.size() - 1).accepted().add(new AcceptedPart(rs.getInt(3), rs.getString(4), rs.getString(5)));
            }
        }, args);
        return out;
    }

    List<OpenRequest> unpublishedAfter(long position, int limit) {
        List<OpenRequest> out = new ArrayList<>();
        jdbc.query("""
                select request_id, recipient, sender, expires_at, receipt_wanted, service, state, error_code, taken_seq
                from smpp.mt_request where taken_seq > ? and state <> 'PENDING' and not outcome_published
                order by taken_seq limit ?""", (RowCallbackHandler) rs -> {
            SmsMt mt = SmsMt.of(rs.getString("request_id"), rs.getString("sender"), rs.getString("recipient"), "-",
                    rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("receipt_wanted"), rs.getString("service"));
            out.add(new OpenRequest(mt, State.valueOf(rs.getString("state")), rs.getString("error_code"),
                    messageIds(mt.requestId()), rs.getLong("taken_seq")));
        }, position, limit);
        return out;
    }

    List<OpenRequest> open() {
        List<OpenRequest> out = new ArrayList<>();
        jdbc.query("""
                select request_id, recipient, sender, body, expires_at, receipt_wanted, service, state, error_code
                from smpp.mt_request where state = 'PENDING' or not outcome_published order by created_at""", rs -> {
            String body = rs.getString("body");
            SmsMt mt = body != null
                    ? EventJson.mapper().readValue(body, SmsMt.class)
                    // final and cleared: only the outcome is left to publish; the text is not needed for that
                    : SmsMt.of(rs.getString("request_id"), rs.getString("sender"), rs.getString("recipient"), "-",
                            rs.getTimestamp("expires_at").toInstant(), rs.getBoolean("receipt_wanted"), rs.getString("service"));
            State state = State.valueOf(rs.getString("state"));
            List<String> ids = state == State.PENDING ? List.of() : messageIds(mt.requestId());
            out.add(new OpenRequest(mt, state, rs.getString("error_code"), ids));
        });
        return out;
    }

    private List<String> messageIds(String requestId) {
        return jdbc.queryForList("select smsc_message_id from smpp.mt_part where request_id = ? order by seq", String.class,
                requestId);
    }

    List<AcceptedPart> acceptedParts(String requestId) {
        return jdbc.query("select seq, link_id, smsc_message_id from smpp.mt_part where request_id = ? order by seq",
                (rs, i) -> new AcceptedPart(rs.getInt(1), rs.getString(2), rs.getString(3)), requestId);
    }
}
