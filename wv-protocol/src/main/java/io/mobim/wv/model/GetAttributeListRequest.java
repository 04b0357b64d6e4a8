package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetAttributeList-Request>}.
 *
 * @param userIds {@code <UserID>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param defaultList {@code <DefaultList>}, or {@code null} when absent
 */
public record GetAttributeListRequest(List<String> userIds, List<String> contactLists, Boolean defaultList) implements Primitive {
    public GetAttributeListRequest {
        userIds = Lists.copy(userIds);
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetAttributeList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
