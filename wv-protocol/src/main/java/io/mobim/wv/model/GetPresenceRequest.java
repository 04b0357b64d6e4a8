package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;
import java.util.List;

/**
 * The CSP primitive {@code <GetPresence-Request>}.
 *
 * @param users {@code <User>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 */
public record GetPresenceRequest(List<User> users, List<String> contactLists, PresenceSubList presenceSubList) implements Primitive {
    public GetPresenceRequest {
        users = Lists.copy(users);
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetPresence-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
