package io.mobim.wv.model;

/**
 * The CSP primitive {@code <InviteUser-Response>}.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param acceptance {@code <Acceptance>}, or {@code null} when absent
 * @param responseNote {@code <ResponseNote>}, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 */
public record InviteUserResponse(String inviteId, Boolean acceptance, String responseNote, ScreenName screenName) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "InviteUser-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
