package io.mobim.wv.model;

/**
 * The CSP primitive {@code <DeliveryReport-Request>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param deliveryTime {@code <DeliveryTime>}, or {@code null} when absent
 * @param messageInfo {@code <MessageInfo>}, or {@code null} when absent
 */
public record DeliveryReportRequest(Result result, String deliveryTime, MessageInfo messageInfo) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "DeliveryReport-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
