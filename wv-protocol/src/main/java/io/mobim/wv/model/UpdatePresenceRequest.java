package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * The CSP primitive {@code <UpdatePresence-Request>}.
 *
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 */
public record UpdatePresenceRequest(PresenceSubList presenceSubList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "UpdatePresence-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
