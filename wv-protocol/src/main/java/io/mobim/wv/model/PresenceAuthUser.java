package io.mobim.wv.model;

/**
 * The CSP primitive {@code <PresenceAuth-User>}.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 * @param acceptance {@code <Acceptance>}, or {@code null} when absent
 */
public record PresenceAuthUser(String userId, Boolean acceptance) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "PresenceAuth-User";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
