package io.mobim.platform.invitations;

/** What an invitation is to ({@code im.invitation.kind}). */
public enum InvitationKind {
    /** To chat. */
    IM,
    /** To watch the inviter's presence. */
    PRESENCE,
    /** To join a group. */
    GROUP,
    /** To shared content. */
    CONTENT
}
