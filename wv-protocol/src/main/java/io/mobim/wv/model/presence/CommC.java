package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;

/**
 * One communication capability of {@link CommCap}. Each component is {@code null} when absent and
 * {@code ""} for an empty element.
 *
 * @param cap {@code <Cap>}: IM, CALL, SMS, MMS, EMAIL
 * @param status {@code <Status>}: OPEN or CLOSED
 * @param contact {@code <Contact>}: the address to use for it
 * @param note {@code <Note>}: free text
 */
public record CommC(String cap, String status, String contact, String note) {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "CommC";

    /** A capability and its status only. */
    public static CommC of(String cap, String status) {
        return new CommC(cap, status, null, null);
    }

    /** The element tree, as it is written. */
    public WvNode toNode() {
        return AttributeShape.node(ELEMENT, AttributeShape.leaf("Cap", cap), AttributeShape.leaf("Status", status),
                AttributeShape.leaf("Contact", contact), AttributeShape.leaf("Note", note));
    }
}
