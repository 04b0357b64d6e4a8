package io.mobim.wv.model;

/**
 * The CSP primitive {@code <RejectList-Request>}.
 *
 * @param groupId {@code <GroupID>}, or {@code null} when absent
 * @param addList {@code <AddList>}, or {@code null} when absent
 * @param removeList {@code <RemoveList>}, or {@code null} when absent
 */
public record RejectListRequest(String groupId, EntityList addList, EntityList removeList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "RejectList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
