package io.mobim.wv.model;

/**
 * The CSP primitive {@code <CancelAuth-Request>}.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 */
public record CancelAuthRequest(String userId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CancelAuth-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
