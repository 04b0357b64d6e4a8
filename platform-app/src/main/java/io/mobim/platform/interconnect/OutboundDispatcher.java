package io.mobim.platform.interconnect;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropSide;
import io.mobim.platform.contacts.Contact;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.DeliveryReported;
import io.mobim.platform.messaging.DeliveryStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands each message (and presence authorization) waiting on {@code interop.outbound.v1} to its peer
 * ({@link PeerClient}), then records a message's outcome in one transaction: what the peer said: taken, with this side's originating {@code InteropRecord}, or refused for good. A
 * peer that is down stops its partition's consumer, which waits with backoff (the message stays on the topic: nothing
 * is lost); a message handed over again after a crash is a duplicate the peer answers as the first time, and the row
 * of {@code im.interconnect_outbound} keeps its record from being written twice.
 */
final class OutboundDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboundDispatcher.class);

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

    void handOver(PeerOutbound outbound) {
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
        transactions.executeWithoutResult(tx -> {
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
        });
        meters.counter("mobim.interconnect.outbound", "peer", message.terminatingOperator(), "kind", "message", "outcome",
                answer.taken() ? "handed_over" : "refused").increment();
        if (!answer.taken()) {
            log.warn("{} refused {}: {}", message.terminatingOperator(), message, answer.refusal());
        }
    }
}
