package io.mobim.wv.model.presence;

/**
 * The presence attribute {@code <StatusText>} (a free status line).
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param value {@code <PresenceValue>} ("" for an empty element), or {@code null} when absent
 */
public record StatusText(Boolean qualifier, String value) implements ValueAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "StatusText";

    /** The attribute with {@code Qualifier} T, as a server reports it. */
    public static StatusText of(String value) {
        return new StatusText(Boolean.TRUE, value);
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
