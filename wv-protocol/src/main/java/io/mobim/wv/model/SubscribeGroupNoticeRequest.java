package io.mobim.wv.model;

/**
 * The CSP primitive {@code <SubscribeGroupNotice-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param subscribeType {@code <SubscribeType>}, or {@code null} when absent
 */
public record SubscribeGroupNoticeRequest(String groupId, String subscribeType) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SubscribeGroupNotice-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
