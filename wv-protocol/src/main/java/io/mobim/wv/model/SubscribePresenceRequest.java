package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;
import java.util.List;

/**
 * The CSP primitive {@code <SubscribePresence-Request>}.
 *
 * @param users {@code <User>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 * @param autoSubscribe {@code <AutoSubscribe>}, or {@code null} when absent
 */
public record SubscribePresenceRequest(List<User> users, List<String> contactLists, PresenceSubList presenceSubList, Boolean autoSubscribe) implements Primitive {
    public SubscribePresenceRequest {
        users = Lists.copy(users);
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SubscribePresence-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
