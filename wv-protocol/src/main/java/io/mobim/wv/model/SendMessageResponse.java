package io.mobim.wv.model;

/**
 * The CSP primitive {@code <SendMessage-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param messageId {@code <MessageID>}, or {@code null} when absent
 */
public record SendMessageResponse(Result result, String messageId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SendMessage-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
