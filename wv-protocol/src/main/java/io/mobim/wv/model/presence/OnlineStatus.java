package io.mobim.wv.model.presence;

/**
 * The presence attribute {@code <OnlineStatus>} (whether the user is logged in with a client).
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param value {@code <PresenceValue>}, or {@code null} when absent
 */
public record OnlineStatus(Boolean qualifier, Boolean value) implements ValueAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "OnlineStatus";

    /** The attribute with {@code Qualifier} T, as a server reports it. */
    public static OnlineStatus of(Boolean value) {
        return new OnlineStatus(Boolean.TRUE, value);
    }

    @Override
    public String element() {
        return ELEMENT;
    }

    @Override
    public String presenceValue() {
        return value == null ? null : value ? "T" : "F";
    }
}
