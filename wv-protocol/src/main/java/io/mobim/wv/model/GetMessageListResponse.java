package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetMessageList-Response>}.
 *
 * @param messageInfos {@code <MessageInfo>}, repeated
 */
public record GetMessageListResponse(List<MessageInfo> messageInfos) implements Primitive {
    public GetMessageListResponse {
        messageInfos = Lists.copy(messageInfos);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetMessageList-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
