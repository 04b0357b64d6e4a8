package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetMessageList-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param messageCount {@code <MessageCount>}, or {@code null} when absent
 */
public record GetMessageListRequest(String groupId, Integer messageCount) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetMessageList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
