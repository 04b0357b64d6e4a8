package io.mobim.platform.wv.cir;

import io.mobim.platform.contacts.AuthorizationState;
import io.mobim.platform.invitations.InvitationState;
import io.mobim.platform.messaging.DeliveryState;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.wv.session.WakeSignals.Kind;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What still waits unclaimed for the CSP sessions due for a wake, of the kinds that may wake each: one read per kind
 * for a whole batch of sessions, in the order a poll hands them out, each only for the sessions nothing was found for
 * yet. A kind waits when the session's next poll would hand it out: a message not claimed, a delivery report, an
 * invitation not offered (or its cancellation or answer not told), a group change notice, a would-be watcher not asked
 * (only of a client that agreed reactive authorisation), a contact's presence change its last poll did not see.
 */
class CirWaiting {

    private final JdbcClient jdbc;
    private final PresenceService presence;
    private final Clock clock;

    CirWaiting(JdbcClient jdbc, PresenceService presence, Clock clock) {
        this.jdbc = jdbc;
        this.presence = presence;
        this.clock = clock;
    }

    /** A session due for a wake: its subscriber, whether it takes authorisation requests, the kinds that wake it. */
    record Candidate(UUID session, String msisdn, boolean reactiveAuthorization, Predicate<Kind> wakes) {
    }

    /** For each candidate something waits for, the first kind that waits and wakes it, in the order a poll hands them out. */
    Map<UUID, Kind> firstWaiting(List<Candidate> candidates) {
        Map<UUID, Kind> found = new HashMap<>();
        for (Kind kind : Kind.values()) { // declared in the order a poll looks at them
            List<Candidate> asked = new ArrayList<>();
            for (Candidate c : candidates) {
                if (!found.containsKey(c.session()) && c.wakes().test(kind)
                        && (kind != Kind.AUTHORIZATION_REQUEST || c.reactiveAuthorization())) {
                    asked.add(c);
                }
            }
            if (asked.isEmpty()) {
                continue;
            }
            if (kind == Kind.PRESENCE) {
                presence.changesWait(asked.stream().map(Candidate::session).toList()).forEach(s -> found.put(s, kind));
            } else {
                Set<String> waiting = waitingFor(kind, asked.stream().map(Candidate::msisdn).distinct().toList());
                asked.stream().filter(c -> waiting.contains(c.msisdn())).forEach(c -> found.put(c.session(), kind));
            }
        }
        return found;
    }

    /** Of {@code msisdns}, the subscribers something of {@code kind} waits for (every kind but presence). */
    private Set<String> waitingFor(Kind kind, Collection<String> msisdns) {
        String[] who = msisdns.toArray(String[]::new);
        var query = switch (kind) {
            case MESSAGE -> jdbc.sql("""
                    select distinct recipient from im.delivery
                    where recipient = any(?) and status = ? and claimed_at is null""").params(who, DeliveryState.PENDING.value());
            case REPORT -> jdbc.sql("select distinct sender from im.client_delivery_report where sender = any(?)").param(who);
            case INVITATION -> jdbc.sql("""
                    select invitee from im.invitation
                    where invitee = any(?) and (state = ? and invitee_told_at is null and expires_at > ?
                                                or state = ? and invitee_told_at is not null and cancel_told_at is null)
                    union
                    select inviter from im.invitation
                    where inviter = any(?) and answered_at is not null and inviter_told_at is null""")
                    .params(who, InvitationState.PENDING.name(), Timestamp.from(clock.instant()), InvitationState.CANCELLED.name(), who);
            case GROUP_NOTICE -> jdbc.sql("select distinct recipient from im.room_notice where recipient = any(?)").param(who);
            case AUTHORIZATION_REQUEST -> jdbc.sql("""
                    select distinct presentity from im.presence_authorization
                    where presentity = any(?) and state = ? and client_told_at is null
                      and not (select refused from im.refusal(presentity, watcher))""").params(who, AuthorizationState.PENDING.name());
            case PRESENCE, SETTINGS -> throw new IllegalArgumentException(kind + " is not waited for by subscriber");
        };
        return new HashSet<>(query.query(String.class).list());
    }
}
