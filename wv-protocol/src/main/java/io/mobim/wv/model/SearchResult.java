package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param userList {@code <UserList>}, or {@code null} when absent
 * @param groupList {@code <GroupList>}, or {@code null} when absent
 */
public record SearchResult(UserList userList, GroupList groupList) {
}
