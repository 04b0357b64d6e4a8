package io.mobim.platform.invitations;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.UUID;

/**
 * One invitation from {@code inviter} to {@code invitee}.
 *
 * @param inviterRef the inviter's own name for it (shared by the invitations of one request to several invitees)
 * @param groupId the group it invites to, for {@link InvitationKind#GROUP}, else null
 */
public record Invitation(UUID id, Msisdn inviter, String inviterRef, Msisdn invitee, InvitationKind kind, String groupId,
                         String note, InvitationState state, String responseNote, Instant expiresAt) {
}
