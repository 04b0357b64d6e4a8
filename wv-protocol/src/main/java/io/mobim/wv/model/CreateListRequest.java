package io.mobim.wv.model;

/**
 * The CSP primitive {@code <CreateList-Request>}.
 *
 * @param contactList {@code <ContactList>}, or {@code null} when absent
 * @param nickList {@code <NickList>}, or {@code null} when absent
 * @param properties {@code <ContactListProperties>}, or {@code null} when absent
 */
public record CreateListRequest(String contactList, NickList nickList, PropertyList properties) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CreateList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
