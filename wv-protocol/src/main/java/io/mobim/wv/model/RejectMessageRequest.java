package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <RejectMessage-Request>}.
 *
 * @param messageIds {@code <MessageID>}, repeated
 */
public record RejectMessageRequest(List<String> messageIds) implements Primitive {
    public RejectMessageRequest {
        messageIds = Lists.copy(messageIds);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "RejectMessage-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
