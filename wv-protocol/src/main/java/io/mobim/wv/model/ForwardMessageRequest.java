package io.mobim.wv.model;

/**
 * The CSP primitive {@code <ForwardMessage-Request>}.
 *
 * @param messageId {@code <MessageID>}, or {@code null} when absent
 * @param recipient {@code <Recipient>}, or {@code null} when absent
 */
public record ForwardMessageRequest(String messageId, Recipient recipient) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "ForwardMessage-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
