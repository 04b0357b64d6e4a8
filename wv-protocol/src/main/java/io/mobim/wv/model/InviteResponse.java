package io.mobim.wv.model;

/**
 * The CSP primitive {@code <Invite-Response>}: the server tells the inviter an invitee's answer. The invitee is named
 * in {@code Sender} (a user, or a screen name in a group), as in the WV-023 example and Nokia's engine: an invitation
 * to several users shares one InviteID.
 *
 * @param inviteId {@code <InviteID>}, or {@code null} when absent
 * @param acceptance {@code <Acceptance>}, or {@code null} when absent
 * @param sender {@code <Sender>}, who answered, or {@code null} when absent
 * @param responseNote {@code <ResponseNote>}, or {@code null} when absent
 */
public record InviteResponse(String inviteId, Boolean acceptance, Sender sender, String responseNote) implements Primitive {
    /** The element name, {@value #ELEMENT}. */
    public static final String ELEMENT = "Invite-Response";

    @Override
    public String elementName() {
        return ELEMENT;
    }
}
