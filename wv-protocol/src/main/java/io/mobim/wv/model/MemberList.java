package io.mobim.wv.model;

/**
 * A CSP structure, carried in several primitives.
 *
 * @param userList {@code <UserList>}, or {@code null} when absent
 * @param userMapList {@code <UserMapList>}, or {@code null} when absent
 */
public record MemberList(UserList userList, UserMapList userMapList) {
}
