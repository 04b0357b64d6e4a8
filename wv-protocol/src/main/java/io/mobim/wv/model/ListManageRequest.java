package io.mobim.wv.model;

/**
 * The CSP primitive {@code <ListManage-Request>}.
 *
 * @param contactList {@code <ContactList>}, or {@code null} when absent
 * @param addNickList {@code <AddNickList>}, or {@code null} when absent
 * @param removeNickList {@code <RemoveNickList>}, or {@code null} when absent
 * @param properties {@code <ContactListProperties>}, or {@code null} when absent
 * @param receiveList {@code <ReceiveList>}, or {@code null} when absent
 */
public record ListManageRequest(String contactList, NickList addNickList, EntityList removeNickList, PropertyList properties, Boolean receiveList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "ListManage-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
