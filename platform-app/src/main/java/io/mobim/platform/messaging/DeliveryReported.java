package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.util.UUID;

/**
 * A message whose sender asked for delivery reports reached a final state for one recipient; or a message for a peer
 * operator's subscriber that the peer refused (the sender is told whether they asked or not).
 */
public record DeliveryReported(UUID messageId, Msisdn sender, Msisdn recipient, String recipientAlias, DeliveryStatus status) {
}
