package io.mobim.wv.model;

/**
 * The CSP primitive {@code <SetDeliveryMethod-Request>}.
 *
 * @param deliveryMethod {@code <DeliveryMethod>}, or {@code null} when absent
 * @param acceptedContentLength {@code <AcceptedContentLength>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record SetDeliveryMethodRequest(String deliveryMethod, Integer acceptedContentLength, String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SetDeliveryMethod-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
