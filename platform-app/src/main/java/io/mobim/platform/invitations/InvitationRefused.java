package io.mobim.platform.invitations;

/** An invitation that cannot be made; nothing was stored. */
public final class InvitationRefused extends RuntimeException {

    /** Why. */
    public enum Reason {
        /** The invitee is not an active subscriber. */
        INVITEE_UNKNOWN,
        /** The invitee refuses the inviter (block or grant list); the inviter is not told which. */
        NOT_ACCEPTED,
        /** The inviter invited themselves. */
        SELF
    }

    private final Reason reason;

    public InvitationRefused(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
