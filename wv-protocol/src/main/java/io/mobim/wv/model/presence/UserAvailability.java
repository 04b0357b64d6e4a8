package io.mobim.wv.model.presence;

/**
 * The presence attribute {@code <UserAvailability>}.
 *
 * @param qualifier {@code <Qualifier>} (T/F), or {@code null} when absent
 * @param value {@code <PresenceValue>}, or {@code null} when absent
 */
public record UserAvailability(Boolean qualifier, Availability value) implements ValueAttribute {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "UserAvailability";

    /** The attribute with {@code Qualifier} T, as a server reports it. */
    public static UserAvailability of(Availability value) {
        return new UserAvailability(Boolean.TRUE, value);
    }

    @Override
    public String element() {
        return ELEMENT;
    }

    @Override
    public String presenceValue() {
        return value == null ? null : value.name();
    }
}
