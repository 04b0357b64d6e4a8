package io.mobim.wv.model;

/**
 * The CSP primitive {@code <DeleteList-Request>}.
 *
 * @param contactList {@code <ContactList>}, or {@code null} when absent
 */
public record DeleteListRequest(String contactList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "DeleteList-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
