package io.mobim.wv.model;

import java.util.List;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param users {@code <User>}, repeated
 * @param groups {@code <Group>}, repeated
 * @param contactLists {@code <ContactList>}, repeated
 */
public record Recipient(List<User> users, List<Group> groups, List<String> contactLists) {
    public Recipient {
        users = Lists.copy(users);
        groups = Lists.copy(groups);
        contactLists = Lists.copy(contactLists);
    }
}
