package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetGroupMembers-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record GetGroupMembersRequest(String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetGroupMembers-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
