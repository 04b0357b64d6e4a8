package io.mobim.wv.model;

/**
 * The CSP primitive {@code <StopSearch-Request>}.
 *
 * @param searchId {@code <SearchID>}, or {@code null} when absent
 */
public record StopSearchRequest(String searchId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "StopSearch-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
