package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetAttributeList-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param defaultAttributeList {@code <DefaultAttributeList>}, or {@code null} when absent
 * @param presences {@code <Presence>}, repeated
 */
public record GetAttributeListResponse(Result result, WvNode defaultAttributeList, List<Presence> presences) implements Primitive {
    public GetAttributeListResponse {
        presences = Lists.copy(presences);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetAttributeList-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
