package io.mobim.platform.subscribers;

/** A field of a subscriber does not hold a valid value; the message says which and why. */
public class InvalidSubscriberData extends IllegalArgumentException {
    private final String field;

    public InvalidSubscriberData(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
