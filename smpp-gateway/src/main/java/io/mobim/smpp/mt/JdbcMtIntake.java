package io.mobim.smpp.mt;

import static io.mobim.smpp.mt.MtLedger.NO_PARTITION;

import io.mobim.events.EventJson;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.mt.MtLedger.Offer;
import io.mobim.smpp.mt.MtLedger.Taken;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes MTs into the {@link JdbcMtLedger}: a request id taken before is a duplicate. A poll of MTs is one multi-row
 * insert, committed before it returns.
 */
final class JdbcMtIntake {

    private final JdbcTemplate jdbc;
    /** A transaction of the ledger's own even inside a caller's: what is taken is committed when {@link #take} returns. */
    private final TransactionTemplate ownTx;

    JdbcMtIntake(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTx = new TransactionTemplate(transactions);
        ownTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    boolean register(SmsMt mt, Instant now) {
        return jdbc.update("""
                insert into smpp.mt_request (request_id, recipient, sender, body, expires_at, receipt_wanted, service, state,
                                             created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (request_id) do nothing""",
                mt.requestId(), mt.to(), truncate(mt.from(), 16), EventJson.mapper().writeValueAsString(mt),
                Timestamp.from(mt.expiresAt()), mt.receiptWanted(), mt.service(), Timestamp.from(now), Timestamp.from(now)) == 1;
    }

    /** One multi-row insert for a poll of MTs (arrays unnested), instead of one statement per MT. */
    List<Taken> take(List<Offer> offers, Instant now) {
        Map<String, Offer> first = new LinkedHashMap<>(); // a request id twice in one statement: the first is taken
        for (Offer o : offers) {
            first.putIfAbsent(o.mt().requestId(), o);
        }
        if (first.isEmpty()) {
            return List.of();
        }
        int n = first.size();
        String[] ids = new String[n];
        String[] recipients = new String[n];
        String[] senders = new String[n];
        String[] bodies = new String[n];
        String[] expires = new String[n];
        String[] receipts = new String[n];
        String[] services = new String[n];
        Integer[] partitions = new Integer[n];
        int i = 0;
        for (Offer o : first.values()) {
            SmsMt mt = o.mt();
            partitions[i] = o.partition() == NO_PARTITION ? null : o.partition();
            ids[i] = mt.requestId();
            recipients[i] = mt.to();
            senders[i] = truncate(mt.from(), 16);
            bodies[i] = EventJson.mapper().writeValueAsString(mt);
            expires[i] = mt.expiresAt().toString();
            receipts[i] = Boolean.toString(mt.receiptWanted());
            services[i] = mt.service();
            i++;
        }
        Map<String, Long> taken = new HashMap<>();
        // in the poll's order, so that the positions (the order PENDING MTs are read back in) follow it; committed
        // before the MTs go out, also where the caller has a transaction open (the outbox relay's, in the all-in-one):
        // a part the SMS-C accepts must find its row, and a caller rolling back hands the same MTs again (duplicates)
        ownTx.executeWithoutResult(status -> jdbc.query("""
                insert into smpp.mt_request (request_id, recipient, sender, body, expires_at, receipt_wanted, service, state,
                                             kafka_partition, created_at, updated_at)
                select x.request_id, x.recipient, x.sender, x.body, x.expires_at, x.receipt_wanted, x.service, 'PENDING',
                       x.kafka_partition, ?, ?
                from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::text[], ?::timestamptz[], ?::boolean[], ?::varchar[],
                            ?::integer[])
                     with ordinality as x(request_id, recipient, sender, body, expires_at, receipt_wanted, service,
                                          kafka_partition, n)
                order by x.n
                on conflict (request_id) do nothing
                returning request_id, taken_seq""",
                (RowCallbackHandler) rs -> taken.put(rs.getString(1), rs.getLong(2)), Timestamp.from(now),
                Timestamp.from(now), ids, recipients, senders, bodies, expires, receipts, services, partitions));
        List<Taken> out = new ArrayList<>(taken.size());
        for (Offer o : first.values()) {
            Long position = taken.get(o.mt().requestId());
            if (position != null) {
                out.add(new Taken(o.mt(), position, o.partition()));
            }
        }
        return out;
    }

    private static String truncate(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}
