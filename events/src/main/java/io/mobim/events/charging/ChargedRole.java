package io.mobim.events.charging;

/** The role of the charged party in the charged fact. */
public enum ChargedRole {
    /** Sender of the message: the message is {@link Direction#SENT} for them. */
    ORIGINATOR,
    /** Recipient of the message: the message is {@link Direction#RECEIVED} for them. */
    RECIPIENT,
    /** The subscriber using the service: session data and daily access. */
    SUBSCRIBER;

    /** The direction of a message for a party in this role, or {@code null} for {@link #SUBSCRIBER}. */
    public Direction direction() {
        return switch (this) {
            case ORIGINATOR -> Direction.SENT;
            case RECIPIENT -> Direction.RECEIVED;
            case SUBSCRIBER -> null;
        };
    }
}
