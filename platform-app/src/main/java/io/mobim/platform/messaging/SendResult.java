package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.util.List;
import java.util.UUID;

/**
 * What became of a sent message: its id, and for each recipient whether it is on its way and how.
 *
 * @param duplicate true when the client had sent this message id before: this is the first result again
 */
public record SendResult(UUID messageId, List<Recipient> recipients, boolean duplicate) {

    /** One recipient's outcome; {@code reason} says why it is FAILED. */
    public record Recipient(Msisdn msisdn, DeliveryStatus status, Route route, String reason) {
    }

    /** The way a delivery takes. */
    public enum Route {
        /** Queued for a live client session. */
        CLIENT,
        /** Submitted as an SMS (no live client session). */
        SMS,
        /** Stored until the recipient opens a client session (they declined SMS fallback). */
        STORED,
        /** Handed to the recipient's operator, a peer, which delivers it over its own channels. */
        INTEROP,
        /** Not routed (refused for this recipient). */
        NONE
    }
}
