package io.mobim.platform.invitations;

import io.mobim.events.Msisdn;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations between subscribers, whatever their channel: made (refused like a message when the invitee refuses the
 * inviter), offered to the invitee until answered, cancelled or past their validity, answered, cancelled. Each side's
 * client is handed what concerns it once ({@link #nextForInvitee}, {@link #nextAnswerForInviter},
 * {@link #nextCancellationForInvitee}); an SMS user is told by SMS ({@link InvitationSent}).
 */
public class Invitations {

    private static final RowMapper<Invitation> INVITATION = (rs, i) -> new Invitation(rs.getObject("id", UUID.class),
            Msisdn.of(rs.getString("inviter")), rs.getString("inviter_ref"), Msisdn.of(rs.getString("invitee")),
            InvitationKind.valueOf(rs.getString("kind")), rs.getString("group_id"), rs.getString("note"),
            InvitationState.valueOf(rs.getString("state")), rs.getString("response_note"), rs.getTimestamp("expires_at").toInstant());

    /** The longest note or answer note kept, in characters ({@code varchar(400)}). */
    public static final int NOTE_MAX = 400;

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final BlockList blocks;
    private final ApplicationEventPublisher events;
    private final InvitationSettings settings;
    private final Clock clock;

    Invitations(JdbcClient jdbc, Subscribers subscribers, BlockList blocks, ApplicationEventPublisher events,
                InvitationSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.blocks = blocks;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Invites {@code invitee}. Made again with the same reference for the same invitee, the first invitation is returned.
     *
     * @param validity how long it is offered; null for the default; capped at {@code mobim.invitations.max-validity}
     * @throws InvitationRefused (nothing stored) for an unknown or refusing invitee, or oneself
     * @throws IllegalArgumentException for a note too long
     */
    @Transactional(noRollbackFor = InvitationRefused.class)
    public Invitation invite(Msisdn inviter, String inviterRef, Msisdn invitee, InvitationKind kind, String groupId, String note,
                             Duration validity) {
        if (inviter.equals(invitee)) {
            throw new InvitationRefused(InvitationRefused.Reason.SELF, "you cannot invite yourself");
        }
        if (note != null && note.length() > NOTE_MAX) {
            throw new IllegalArgumentException("an invitation note has at most " + NOTE_MAX + " characters");
        }
        Subscriber from = subscribers.findActive(inviter)
                .orElseThrow(() -> new InvitationRefused(InvitationRefused.Reason.INVITEE_UNKNOWN, "you are not an active subscriber"));
        if (subscribers.findActive(invitee).isEmpty()) {
            throw new InvitationRefused(InvitationRefused.Reason.INVITEE_UNKNOWN, "the invitee is not a subscriber");
        }
        if (blocks.refuses(invitee, inviter)) {
            throw new InvitationRefused(InvitationRefused.Reason.NOT_ACCEPTED, "the invitee does not accept invitations from you");
        }
        Instant now = clock.instant();
        Duration offered = validity == null || validity.isNegative() || validity.isZero() ? settings.validity()
                : validity.compareTo(settings.maxValidity()) > 0 ? settings.maxValidity() : validity;
        Invitation made = new Invitation(UUID.randomUUID(), inviter, inviterRef, invitee, kind, groupId, note,
                InvitationState.PENDING, null, now.plus(offered));
        int inserted = jdbc.sql("""
                insert into im.invitation (id, inviter, inviter_ref, invitee, kind, group_id, note, state, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (inviter, inviter_ref, invitee) do nothing""")
                .params(made.id(), inviter.value(), inviterRef, invitee.value(), kind.name(), groupId, note,
                        InvitationState.PENDING.name(), Timestamp.from(now), Timestamp.from(made.expiresAt())).update();
        if (inserted == 0) {
            return jdbc.sql("select * from im.invitation where inviter = ? and inviter_ref = ? and invitee = ?")
                    .params(inviter.value(), inviterRef, invitee.value()).query(INVITATION).single();
        }
        events.publishEvent(new InvitationSent(made, from.nickname()));
        return made;
    }

    /**
     * The invitee's answer to invitation {@code id}; empty when no such invitation is offered to them (unknown,
     * answered, cancelled or past its validity).
     */
    @Transactional
    public Optional<Invitation> answer(Msisdn invitee, UUID id, boolean accept, String responseNote) {
        if (responseNote != null && responseNote.length() > NOTE_MAX) {
            throw new IllegalArgumentException("an answer note has at most " + NOTE_MAX + " characters");
        }
        return jdbc.sql("""
                update im.invitation set state = ?, response_note = ?, answered_at = ?
                where id = ? and invitee = ? and state = 'PENDING' and expires_at > ?
                returning *""")
                .params((accept ? InvitationState.ACCEPTED : InvitationState.DECLINED).name(), responseNote, now(), id,
                        invitee.value(), now())
                .query(INVITATION).optional();
    }

    /**
     * Cancels the inviter's pending invitations named {@code inviterRef}: to the invitees given, or to all of them when
     * none is given. Returns those cancelled now.
     */
    @Transactional
    public List<Invitation> cancel(Msisdn inviter, String inviterRef, List<Msisdn> invitees) {
        return jdbc.sql("""
                update im.invitation set state = 'CANCELLED', answered_at = ?, inviter_told_at = ?
                where inviter = ? and inviter_ref = ? and state = 'PENDING' and (cardinality(?::varchar[]) = 0 or invitee = any(?::varchar[]))
                returning *""")
                .params(now(), now(), inviter.value(), inviterRef, values(invitees), values(invitees))
                .query(INVITATION).list();
    }

    /** The oldest invitation offered to {@code invitee} that no client of theirs was handed yet, marked as handed. */
    @Transactional
    public Optional<Invitation> nextForInvitee(Msisdn invitee) {
        return next("invitee_told_at", "invitee = ? and state = 'PENDING' and invitee_told_at is null and expires_at > ?", invitee, true);
    }

    /** The oldest answer to one of {@code inviter}'s invitations their client was not handed yet, marked as handed. */
    @Transactional
    public Optional<Invitation> nextAnswerForInviter(Msisdn inviter) {
        return next("inviter_told_at", "inviter = ? and answered_at is not null and inviter_told_at is null", inviter, false);
    }

    /** The oldest cancellation of an invitation {@code invitee}'s client was handed and not told of yet, marked as told. */
    @Transactional
    public Optional<Invitation> nextCancellationForInvitee(Msisdn invitee) {
        return next("cancel_told_at", "invitee = ? and state = 'CANCELLED' and invitee_told_at is not null and cancel_told_at is null",
                invitee, false);
    }

    /** Claims one row matching {@code where} (its parameters: the subscriber, then now if {@code timed}) by setting {@code told}. */
    private Optional<Invitation> next(String told, String where, Msisdn who, boolean timed) {
        var statement = jdbc.sql("""
                update im.invitation v set %s = ?
                where v.id = (select id from im.invitation where %s order by created_at, id limit 1 for update skip locked)
                returning v.*""".formatted(told, where)).param(now()).param(who.value());
        if (timed) {
            statement = statement.param(now());
        }
        return statement.query(INVITATION).optional();
    }

    private static String[] values(List<Msisdn> numbers) {
        return numbers.stream().map(Msisdn::value).toArray(String[]::new);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
