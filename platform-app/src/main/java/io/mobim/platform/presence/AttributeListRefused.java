package io.mobim.platform.presence;

/** An attribute list that cannot be made; nothing was written. */
public class AttributeListRefused extends RuntimeException {

    public enum Reason {
        /** A list for oneself. */
        INVALID,
        NO_SUCH_CONTACT_LIST,
        /** The presentity has {@code mobim.presence.max-attribute-lists} already. */
        LIMIT
    }

    private final Reason reason;

    public AttributeListRefused(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
