package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <PresenceNotification-Request>}.
 *
 * @param presences {@code <Presence>}, repeated
 */
public record PresenceNotificationRequest(List<Presence> presences) implements Primitive {
    public PresenceNotificationRequest {
        presences = Lists.copy(presences);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "PresenceNotification-Request";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
