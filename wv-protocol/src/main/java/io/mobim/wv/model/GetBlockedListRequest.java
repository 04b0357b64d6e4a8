package io.mobim.wv.model;

/** The CSP primitive {@code <GetBlockedList-Request>} (no content). */
public record GetBlockedListRequest() implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetBlockedList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
