package io.mobim.platform.interconnect;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.interop.InteropSide;
import io.mobim.platform.messaging.MessageRefused;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.SendResult;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes a message a peer handed over for one of this operator's subscribers: delivered as any message is (the IM
 * core decides the route), with this side's terminating {@code InteropRecord}, in one transaction. A message handed
 * over again (the peer retried) gets the first answer and writes nothing more.
 */
final class InboundMessages {

    private final MessageSender sender;
    private final InteropRecords records;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterRegistry meters;

    InboundMessages(MessageSender sender, InteropRecords records, TransactionTemplate transactions, Clock clock, MeterRegistry meters) {
        this.sender = sender;
        this.records = records;
        this.transactions = transactions;
        this.clock = clock;
        this.meters = meters;
    }

    /** The message's id here; throws {@link MessageRefused} if the recipient does not take it (nothing is stored). */
    SendResult receive(PeerMessage m) {
        // the sender's operator and its message id make the key: fits the client message id column whatever their length
        String key = "s2s:" + UUID.nameUUIDFromBytes((m.originatingOperator() + "/" + m.messageId()).getBytes(StandardCharsets.UTF_8));
        SendResult result = transactions.execute(tx -> {
            SendResult r = sender.receiveFromPeer(Origin.peer(m.originatingOperator(), m.units()), key, Msisdn.of(m.sender()),
                    m.senderName(), Msisdn.of(m.recipient()), m.body());
            if (!r.duplicate()) {
                records.record(InteropSide.TERMINATING, m, clock.instant());
            }
            return r;
        });
        meters.counter("mobim.interconnect.inbound", "peer", m.originatingOperator(), "outcome",
                result.duplicate() ? "duplicate" : "accepted").increment();
        return result;
    }
}
