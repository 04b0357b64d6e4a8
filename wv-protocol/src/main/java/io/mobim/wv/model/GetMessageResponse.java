package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetMessage-Response>}.
 *
 * @param messageInfo {@code <MessageInfo>}, or {@code null} when absent
 * @param contentData {@code <ContentData>}, or {@code null} when absent
 */
public record GetMessageResponse(MessageInfo messageInfo, String contentData) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetMessage-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
