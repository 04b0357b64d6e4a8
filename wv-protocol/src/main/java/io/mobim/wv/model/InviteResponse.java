package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Invite-Response>}.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param acceptance {@code <Acceptance>}, or {@code null} when absent
 * @param responseNote {@code <ResponseNote>}, or {@code null} when absent
 * @param userId {@code <UserID>} of the user who answered, or {@code null} when absent
 * @param screenName {@code <ScreenName>}, or {@code null} when absent
 */
public record InviteResponse(String inviteId, Boolean acceptance, String responseNote, String userId, ScreenName screenName) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Invite-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
