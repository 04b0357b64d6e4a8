package io.mobim.platform.interconnect;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.EventJson;
import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropSide;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.DeliveryReported;
import io.mobim.platform.messaging.DeliveryStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue of what waits for each peer operator ({@code im.interconnect_queue}) and its hand-over. The records of
 * {@code interop.outbound.v1} are {@linkplain #park parked} there; {@link #handOverNext} hands a peer's oldest row to
 * it ({@link PeerClient}) and records the outcome in one transaction with the row's removal: a message taken, with this
 * side's originating {@code InteropRecord}, or refused for good (the sender is told). A peer that is down
 * ({@link io.mobim.events.consumer.Outage}) rolls the transaction back: the row stays, first in its peer's line, and
 * the other peers' rows are not behind it. A message handed over again (a record parked twice after a crash) is a
 * duplicate the peer answers as the first time, and the row of {@code im.interconnect_outbound} keeps its record from
 * being written twice.
 */
final class OutboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

    /** What {@link #handOverNext} did. */
    enum Turn {
        /** The oldest row went to its peer (taken or refused) and left the queue. */
        HANDED_OVER,
        /** Nothing waits for the peer. */
        EMPTY,
        /** Another instance is handing this peer's rows over. */
        BUSY
    }

    private final PeerClient client;
    private final InteropRecords records;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Contacts contacts;
    private final ApplicationEventPublisher events;

    OutboundDispatcher(PeerClient client, InteropRecords records, JdbcClient jdbc, TransactionTemplate transactions, Clock clock,
                       MeterRegistry meters, Contacts contacts, ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.events = events;
        this.client = client;
        this.records = records;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** Queues {@code outbound} behind what already waits for its peer. */
    void park(PeerOutbound outbound) {
        jdbc.sql("insert into im.interconnect_queue (peer_operator, payload, queued_at) values (?, ?, ?)")
                .params(outbound.peer(), EventJson.mapper().writeValueAsBytes(outbound), Timestamp.from(clock.instant()))
                .update();
    }

    /** How many rows wait, by peer. */
    Map<String, Long> queued() {
        return jdbc.sql("select peer_operator, count(*) from im.interconnect_queue group by peer_operator")
                .query((rs, i) -> Map.entry(rs.getString(1), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Hands {@code peer}'s oldest row over, unless another instance holds the peer's line (a transaction-scoped advisory
     * lock: one instance at a time per peer, so its rows go in order). Throws {@link io.mobim.events.consumer.Outage}
     * when the peer is down: nothing changed.
     */
    Turn handOverNext(String peer) {
        return transactions.execute(tx -> {
            boolean ours = jdbc.sql("select pg_try_advisory_xact_lock(hashtextextended('mobim.interconnect/' || ?, 0))")
                    .param(peer).query(Boolean.class).single();
            if (!ours) {
                return Turn.BUSY;
            }
            record Parked(long id, byte[] payload) {
            }
            var head = jdbc.sql("select id, payload from im.interconnect_queue where peer_operator = ? order by id limit 1")
                    .param(peer).query((rs, i) -> new Parked(rs.getLong(1), rs.getBytes(2))).optional();
            if (head.isEmpty()) {
                return Turn.EMPTY;
            }
            handOver(EventJson.mapper().readValue(head.get().payload(), PeerOutbound.class));
            jdbc.sql("delete from im.interconnect_queue where id = ?").param(head.get().id()).update();
            return Turn.HANDED_OVER;
        });
    }

    /** Hands one record to its peer and records the outcome, in the caller's transaction. */
    private void handOver(PeerOutbound outbound) {
        PeerClient.Answer answer = client.send(outbound);
        if (outbound.message() == null) {
            // an authorization or a presence state: nothing to record, the peer keeps it, and a retry changes nothing there
            meters.counter("mobim.interconnect.outbound", "peer", outbound.peer(), "kind", outbound.kind(), "outcome",
                    answer.taken() ? "handed_over" : "refused").increment();
            if (!answer.taken()) {
                log.warn("{} refused {}: {}", outbound.peer(), outbound.body(), answer.refusal());
            }
            return;
        }
        PeerMessage message = outbound.message();
        Instant now = clock.instant();
        int first = jdbc.sql("""
                insert into im.interconnect_outbound (message_id, peer_operator, status, peer_reference, refusal, decided_at)
                values (?, ?, ?, ?, ?, ?) on conflict (message_id) do nothing""")
                .params(UUID.fromString(message.messageId()), message.terminatingOperator(), answer.taken() ? "HANDED_OVER" : "REFUSED",
                        answer.peerReference(), answer.refusal(), Timestamp.from(now))
                .update();
        if (first > 0 && answer.taken()) {
            records.record(InteropSide.ORIGINATING, message, now);
        } else if (first > 0) {
            // the sender is told, as for a delivery that failed here: nothing they write goes unanswered
            Msisdn sender = Msisdn.of(message.sender());
            Msisdn recipient = Msisdn.of(message.recipient());
            events.publishEvent(new DeliveryReported(UUID.fromString(message.messageId()), sender, recipient,
                    contacts.byNumber(sender, recipient).map(Contact::nickname).orElse(recipient.value()), DeliveryStatus.FAILED));
        }
        meters.counter("mobim.interconnect.outbound", "peer", message.terminatingOperator(), "kind", "message", "outcome",
                answer.taken() ? "handed_over" : "refused").increment();
        if (!answer.taken()) {
            log.warn("{} refused {}: {}", message.terminatingOperator(), message, answer.refusal());
        }
    }
}
