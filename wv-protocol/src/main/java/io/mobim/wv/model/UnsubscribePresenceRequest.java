package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <UnsubscribePresence-Request>}.
 *
 * @param users {@code <User>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 * @param autoSubscribe {@code <AutoSubscribe>}, or {@code null} when absent
 */
public record UnsubscribePresenceRequest(List<User> users, List<String> contactLists, Boolean autoSubscribe) implements Primitive {
    public UnsubscribePresenceRequest {
        users = Lists.copy(users);
        contactLists = Lists.copy(contactLists);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "UnsubscribePresence-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
