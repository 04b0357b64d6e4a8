package io.mobim.platform.messaging;

import java.util.Arrays;

/**
 * Where a delivery is ({@code im.delivery.status}, whose value is the constant's name). The sender is told less
 * ({@link DeliveryStatus}): both open states are "accepted" to them.
 */
public enum DeliveryState {
    /**
     * Waiting for a client session: for its recipient's next fetch, or fetched by a session ({@code claimed_at} and
     * {@code session_id} set) and not yet acknowledged.
     */
    PENDING(DeliveryStatus.ACCEPTED),
    /** Submitted as an SMS: the SMS-C's receipt ends it. */
    IN_FLIGHT(DeliveryStatus.ACCEPTED),
    /** The recipient's channel acknowledged it: the recipient is charged. */
    DELIVERED(DeliveryStatus.DELIVERED),
    /** It cannot be delivered (SMS-C refusal). */
    FAILED(DeliveryStatus.FAILED),
    /** Its validity ran out, or its SMS never got a receipt. */
    EXPIRED(DeliveryStatus.EXPIRED);

    private final DeliveryStatus status;

    DeliveryState(DeliveryStatus status) {
        this.status = status;
    }

    /** The value in {@code im.delivery.status}, to bind. */
    public String value() {
        return name();
    }

    /**
     * The value as a literal in a statement's text. Only for statements whose plan needs it: PostgreSQL uses a partial
     * index of deliveries in one state (V12, V13, V19, V20, V10) only for a statement that names that state, not for
     * one that binds it (a generic plan, as a prepared statement keeps, cannot know the bound value).
     */
    public String literal() {
        return "'" + name() + "'";
    }

    /** What the sender is told of a delivery in this state. */
    public DeliveryStatus status() {
        return status;
    }

    /** Whether a delivery in this state is still to end (waiting, or out as an SMS). */
    public boolean open() {
        return status == DeliveryStatus.ACCEPTED;
    }

    /** The values of the states in which a delivery has ended, to bind as an array. */
    static String[] finishedValues() {
        return Arrays.stream(values()).filter(s -> !s.open()).map(DeliveryState::value).toArray(String[]::new);
    }

    /** The state of an {@code im.delivery.status} value. */
    public static DeliveryState of(String value) {
        return valueOf(value);
    }
}
