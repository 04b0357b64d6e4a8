package io.mobim.wv.model.presence;

/**
 * The presence attribute {@code <StatusMood>} (HAPPY, SAD, ...).
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param value {@code <PresenceValue>} ("" for an empty element), or {@code null} when absent
 */
public record StatusMood(Boolean qualifier, String value) implements ValueAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "StatusMood";

    /** The attribute with {@code Qualifier} T, as a server reports it. */
    public static StatusMood of(String value) {
        return new StatusMood(Boolean.TRUE, value);
    }

    @Override
    public String element() {
        return ELEMENT;
    }

    @Override
    public String presenceValue() {
        return value;
    }
}
