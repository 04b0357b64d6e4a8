package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetMessage-Request>}.
 *
 * @param messageId {@code <MessageID>}, or {@code null} when absent
 */
public record GetMessageRequest(String messageId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetMessage-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
