package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * A CSP structure, carried in several primitives: the presence of a user, or (in GetAttributeList-Response) the
 * attribute list of a contact list.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 * @param contactList {@code <ContactList>}, or {@code null} when absent
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 */
public record Presence(String userId, String contactList, PresenceSubList presenceSubList) {

    /** A user's presence. */
    public Presence(String userId, PresenceSubList presenceSubList) {
        this(userId, null, presenceSubList);
    }
}
