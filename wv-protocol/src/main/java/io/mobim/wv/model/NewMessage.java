package io.mobim.wv.model;

/**
 * The CSP primitive {@code <NewMessage>}.
 *
 * @param messageInfo {@code <MessageInfo>}, or {@code null} when absent
 * @param contentData {@code <ContentData>}, or {@code null} when absent
 */
public record NewMessage(MessageInfo messageInfo, String contentData) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "NewMessage";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
