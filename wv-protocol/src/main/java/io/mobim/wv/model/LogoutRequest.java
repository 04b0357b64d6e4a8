package io.mobim.wv.model;

/** The CSP primitive {@code <Logout-Request>} (no content). */
public record LogoutRequest() implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Logout-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
