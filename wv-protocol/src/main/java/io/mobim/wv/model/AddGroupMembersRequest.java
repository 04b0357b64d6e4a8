package io.mobim.wv.model;

/**
 * The CSP primitive {@code <AddGroupMembers-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param userList {@code <UserList>}, or {@code null} when absent
 */
public record AddGroupMembersRequest(String groupId, UserList userList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "AddGroupMembers-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
