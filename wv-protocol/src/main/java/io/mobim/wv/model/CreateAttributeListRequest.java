package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;
import java.util.List;

/**
 * The CSP primitive {@code <CreateAttributeList-Request>}.
 *
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 * @param userIds {@code <UserID>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param defaultList {@code <DefaultList>}, or {@code null} when absent
 */
public record CreateAttributeListRequest(PresenceSubList presenceSubList, List<String> userIds, List<String> contactLists, Boolean defaultList) implements Primitive {
    public CreateAttributeListRequest {
        userIds = Lists.copy(userIds);
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CreateAttributeList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
