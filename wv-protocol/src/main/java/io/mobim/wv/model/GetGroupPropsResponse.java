package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetGroupProps-Response>}.
 *
 * @param groupProperties {@code <GroupProperties>}, or {@code null} when absent
 * @param ownProperties {@code <OwnProperties>}, or {@code null} when absent
 */
public record GetGroupPropsResponse(GroupProperties groupProperties, PropertyList ownProperties) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetGroupProps-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
