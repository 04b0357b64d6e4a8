package io.mobim.wv.model;

/** The CSP primitive {@code <GetWatcherList-Request>} (no content). */
public record GetWatcherListRequest() implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetWatcherList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
