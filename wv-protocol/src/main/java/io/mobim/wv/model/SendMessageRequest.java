package io.mobim.wv.model;

/**
 * The CSP primitive {@code <SendMessage-Request>}.
 *
 * @param deliveryReport {@code <DeliveryReport>}, or {@code null} when absent
 * @param messageInfo {@code <MessageInfo>}, or {@code null} when absent
 * @param contentData {@code <ContentData>}, or {@code null} when absent
 */
public record SendMessageRequest(Boolean deliveryReport, MessageInfo messageInfo, String contentData) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SendMessage-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
