package io.mobim.platform.invitations;

/** Where an invitation is ({@code im.invitation.state}). An unanswered one past its validity is simply no longer offered. */
public enum InvitationState {
    PENDING,
    ACCEPTED,
    DECLINED,
    CANCELLED
}
