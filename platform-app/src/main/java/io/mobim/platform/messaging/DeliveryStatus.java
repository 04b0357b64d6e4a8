package io.mobim.platform.messaging;

/** A message's state for one recipient, as the sender is told it. */
public enum DeliveryStatus {
    /** Stored, on its way (queued for a client, or submitted as SMS). */
    ACCEPTED,
    /** The recipient's channel acknowledged it. */
    DELIVERED,
    /** It cannot be delivered (SMS-C refusal, quota full). */
    FAILED,
    /** Its validity ran out before anyone acknowledged it. */
    EXPIRED
}
