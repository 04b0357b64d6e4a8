package io.mobim.platform.messaging;

/**
 * What became of one request of {@link MessageSender#sendAll}: its result, or the refusal that kept it from being
 * accepted (then nothing of it was stored or charged). Exactly one of the two is set.
 */
public record SendOutcome(SendResult result, MessageRefused refusal) {

    public SendOutcome {
        if ((result == null) == (refusal == null)) {
            throw new IllegalArgumentException("an outcome is a result or a refusal");
        }
    }

    static SendOutcome sent(SendResult result) {
        return new SendOutcome(result, null);
    }

    static SendOutcome refused(MessageRefused refusal) {
        return new SendOutcome(null, refusal);
    }

    /** The result, or the refusal thrown. */
    public SendResult get() {
        if (refusal != null) {
            throw refusal;
        }
        return result;
    }
}
