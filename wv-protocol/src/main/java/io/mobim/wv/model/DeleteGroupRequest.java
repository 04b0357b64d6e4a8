package io.mobim.wv.model;

/**
 * The CSP primitive {@code <DeleteGroup-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record DeleteGroupRequest(String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "DeleteGroup-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
