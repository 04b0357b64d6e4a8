package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetReactiveAuthStatus-Request>}.
 *
 * @param userIds {@code <UserID>}, repeated
 */
public record GetReactiveAuthStatusRequest(List<String> userIds) implements Primitive {
    public GetReactiveAuthStatusRequest {
        userIds = Lists.copy(userIds);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetReactiveAuthStatus-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
