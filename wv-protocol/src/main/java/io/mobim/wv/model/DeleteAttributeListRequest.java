package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <DeleteAttributeList-Request>}.
 *
 * @param userIds {@code <UserID>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param defaultList {@code <DefaultList>}, or {@code null} when absent
 */
public record DeleteAttributeListRequest(List<String> userIds, List<String> contactLists, Boolean defaultList) implements Primitive {
    public DeleteAttributeListRequest {
        userIds = Lists.copy(userIds);
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "DeleteAttributeList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
