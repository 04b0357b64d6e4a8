package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetGroupProps-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 */
public record GetGroupPropsRequest(String groupId) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetGroupProps-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
