package io.mobim.wv.model;

/**
 * The CSP primitive {@code <SetGroupProps-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param groupProperties {@code <GroupProperties>}, or {@code null} when absent
 * @param ownProperties {@code <OwnProperties>}, or {@code null} when absent
 */
public record SetGroupPropsRequest(String groupId, GroupProperties groupProperties, PropertyList ownProperties) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "SetGroupProps-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
