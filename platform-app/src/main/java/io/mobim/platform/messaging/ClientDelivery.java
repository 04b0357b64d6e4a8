package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.UUID;

/**
 * A message handed to a client session, to be acknowledged with {@link ClientDeliveries#acknowledge}.
 *
 * @param senderAlias what the recipient sees as the sender: the sender's nickname in a room, else their nickname
 * @param room the room the message was sent to, or null for a direct message
 */
public record ClientDelivery(UUID deliveryId, UUID messageId, Msisdn sender, String senderAlias, String room,
                             String body, Instant sentAt) {
}
