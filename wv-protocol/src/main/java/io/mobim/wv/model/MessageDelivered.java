package io.mobim.wv.model;

/**
 * The CSP primitive {@code <MessageDelivered>}.
 *
 * @param messageId {@code <MessageID>}, or {@code null} when absent
 */
public record MessageDelivered(String messageId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "MessageDelivered";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
