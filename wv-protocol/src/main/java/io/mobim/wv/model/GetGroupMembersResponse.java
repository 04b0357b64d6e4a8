package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetGroupMembers-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param admin {@code <Admin>}, or {@code null} when absent
 * @param mod {@code <Mod>}, or {@code null} when absent
 * @param userList {@code <UserList>}, or {@code null} when absent
 */
public record GetGroupMembersResponse(Result result, MemberList admin, MemberList mod, UserList userList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetGroupMembers-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
