package io.mobim.wv.model;

/** The CSP primitive {@code <GetList-Request>} (no content). */
public record GetListRequest() implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
