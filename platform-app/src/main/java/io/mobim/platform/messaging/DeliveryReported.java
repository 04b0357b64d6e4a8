package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.util.UUID;

/** A message whose sender asked for delivery reports reached a final state for one recipient. */
public record DeliveryReported(UUID messageId, Msisdn sender, Msisdn recipient, String recipientAlias, DeliveryStatus status) {
}
