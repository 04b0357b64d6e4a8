package io.mobim.wv.model.presence;

/**
 * The presence attribute {@code <Alias>} (the name the user shows).
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param value {@code <PresenceValue>} ("" for an empty element), or {@code null} when absent
 */
public record Alias(Boolean qualifier, String value) implements ValueAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Alias";

    /** The attribute with {@code Qualifier} T, as a server reports it. */
    public static Alias of(String value) {
        return new Alias(Boolean.TRUE, value);
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
