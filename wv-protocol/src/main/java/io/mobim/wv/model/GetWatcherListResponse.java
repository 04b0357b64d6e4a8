package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetWatcherList-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param userIds {@code <UserID>}, repeated
 */
public record GetWatcherListResponse(Result result, List<String> userIds) implements Primitive {
    public GetWatcherListResponse {
        userIds = Lists.copy(userIds);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetWatcherList-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
