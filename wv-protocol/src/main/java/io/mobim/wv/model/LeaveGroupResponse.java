package io.mobim.wv.model;

/**
 * The CSP primitive {@code <LeaveGroup-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record LeaveGroupResponse(Result result, String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "LeaveGroup-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
