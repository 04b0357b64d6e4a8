package io.mobim.wv.model;

/**
 * The CSP primitive {@code <GetBlockedList-Response>}.
 *
 * @param blockList {@code <BlockList>}, or {@code null} when absent
 * @param grantList {@code <GrantList>}, or {@code null} when absent
 */
public record GetBlockedListResponse(AccessList blockList, AccessList grantList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetBlockedList-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
