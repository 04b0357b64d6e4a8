package io.mobim.wv.model;

/** The CSP primitive {@code <Polling-Request>} (no content). */
public record PollingRequest() implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Polling-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
