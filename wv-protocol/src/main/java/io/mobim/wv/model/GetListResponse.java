package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetList-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param contactLists {@code <ContactList>}, repeated
 * @param defaultContactList {@code <DefaultContactList>}, or {@code null} when absent
 */
public record GetListResponse(Result result, List<String> contactLists, String defaultContactList) implements Primitive {
    public GetListResponse {
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetList-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
