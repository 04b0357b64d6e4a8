package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetJoinedUsers-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record GetJoinedUsersRequest(String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetJoinedUsers-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
