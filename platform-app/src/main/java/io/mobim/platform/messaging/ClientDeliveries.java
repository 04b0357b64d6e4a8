package io.mobim.platform.messaging;

import io.mobim.events.charging.Channel;
import io.mobim.platform.messaging.Deliveries.Done;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries to client sessions: a session fetches what waits for its subscriber (a claim), and acknowledges
 * what it has (the delivery is done, the recipient charged, the sender told if they asked). A claim not acknowledged
 * in time goes to SMS or back to the queue ({@link DeliverySweeper}). {@link GroupCommit} serves the clients'
 * requests of a moment together ({@link #serveAll}).
 */
public class ClientDeliveries {

    private final JdbcClient jdbc;
    private final ClientSessions clientSessions;
    private final Deliveries deliveries;
    private final Clock clock;

    ClientDeliveries(JdbcClient jdbc, ClientSessions clientSessions, Deliveries deliveries, Clock clock) {
        this.jdbc = jdbc;
        this.clientSessions = clientSessions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /**
     * Hands the messages waiting for a session's subscriber to that session, oldest first. They stay stored
     * until {@link #acknowledge}d; unacknowledged ones fall back to SMS after the acknowledgement timeout.
     */
    @Transactional
    public List<ClientDelivery> fetch(UUID sessionId, int max) {
        return handOut(sessionId, max).deliveries();
    }

    /** {@link #fetch}, also telling whether another message still waits for the subscriber once these are claimed. */
    @Transactional
    public HandedOut handOut(UUID sessionId, int max) {
        Deliveries.planForTablesAsTheyAre(jdbc);
        return claim(List.of(new GroupCommit.Fetch(sessionId, max)), clientSessions.touchAll(List.of(sessionId))).getFirst();
    }

    /**
     * The clients' fetches and acknowledgements of the moment in one transaction (see {@link GroupCommit}): each
     * session is checked once, one statement confirms every acknowledgement and one claims for every fetch.
     * Answered in order: a fetch with a {@link HandedOut} (as {@link #handOut}), an acknowledgement with the list of
     * the ids it confirmed (as {@link #acknowledge(UUID, Collection)}). A session that fetches twice gets its messages
     * split between the requests; a message confirmed twice counts for the first confirmation.
     */
    @Transactional
    public List<Object> serveAll(List<GroupCommit.ClientRequest> requests) {
        Deliveries.planForTablesAsTheyAre(jdbc);
        Map<UUID, Msisdn> owners = clientSessions.touchAll(requests.stream().map(GroupCommit.ClientRequest::session).toList());
        List<GroupCommit.Acknowledgement> acknowledgements = new ArrayList<>();
        List<GroupCommit.Fetch> fetches = new ArrayList<>();
        for (GroupCommit.ClientRequest q : requests) {
            switch (q) {
                case GroupCommit.Acknowledgement a -> acknowledgements.add(a);
                case GroupCommit.Fetch f -> fetches.add(f);
            }
        }
        // confirmations first: a client confirming some messages while fetching more gets the fetch's answer either way
        Iterator<List<UUID>> confirmed = confirm(acknowledgements, owners).iterator();
        Iterator<HandedOut> claimed = claim(fetches, owners).iterator();
        List<Object> answers = new ArrayList<>(requests.size());
        for (GroupCommit.ClientRequest q : requests) {
            answers.add(q instanceof GroupCommit.Fetch ? claimed.next() : confirmed.next());
        }
        return answers;
    }

    /**
     * A claim hands a waiting delivery to a session without changing its status or any indexed column: the
     * delivery stays PENDING with {@code claimed_at} and {@code session_id} set, so PostgreSQL rewrites the row in
     * place (a HOT update, no index entries; {@code im.delivery} leaves room for it, V13). Only the acknowledgement
     * changes the status. The sweep finds claims not acknowledged in time among the deliveries waiting longer than
     * the timeout (a claim never changes {@code updated_at}, so a stale claim is an old PENDING row).
     *
     * <p>The same statement tells each session whether another message waits for its subscriber once these are
     * claimed (its answer's {@code more}), so that this is no statement of its own: it counts the waiting deliveries
     * it sees, up to one past the session's limit, read as the claim reads them (the index of waiting deliveries by
     * recipient, V13). They are counted in the statement's snapshot, where the deliveries it claims still wait: more
     * than it claimed means another waits. One committed after that snapshot was signalled after the poll's check, so
     * the next poll looks anyway.
     */
    private List<HandedOut> claim(List<GroupCommit.Fetch> fetches, Map<UUID, Msisdn> owners) {
        Map<UUID, Integer> wanted = new LinkedHashMap<>();
        for (GroupCommit.Fetch f : fetches) {
            if (owners.containsKey(f.session()) && f.max() > 0) {
                wanted.merge(f.session(), f.max(), Integer::sum);
            }
        }
        Map<UUID, List<ClientDelivery>> claimed = new HashMap<>();
        Map<UUID, Integer> waiting = new HashMap<>();
        if (!wanted.isEmpty()) {
            UUID[] sessions = wanted.keySet().toArray(UUID[]::new);
            String[] recipients = new String[sessions.length];
            Integer[] limits = new Integer[sessions.length];
            for (int i = 0; i < sessions.length; i++) {
                recipients[i] = owners.get(sessions[i]).value();
                limits[i] = wanted.get(sessions[i]);
            }
            Timestamp now = Timestamp.from(clock.instant());
            // two sessions of one subscriber may pick the same deliveries: the update gives each to one of them. The rows
            // picked are locked, so each is updated where the pick found it (its ctid), without a second lookup by key. The
            // pick names the waiting state in its text, for the partial index of waiting deliveries by recipient (V13).
            // Each claimed delivery's message is looked up by key ("limit 1" keeps it from becoming a join): as a join,
            // the planner hashed every stored message for the few dozen claimed
            jdbc.sql("""
                    with claimed as (
                        update im.delivery d set channel = ?, session_id = p.session_id, claimed_at = ?,
                                                 attempts = d.attempts + 1
                        from (select r.session_id, o.ctid as delivery_row, w.waiting
                              from unnest(?::uuid[], ?::varchar[], ?::int[]) as r(session_id, recipient, max)
                              cross join lateral (select ctid from im.delivery
                                                  where recipient = r.recipient and status = %1$s and claimed_at is null
                                                    and expires_at > ?
                                                  order by updated_at limit r.max for update skip locked) o
                              cross join lateral (select count(*) as waiting
                                                  from (select from im.delivery
                                                        where recipient = r.recipient and status = %1$s and claimed_at is null
                                                          and expires_at > ?
                                                        order by updated_at limit r.max + 1) seen) w) p
                        where d.ctid = p.delivery_row
                        returning d.id, d.message_id, d.sender_alias, d.session_id, p.waiting)
                    select c.session_id, c.id, c.message_id, c.sender_alias, c.waiting, m.sender, m.body, m.created_at,
                           m.target_kind, m.target
                    from claimed c
                    cross join lateral (select sender, body, created_at, target_kind, target from im.message
                                        where id = c.message_id limit 1) m
                    order by m.created_at, c.id""".formatted(DeliveryState.PENDING.literal()))
                    .params(DeliveryChannel.CLIENT.value(), now, sessions, recipients, limits, now, now)
                    .query(rs -> {
                        UUID session = rs.getObject("session_id", UUID.class);
                        claimed.computeIfAbsent(session, k -> new ArrayList<>()).add(Deliveries.clientDelivery(rs));
                        waiting.put(session, rs.getInt("waiting"));
                    });
        }
        List<HandedOut> answers = new ArrayList<>(fetches.size());
        Map<UUID, Integer> handedOut = new HashMap<>();
        for (GroupCommit.Fetch f : fetches) {
            List<ClientDelivery> all = claimed.getOrDefault(f.session(), List.of());
            int from = handedOut.getOrDefault(f.session(), 0);
            int to = Math.min(all.size(), from + Math.max(0, f.max()));
            // a later fetch of the same session in this batch has the rest of its claim: more for this one
            boolean more = to < all.size() || waiting.getOrDefault(f.session(), 0) > all.size();
            answers.add(from == to ? HandedOut.NOTHING : new HandedOut(all.subList(from, to), more));
            handedOut.put(f.session(), to);
        }
        return answers;
    }

    /**
     * The client of {@code sessionId} confirms it has message {@code messageId}: the delivery is done, the
     * recipient is charged, and a requested delivery report goes to the sender. Returns false if there was
     * nothing to confirm (already confirmed, or not this subscriber's).
     */
    @Transactional
    public boolean acknowledge(UUID sessionId, UUID messageId) {
        return !acknowledge(sessionId, List.of(messageId)).isEmpty();
    }

    /**
     * {@link #acknowledge} for several messages at once (one client request can confirm several): one statement
     * for all of them. Returns the ids that were confirmed now; the others had nothing to confirm.
     */
    @Transactional
    public List<UUID> acknowledge(UUID sessionId, Collection<UUID> messageIds) {
        Deliveries.planForTablesAsTheyAre(jdbc);
        return confirm(List.of(new GroupCommit.Acknowledgement(sessionId, List.copyOf(messageIds))),
                clientSessions.touchAll(List.of(sessionId))).getFirst();
    }

    private List<List<UUID>> confirm(List<GroupCommit.Acknowledgement> acknowledgements, Map<UUID, Msisdn> owners) {
        List<UUID> messages = new ArrayList<>();
        List<String> recipients = new ArrayList<>();
        for (GroupCommit.Acknowledgement a : acknowledgements) {
            Msisdn owner = owners.get(a.session());
            if (owner != null) {
                for (UUID id : a.messageIds()) {
                    messages.add(id);
                    recipients.add(owner.value());
                }
            }
        }
        Map<String, Done> done = new HashMap<>();
        if (!messages.isEmpty()) {
            // a delivery is the client's to confirm once a session of its recipient has claimed it (see claim). Each
            // confirmation finds its delivery by its message id and recipient alone, and its message by key ("limit 1"
            // keeps the lookups from being folded into joins); the state is checked on the row found. Told that the
            // delivery is PENDING, the planner would also weigh the partial indexes of waiting deliveries: when its
            // statistics were taken with few waiting (as they usually are) it scanned one of those whole, for each
            // confirmation in the batch, and under load a batch took seconds to minutes while the claims behind it timed
            // out. The row found is updated where it lies (its ctid: no second lookup by key; a row changed meanwhile by
            // another transaction, a sweep or another confirmation, is no longer PENDING and claimed there, and is left
            // alone), and each recipient's tariff plan is read once per batch, not once per message, by key (as "= any"
            // the planner read the whole subscriber table whenever it judged that cheaper than a few dozen probes)
            jdbc.sql("""
                    update im.delivery d set status = ?, channel = ?, updated_at = ?
                    from (select x.ctid as delivery_row, o.sender, o.delivery_report, o.peer_operator, p.tariff_plan as recipient_plan
                          from unnest(?::uuid[], ?::varchar[]) as a(message_id, recipient)
                          cross join lateral (select ctid, message_id from im.delivery
                                              where message_id = a.message_id and recipient = a.recipient limit 1) x
                          cross join lateral (select sender, delivery_report, peer_operator from im.message
                                              where id = x.message_id limit 1) o
                          left join (select u.msisdn, s.tariff_plan from unnest(?::varchar[]) as u(msisdn)
                                     cross join lateral (select tariff_plan from im.subscriber where msisdn = u.msisdn limit 1) s) p
                                 on p.msisdn = a.recipient) m
                    where d.ctid = m.delivery_row and d.status = ? and d.claimed_at is not null
                    returning d.id, d.message_id, d.recipient, m.sender, m.delivery_report, m.peer_operator, m.recipient_plan""")
                    .params(DeliveryState.DELIVERED.value(), DeliveryChannel.CLIENT.value(), Timestamp.from(clock.instant()),
                            messages.toArray(UUID[]::new), recipients.toArray(String[]::new),
                            new LinkedHashSet<>(recipients).toArray(String[]::new), DeliveryState.PENDING.value())
                    .query(rs -> {
                        Done d = Deliveries.done(rs);
                        done.put(d.recipient().value() + '/' + d.messageId(), d);
                    });
        }
        List<List<UUID>> answers = new ArrayList<>(acknowledgements.size());
        for (GroupCommit.Acknowledgement a : acknowledgements) {
            Msisdn owner = owners.get(a.session());
            List<UUID> confirmed = new ArrayList<>();
            if (owner != null) {
                for (UUID id : a.messageIds()) {
                    Done d = done.remove(owner.value() + '/' + id);
                    if (d != null) {
                        deliveries.delivered(d, Channel.CLIENT, null, 0);
                        confirmed.add(id);
                    }
                }
            }
            answers.add(confirmed);
        }
        return answers;
    }

    /**
     * Session {@code sessionId} of {@code recipient} takes message {@code messageId} out of turn (a client fetching a
     * message it saw listed): claimed as a fetch claims it, or as it was if this session already has it. Empty when
     * it does not wait for this session.
     */
    @Transactional
    public Optional<ClientDelivery> claim(UUID sessionId, Msisdn recipient, UUID messageId) {
        return jdbc.sql("""
                with claimed as (
                    update im.delivery d set channel = ?, session_id = ?, claimed_at = coalesce(d.claimed_at, ?),
                                             attempts = d.attempts + case when d.claimed_at is null then 1 else 0 end
                    where d.message_id = ? and d.recipient = ? and d.status = ? and d.expires_at > ?
                      and (d.claimed_at is null or d.session_id = ?)
                    returning d.id, d.message_id, d.sender_alias)
                select c.id, c.message_id, c.sender_alias, m.sender, m.body, m.created_at, m.target_kind, m.target
                from claimed c
                cross join lateral (select sender, body, created_at, target_kind, target from im.message
                                    where id = c.message_id limit 1) m""")
                .params(DeliveryChannel.CLIENT.value(), sessionId, Timestamp.from(clock.instant()), messageId, recipient.value(),
                        DeliveryState.PENDING.value(), Timestamp.from(clock.instant()), sessionId)
                .query((rs, i) -> Deliveries.clientDelivery(rs)).optional();
    }

    /**
     * {@code recipient} refuses messages still waiting for them: each delivery fails, uncharged, and a sender who asked
     * for reports is told it failed. Returns the ids refused now; the others were not waiting for them.
     */
    @Transactional
    public List<UUID> reject(Msisdn recipient, Collection<UUID> messageIds) {
        List<Done> rejected = jdbc.sql("""
                update im.delivery d set status = ?, failure_reason = 'rejected by the recipient', updated_at = ?
                from im.message m
                where m.id = d.message_id and d.message_id = any(?::uuid[]) and d.recipient = ? and d.status = ?
                returning""" + Deliveries.DONE_COLUMNS)
                .params(DeliveryState.FAILED.value(), Timestamp.from(clock.instant()), messageIds.toArray(UUID[]::new),
                        recipient.value(), DeliveryState.PENDING.value())
                .query((rs, i) -> Deliveries.done(rs)).list();
        rejected.forEach(d -> deliveries.report(d, DeliveryStatus.FAILED));
        return rejected.stream().map(Done::messageId).toList();
    }
}
