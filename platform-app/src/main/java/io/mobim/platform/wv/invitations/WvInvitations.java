package io.mobim.platform.wv.invitations;

import io.mobim.events.Msisdn;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.invitations.Invitation;
import io.mobim.platform.invitations.InvitationKind;
import io.mobim.platform.invitations.InvitationRefused;
import io.mobim.platform.invitations.InvitationState;
import io.mobim.platform.invitations.Invitations;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.Failures;
import io.mobim.platform.wv.ServerTransactions;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.CancelInviteRequest;
import io.mobim.wv.model.CancelInviteUserRequest;
import io.mobim.wv.model.InviteRequest;
import io.mobim.wv.model.InviteResponse;
import io.mobim.wv.model.InviteUserRequest;
import io.mobim.wv.model.InviteUserResponse;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Sender;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * CSP invitations on the IM core's ({@link Invitations}): Invite from the inviter (to users, or the members of the
 * inviter's contact lists), InviteUser-Request to the invitee's client on a poll (an SMS user gets an SMS instead),
 * InviteUser-Response from the invitee, Invite-Response with the answer to the inviter's client on a poll,
 * CancelInvite from the inviter and CancelInviteUser-Request to an invitee's client that was told. The invitee sees
 * the invitation's own id as its InviteID; the inviter keeps theirs.
 */
public class WvInvitations {

    private final Invitations invitations;
    private final Contacts contacts;
    private final UserIds userIds;
    private final Clock clock;

    public WvInvitations(Invitations invitations, Contacts contacts, UserIds userIds, Clock clock) {
        this.invitations = invitations;
        this.contacts = contacts;
        this.userIds = userIds;
        this.clock = clock;
    }

    /** Invites each user named; the answer names those who could not be invited. */
    public Status invite(Msisdn me, InviteRequest q) {
        String ref = required(q.inviteId(), "InviteID");
        InvitationKind kind = kind(q.inviteType());
        if (kind == InvitationKind.GROUP && (q.groupId() == null || q.groupId().isBlank())) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "A group invitation names its GroupID");
        }
        if (q.inviteNote() != null && q.inviteNote().length() > Invitations.NOTE_MAX) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "An InviteNote has at most " + Invitations.NOTE_MAX + " characters");
        }
        Failures failures = new Failures();
        Map<Msisdn, String> invitees = invitees(me, q.recipient(), failures);
        if (invitees.isEmpty() && failures.isEmpty()) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "Recipient is missing");
        }
        Duration validity = q.validity() == null ? null : Duration.ofSeconds(q.validity());
        int made = 0;
        for (Map.Entry<Msisdn, String> invitee : invitees.entrySet()) {
            try {
                invitations.invite(me, ref, invitee.getKey(), kind, q.groupId(), q.inviteNote(), validity);
                made++;
            } catch (InvitationRefused e) {
                failures.add(switch (e.reason()) {
                    case INVITEE_UNKNOWN -> StatusCode.UNKNOWN_USER;
                    case NOT_ACCEPTED -> StatusCode.RECIPIENT_BLOCKED_SENDER;
                    case SELF -> StatusCode.BAD_PARAMETER;
                }, e.getMessage(), invitee.getValue());
            }
        }
        return new Status(failures.result(made > 0));
    }

    /** The invitee's answer. */
    public Status answer(Msisdn me, InviteUserResponse q) {
        if (q.acceptance() == null) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "Acceptance is missing");
        }
        if (q.responseNote() != null && q.responseNote().length() > Invitations.NOTE_MAX) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "A ResponseNote has at most " + Invitations.NOTE_MAX + " characters");
        }
        invitations.answer(me, invitationId(q.inviteId()), q.acceptance(), q.responseNote())
                .orElseThrow(() -> new CspFault(StatusCode.INVALID_INVITATION_ID, "No such invitation is offered to you"));
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }

    /** Withdraws the inviter's invitation from the users named, or from everyone it went to. */
    public Status cancel(Msisdn me, CancelInviteRequest q) {
        String ref = required(q.inviteId(), "InviteID");
        Failures failures = new Failures();
        List<Msisdn> invitees = new ArrayList<>(invitees(me, q.recipient(), failures).keySet());
        if (invitations.cancel(me, ref, invitees).isEmpty()) {
            throw new CspFault(StatusCode.INVALID_INVITATION_ID, "No such invitation waits for an answer");
        }
        return new Status(failures.result(true));
    }

    /** What concerns the client's user about invitations, oldest first: one offered, a cancellation, an answer. */
    public Optional<Transaction> poll(WvSession session) {
        Msisdn me = session.msisdn();
        return invitations.nextForInvitee(me).<Primitive>map(this::offer)
                .or(() -> invitations.nextCancellationForInvitee(me).map(this::cancellation))
                .or(() -> invitations.nextAnswerForInviter(me).map(this::outcome))
                .map(p -> ServerTransactions.request(p, true)); // more may wait behind it: the client polls again
    }

    private InviteUserRequest offer(Invitation v) {
        long left = Math.max(1, Duration.between(clock.instant(), v.expiresAt()).toSeconds());
        return new InviteUserRequest(v.id().toString(), code(v.kind()), new Sender(new User(userIds.of(v.inviter())), null),
                v.groupId(), null, null, v.note(), null, (int) Math.min(Integer.MAX_VALUE, left));
    }

    private CancelInviteUserRequest cancellation(Invitation v) {
        return new CancelInviteUserRequest(v.id().toString(), new Sender(new User(userIds.of(v.inviter())), null), v.groupId(),
                null, null, null, null);
    }

    private InviteResponse outcome(Invitation v) {
        return new InviteResponse(v.inviterRef(), v.state() == InvitationState.ACCEPTED,
                new Sender(new User(userIds.of(v.invitee())), null), v.responseNote());
    }

    private Map<Msisdn, String> invitees(Msisdn me, Recipient to, Failures failures) {
        Map<Msisdn, String> out = new LinkedHashMap<>();
        if (to == null) {
            return out;
        }
        for (User u : to.users()) {
            try {
                out.putIfAbsent(userIds.parse(u.userId()), u.userId());
            } catch (CspFault f) {
                failures.add(f, u.userId());
            }
        }
        for (String list : to.contactLists()) {
            String name = userIds.listName(me, list);
            contacts.onList(me, name)
                    .forEach(c -> out.putIfAbsent(c.msisdn(), userIds.of(c.msisdn())));
        }
        to.groups().forEach(g -> failures.add(StatusCode.SERVICE_NOT_SUPPORTED, Failures.Kind.GROUP, "Invite users, not groups",
                g.groupId() != null ? g.groupId() : String.valueOf(g.screenName())));
        return out;
    }

    private static InvitationKind kind(String inviteType) {
        return switch (inviteType == null ? "" : inviteType.strip().toUpperCase(Locale.ROOT)) {
            case "IM" -> InvitationKind.IM;
            case "PR" -> InvitationKind.PRESENCE;
            case "GR" -> InvitationKind.GROUP;
            case "SC" -> InvitationKind.CONTENT;
            default -> throw new CspFault(StatusCode.BAD_PARAMETER, "InviteType is IM, PR, GR or SC");
        };
    }

    private static String code(InvitationKind kind) {
        return switch (kind) {
            case IM -> "IM";
            case PRESENCE -> "PR";
            case GROUP -> "GR";
            case CONTENT -> "SC";
        };
    }

    private static String required(String value, String element) {
        if (value == null || value.isBlank()) {
            throw new CspFault(StatusCode.BAD_PARAMETER, element + " is missing");
        }
        if (value.length() > 64) {
            throw new CspFault(StatusCode.BAD_PARAMETER, element + " has at most 64 characters");
        }
        return value.strip();
    }

    private static UUID invitationId(String id) {
        try {
            return UUID.fromString(id == null ? "" : id.strip());
        } catch (IllegalArgumentException e) {
            throw new CspFault(StatusCode.INVALID_INVITATION_ID, "Invalid InviteID");
        }
    }
}
