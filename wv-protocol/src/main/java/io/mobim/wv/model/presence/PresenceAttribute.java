package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;

/**
 * One element of a {@code PresenceSubList}: a presence attribute of the CSP Presence Attributes
 * specification. The attributes real clients use are typed records; any other attribute, and a typed
 * one whose content is not in the form its record describes (another order, a repeated or unknown
 * child, a value the record cannot hold exactly), is an {@link OtherAttribute} that keeps the element
 * as it came, so nothing a client sends is lost or changes on the way back.
 */
public sealed interface PresenceAttribute
        permits ValueAttribute, ClientInfo, CommCap, StatusContent, OtherAttribute {

    /** The element name, e.g. {@code OnlineStatus}. */
    String element();

    /** The attribute as an open element tree, as it is written. */
    WvNode toNode();

    /** The attribute of this element: typed if its content is in the form of its record. */
    static PresenceAttribute of(WvNode element) {
        return AttributeShape.read(element);
    }
}
