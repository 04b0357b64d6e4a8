package io.mobim.wv.model;

/**
 * The CSP primitive {@code <LeaveGroup-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record LeaveGroupRequest(String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "LeaveGroup-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
