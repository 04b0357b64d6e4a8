package io.mobim.wv.model.presence;

import io.mobim.wv.model.WvNode;

/**
 * A presence attribute kept as its element tree: one the model does not type ({@code Registration},
 * {@code GeoLocation}, ...) or a typed one in a form its record cannot hold exactly.
 *
 * @param node the attribute element
 */
public record OtherAttribute(WvNode node) implements PresenceAttribute {

    public OtherAttribute {
        if (node == null) {
            throw new IllegalArgumentException("node");
        }
    }

    @Override
    public String element() {
        return node.name();
    }

    @Override
    public WvNode toNode() {
        return node;
    }
}
