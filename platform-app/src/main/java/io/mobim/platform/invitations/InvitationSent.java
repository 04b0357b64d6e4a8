package io.mobim.platform.invitations;

/** An invitation was made (published in the transaction that stored it), with the inviter's nickname. */
public record InvitationSent(Invitation invitation, String inviterNickname) {
}
