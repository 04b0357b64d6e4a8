package io.mobim.wv.model;

/**
 * The CSP primitive {@code <KeepAlive-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param keepAliveTime {@code <KeepAliveTime>}, or {@code null} when absent
 */
public record KeepAliveResponse(Result result, Integer keepAliveTime) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "KeepAlive-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
