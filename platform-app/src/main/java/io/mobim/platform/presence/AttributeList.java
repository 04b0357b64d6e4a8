package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.util.Set;

/**
 * Which presence attributes a presentity lets the watchers of one list see.
 *
 * @param watcher the watcher of a USER list, else null
 * @param contactList the presentity's contact list of a CONTACT_LIST list, else null
 */
public record AttributeList(AttributeListKind kind, Msisdn watcher, String contactList, Set<PresenceAttribute> attributes) {

    public AttributeList {
        if ((kind == AttributeListKind.USER) != (watcher != null) || (kind == AttributeListKind.CONTACT_LIST) != (contactList != null)) {
            throw new IllegalArgumentException("a USER list names a watcher, a CONTACT_LIST list a contact list, a DEFAULT list neither");
        }
        attributes = Set.copyOf(attributes);
    }

    public static AttributeList forUser(Msisdn watcher, Set<PresenceAttribute> attributes) {
        return new AttributeList(AttributeListKind.USER, watcher, null, attributes);
    }

    public static AttributeList forContactList(String contactList, Set<PresenceAttribute> attributes) {
        return new AttributeList(AttributeListKind.CONTACT_LIST, null, contactList, attributes);
    }

    public static AttributeList byDefault(Set<PresenceAttribute> attributes) {
        return new AttributeList(AttributeListKind.DEFAULT, null, null, attributes);
    }
}
