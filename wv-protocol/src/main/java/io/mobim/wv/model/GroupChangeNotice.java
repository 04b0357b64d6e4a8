package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GroupChangeNotice>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param joined {@code <Joined>}, or {@code null} when absent
 * @param left {@code <Left>}, or {@code null} when absent
 * @param groupProperties {@code <GroupProperties>}, or {@code null} when absent
 * @param ownProperties {@code <OwnProperties>}, or {@code null} when absent
 */
public record GroupChangeNotice(String groupId, MemberList joined, MemberList left, GroupProperties groupProperties, PropertyList ownProperties) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GroupChangeNotice";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
