package io.mobim.wv.model;

/**
 * The CSP primitive {@code <MessageNotification>}.
 *
 * @param messageInfo {@code <MessageInfo>}, or {@code null} when absent
 */
public record MessageNotification(MessageInfo messageInfo) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "MessageNotification";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
