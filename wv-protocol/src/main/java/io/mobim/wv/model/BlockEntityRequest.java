package io.mobim.wv.model;

/**
 * The CSP primitive {@code <BlockEntity-Request>}.
 *
 * @param blockList {@code <BlockList>}, or {@code null} when absent
 * @param grantList {@code <GrantList>}, or {@code null} when absent
 */
public record BlockEntityRequest(AccessList blockList, AccessList grantList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "BlockEntity-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
