package io.mobim.wv.model;

/**
 * The CSP primitive {@code <KeepAlive-Request>}.
 *
 * @param timeToLive {@code <TimeToLive>}, or {@code null} when absent
 */
public record KeepAliveRequest(Integer timeToLive) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "KeepAlive-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
