package io.mobim.platform.messaging;

import io.mobim.platform.messaging.Deliveries.Done;
import io.mobim.platform.presence.ClientSessionClosed;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * What time and lost sessions decide about deliveries: a client's claim not acknowledged in time (a phone that
 * silently dropped off GPRS) goes to SMS if the recipient takes it, else back to the queue; a message waiting for a
 * session that is gone goes to SMS; one whose validity ran out, or whose SMS never got a receipt, expires. Nothing is
 * lost, and each change is a conditional update, so instances sweeping at once never move a delivery twice.
 */
public class DeliverySweeper {

    /** Deliveries a sweep moves per query and transaction; the scheduler sweeps again while there were any. */
    private static final int SWEEP_BATCH = 500;
    /**
     * How far back past the acknowledgement timeout a sweep looks for messages left waiting for a session that is
     * gone: each sweep (every few seconds, on every instance) sees such a message for this long. One left over by
     * instances all down for longer waits for its recipient's next session or its expiry, as stored messages do.
     */
    static final Duration GONE_SESSION_LOOKBACK = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final ClientSessions clientSessions;
    private final SmsSubmission sms;
    private final Deliveries deliveries;
    private final MessagingSettings settings;
    private final Clock clock;
    private final MessagingCounters counters;

    DeliverySweeper(JdbcClient jdbc, Subscribers subscribers, ClientSessions clientSessions, SmsSubmission sms, Deliveries deliveries,
                    MessagingSettings settings, Clock clock, MessagingCounters counters) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.clientSessions = clientSessions;
        this.sms = sms;
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
    }

    /**
     * Handles what time decides: client deliveries not acknowledged in time go to SMS (or back to the queue),
     * messages waiting for a recipient with no live client go to SMS, and expired ones are closed.
     * Safe to run on every instance at once. Returns how many deliveries changed.
     */
    @Transactional
    public int sweep() {
        Instant now = clock.instant();
        Timestamp cutoff = Timestamp.from(now.minus(settings.ackTimeout()));
        // claims not acknowledged in time: a claim leaves updated_at as it was, so they are among the old PENDING rows.
        // Both picks name the waiting state in their text, for the partial index of waiting deliveries (V12)
        List<UUID> stale = new ArrayList<>(jdbc.sql("""
                select id from im.delivery
                where status = %s and updated_at < ? and claimed_at < ?
                order by updated_at limit ? for update skip locked""".formatted(DeliveryState.PENDING.literal()))
                .params(cutoff, cutoff, SWEEP_BATCH).query(UUID.class).list());
        // waiting for a session that is gone: only recipients who take SMS can be helped now, so only they are
        // picked; messages stored for the others (until their next session or expiry) must not fill the batch. A
        // session's end (a logout, or its expiry found by the session sweeper) reroutes its subscriber's waiting
        // messages at once (onSessionClosed); this catches what that could not see (sent while the session was
        // ending, or between its expiry and the session sweeper), so it looks back GONE_SESSION_LOOKBACK only:
        // reading every stored message each time (all those kept for subscribers without SMS, up to their
        // validity) cost 0.6-0.8 s per sweep with 200,000 stored
        stale.addAll(jdbc.sql("""
                select d.id from im.delivery d join im.subscriber s on s.msisdn = d.recipient
                where d.status = %s and d.updated_at < ? and d.updated_at >= ?
                  and s.status = 'ACTIVE' and s.sms_fallback and not s.sms_opted_out
                  and not exists (select 1 from im.client_session c where c.msisdn = d.recipient and c.expires_at > ?)
                  and (d.claimed_at is null or d.claimed_at < ?)
                order by d.updated_at limit ? for update of d skip locked""".formatted(DeliveryState.PENDING.literal()))
                .params(cutoff, Timestamp.from(cutoff.toInstant().minus(GONE_SESSION_LOOKBACK)), Timestamp.from(now),
                        cutoff, SWEEP_BATCH).query(UUID.class).list());
        int changed = 0;
        for (UUID id : new LinkedHashSet<>(stale)) { // a stale claim of an SMS taker is in both lists
            changed += reroute(id) ? 1 : 0;
        }
        int expired = expire(DeliveryState.PENDING, now, now, "validity ran out", 2 * SWEEP_BATCH);
        // fallback SMS whose receipt never came, long after the SMS-C itself gave up on them: without this they
        // would stay IN_FLIGHT (the sender never told, the message never purged)
        int unanswered = expire(DeliveryState.IN_FLIGHT, now, now.minus(settings.smsReceiptTimeout()), "no receipt from the SMS-C", SWEEP_BATCH);
        return changed + expired + unanswered;
    }

    /**
     * Up to {@code limit} deliveries in {@code state} whose validity ended by {@code dueBy} expire; their senders are
     * told. The state is written into the statement, not bound: only then can the planner use the partial index of
     * that state's expiries (V19, V20), in a plan it keeps as in one it makes anew.
     */
    private int expire(DeliveryState state, Instant now, Instant dueBy, String reason, int limit) {
        if (!state.open()) {
            throw new IllegalArgumentException("not an open delivery state: " + state);
        }
        List<Done> expired = jdbc.sql("""
                update im.delivery d set status = ?, updated_at = ?, failure_reason = ?
                from im.message m
                where m.id = d.message_id
                  and d.id in (select id from im.delivery where expires_at <= ? and status = %s
                             limit ? for update skip locked)
                returning""".formatted(state.literal()) + Deliveries.DONE_COLUMNS)
                .params(DeliveryState.EXPIRED.value(), Timestamp.from(now), reason, Timestamp.from(dueBy), limit).query((rs, i) -> Deliveries.done(rs)).list();
        expired.forEach(d -> deliveries.report(d, DeliveryState.EXPIRED.status()));
        return expired.size();
    }

    /** A client session ended: what it fetched but did not acknowledge, and what was waiting for it, is rerouted at once. */
    @EventListener
    void onSessionClosed(ClientSessionClosed closed) {
        if (!clientSessions.liveSessions(closed.msisdn()).isEmpty()) {
            return; // another session of the same subscriber is live: it will fetch them
        }
        // the state named in the text, for the partial index of waiting deliveries by recipient (V13)
        List<UUID> open = jdbc.sql("""
                select id from im.delivery
                where recipient = ? and status = %s for update skip locked""".formatted(DeliveryState.PENDING.literal()))
                .param(closed.msisdn().value()).query(UUID.class).list();
        open.forEach(this::reroute);
    }

    private boolean reroute(UUID deliveryId) {
        Optional<Stale> d = jdbc.sql("""
                select d.id, d.message_id, d.sender_alias, d.recipient, d.expires_at as delivery_expires_at,
                       m.sender, m.body, m.created_at, m.target_kind, m.target
                from im.delivery d join im.message m on m.id = d.message_id where d.id = ?""")
                .param(deliveryId).query((rs, i) -> new Stale(Deliveries.clientDelivery(rs), Msisdn.of(rs.getString("recipient")),
                        rs.getTimestamp("delivery_expires_at").toInstant())).optional();
        if (d.isEmpty()) {
            return false;
        }
        Optional<Subscriber> to = subscribers.findActive(d.get().recipient());
        Timestamp now = Timestamp.from(clock.instant());
        if (to.isPresent() && to.get().smsFallback()) {
            int n = jdbc.sql("""
                    update im.delivery set status = ?, channel = ?, session_id = null, claimed_at = ?,
                                           attempts = attempts + 1, updated_at = ?
                    where id = ? and status = ?""")
                    .params(DeliveryState.IN_FLIGHT.value(), DeliveryChannel.SMS.value(), now, now, deliveryId,
                            DeliveryState.PENDING.value()).update();
            if (n > 0) {
                sms.submit(deliveryId, d.get().message(), sms.recipient(to.get(), d.get().message().sender()), d.get().expiresAt());
                counters.counter("mobim.messages.routed", "route", "SMS_FALLBACK").increment();
            }
            return n > 0;
        }
        // no SMS for them: back to the queue (in its old place) until a client session fetches it or it expires
        return jdbc.sql("""
                update im.delivery set channel = null, session_id = null, claimed_at = null
                where id = ? and status = ? and claimed_at is not null""").params(deliveryId, DeliveryState.PENDING.value()).update() > 0;
    }

    /** A delivery being rerouted: its message, its recipient, and when it expires. */
    private record Stale(ClientDelivery message, Msisdn recipient, Instant expiresAt) {
    }
}
