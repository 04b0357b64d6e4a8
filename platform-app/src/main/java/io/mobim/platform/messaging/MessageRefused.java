package io.mobim.platform.messaging;

/** A message that was not accepted at all: nothing was stored and nothing is charged. */
public class MessageRefused extends RuntimeException {

    private final Reason reason;

    public MessageRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public enum Reason {
        SENDER_NOT_ACTIVE,
        RECIPIENT_UNKNOWN,
        /** The recipient blocked the sender, or accepts messages from contacts only. */
        NOT_ACCEPTED,
        OFFLINE_QUOTA_FULL,
        RATE_LIMITED,
        EMPTY,
        TOO_LONG,
        NOT_A_MEMBER,
        NO_RECIPIENTS
    }
}
