package io.mobim.wv.model;

/**
 * The CSP primitive {@code <MemberAccess-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param admin {@code <Admin>}, or {@code null} when absent
 * @param mod {@code <Mod>}, or {@code null} when absent
 * @param userList {@code <UserList>}, or {@code null} when absent
 */
public record MemberAccessRequest(String groupId, MemberList admin, MemberList mod, UserList userList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "MemberAccess-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
