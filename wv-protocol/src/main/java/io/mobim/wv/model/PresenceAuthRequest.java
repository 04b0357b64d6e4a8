package io.mobim.wv.model;

import io.mobim.wv.model.presence.PresenceSubList;

/**
 * The CSP primitive {@code <PresenceAuth-Request>}.
 *
 * @param userId {@code <UserID>}, or {@code null} when absent
 * @param presenceSubList {@code <PresenceSubList>}, or {@code null} when absent
 */
public record PresenceAuthRequest(String userId, PresenceSubList presenceSubList) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "PresenceAuth-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
