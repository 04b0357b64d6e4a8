package io.mobim.wv.model;

import java.util.List;

/**
 * The CSP primitive {@code <GetPresence-Response>}.
 *
 * @param result {@code <Result>}, or {@code null} when absent
 * @param presences {@code <Presence>}, repeated
 */
public record GetPresenceResponse(Result result, List<Presence> presences) implements Primitive {
    public GetPresenceResponse {
        presences = Lists.copy(presences);
    }

    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "GetPresence-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
