package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;

/** A presence attribute of the usual form: a {@code Qualifier} and one {@code PresenceValue}. */
public sealed interface ValueAttribute extends PresenceAttribute
        permits OnlineStatus, UserAvailability, StatusText, StatusMood, Alias {

    /** {@code <Qualifier>} (T/F), or {@code null} when absent. */
    Boolean qualifier();

    /** The text of {@code <PresenceValue>} ("" for an empty element), or {@code null} when absent. */
    String presenceValue();

    @Override
    default WvNode toNode() {
        return AttributeShape.node(element(), AttributeShape.qualifier(qualifier()), AttributeShape.leaf("PresenceValue", presenceValue()));
    }
}
