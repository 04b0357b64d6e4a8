package io.mobim.wv.model;

/**
 * The CSP primitive {@code <ListManage-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param nickList {@code <NickList>}, or {@code null} when absent
 * @param properties {@code <ContactListProperties>}, or {@code null} when absent
 */
public record ListManageResponse(Result result, NickList nickList, PropertyList properties) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "ListManage-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
