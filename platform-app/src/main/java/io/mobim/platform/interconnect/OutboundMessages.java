package io.mobim.platform.interconnect;

import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.interop.InteropChannel;
import io.mobim.platform.messaging.Interconnect;
import io.mobim.platform.numberplan.NumberPlan;
import io.mobim.platform.outbox.Outbox;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messaging's way out to peer operators: a number belongs to a peer when the number plan gives it to an operator
 * this one is connected with ({@code mobim.interconnect.peers}); an accepted message for one (and a presence
 * authorization, {@link AuthorizationForwarding}) is written to the outbox for {@code interop.outbound.v1} in the
 * transaction of the fact, and {@link OutboundDispatcher} hands it over.
 */
final class OutboundMessages implements Interconnect {

    private final NumberPlan plan;
    private final InterconnectSettings settings;
    private final Outbox outbox;

    OutboundMessages(NumberPlan plan, InterconnectSettings settings, Outbox outbox) {
        this.plan = plan;
        this.settings = settings;
        this.outbox = outbox;
    }

    @Override
    public Map<String, String> peersOf(Collection<String> msisdns) {
        Map<String, String> peers = new HashMap<>();
        plan.operatorsOf(msisdns).forEach((msisdn, operator) -> {
            if (settings.peers().containsKey(operator) && !operator.equals(plan.homeOperator())) {
                peers.put(msisdn, operator);
            }
        });
        return peers;
    }

    @Override
    public void handOver(OffNetMessage m) {
        PeerMessage message = new PeerMessage(m.messageId().toString(), plan.homeOperator(), m.peerOperator(), m.sender().value(),
                m.senderName(), m.recipient().value(), m.body(), m.channel() == Channel.SMS ? InteropChannel.SMS : InteropChannel.CLIENT,
                m.units(), m.sentAt());
        outbox.append(Topics.INTEROP_OUTBOUND, m.peerOperator(), new PeerOutbound(message, null, null));
    }

    /** Queues a presence authorization for its peer, in the caller's transaction. */
    void handOver(PeerAuthorization authorization) {
        outbox.append(Topics.INTEROP_OUTBOUND, authorization.toOperator(), new PeerOutbound(null, authorization, null));
    }

    /** Queues a presence state for its peer, in the caller's transaction. */
    void handOver(PeerPresence presence) {
        outbox.append(Topics.INTEROP_OUTBOUND, presence.toOperator(), new PeerOutbound(null, null, presence));
    }

    /** The connected peer operator {@code msisdn} belongs to, if any. */
    String peerOf(Msisdn msisdn) {
        return peersOf(List.of(msisdn.value())).get(msisdn.value());
    }

    /** Whether any peer operator is configured (none: nothing ever crosses). */
    boolean hasPeers() {
        return !settings.peers().isEmpty();
    }

    String homeOperator() {
        return plan.homeOperator();
    }
}
