package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import io.mobim.events.charging.Channel;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Messaging's way to subscribers of peer operators: which recipients are theirs, and handing an accepted message over
 * (durably, in the send's transaction). Without interconnection ({@link #NONE}) no number is a peer's.
 */
public interface Interconnect {

    Interconnect NONE = new Interconnect() {
        @Override
        public Map<String, String> peersOf(Collection<String> msisdns) {
            return Map.of();
        }

        @Override
        public void handOver(OffNetMessage message) {
            throw new IllegalStateException("no interconnection");
        }
    };

    /** The connected peer operator of each number the number plan gives to one; other numbers are left out. */
    Map<String, String> peersOf(Collection<String> msisdns);

    /** Queues {@code message} for its peer operator, in the caller's transaction. */
    void handOver(OffNetMessage message);

    /**
     * A message accepted for a peer operator's subscriber.
     *
     * @param senderName what the recipient is shown when they have no name of their own for the sender
     * @param channel    how the sender sent it (SMS or CLIENT)
     * @param units      SMS segments for an SMS, 1 for a client message
     */
    record OffNetMessage(UUID messageId, Msisdn sender, String senderName, Msisdn recipient, String peerOperator, String body,
                         Channel channel, int units, Instant sentAt) {
    }
}
