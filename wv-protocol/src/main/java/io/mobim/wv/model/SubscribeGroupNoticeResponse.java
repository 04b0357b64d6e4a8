package io.mobim.wv.model;

/**
 * The CSP primitive {@code <SubscribeGroupNotice-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param value {@code <Value>}, or {@code null} when absent
 */
public record SubscribeGroupNoticeResponse(Result result, String value) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SubscribeGroupNotice-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
