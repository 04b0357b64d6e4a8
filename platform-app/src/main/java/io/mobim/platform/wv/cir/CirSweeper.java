package io.mobim.platform.wv.cir;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.platform.messaging.MessagingSettings;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceSettings;
import io.mobim.wv.CspVersion;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import io.mobim.platform.wv.session.WakeSignals.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes the CSP sessions something waits for and settles the wakes, on every instance every
 * {@code mobim.wv.cir.sweep-interval} (rows taken with SKIP LOCKED, so each wake is sent by one instance, once).
 *
 * <p>A session marked due (something a poll hands out started waiting for its subscriber, {@code V50}) is woken if
 * something of a kind that wakes its method still waits unclaimed ({@link CirWaiting}; by SMS only the kinds of
 * {@code mobim.wv.cir.sms-wakes}, over TCP every kind), no earlier wake is unanswered, and the client has been silent
 * for a touch interval (so that its answer, whatever instance it reaches, is written as the session's last activity;
 * a busy session is looked at again when it may be silent): an SMS wake goes out through the outbox with the wake's
 * record; a TCP client was sent its line by the instance holding its connection when the thing was signalled. What
 * does not wake it waits for its next poll. A wake not answered by any request within
 * {@code mobim.wv.cir.answer-timeout} ends the session as expired: the core's session end sends the messages waiting
 * for it by SMS (each delivery once: it moves only while it waits); the rest waits for the subscriber's next login.
 */
public class CirSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CirSweeper.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 20;
    /** Wakes sent, by method and by the first kind waiting (what the client's poll hands out first). */
    static final String WAKES = "mobim.wv.cir.wakes";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ClientSessions clientSessions;
    private final Outbox outbox;
    private final CirSettings settings;
    private final PresenceSettings presenceSettings;
    private final MessagingSettings messaging;
    private final Clock clock;
    private final MeterRegistry meters;
    private final CirWaiting waiting;

    public CirSweeper(JdbcClient jdbc, TransactionTemplate transactions, PresenceService presence, ClientSessions clientSessions,
                      Outbox outbox, CirSettings settings, PresenceSettings presenceSettings, MessagingSettings messaging,
                      Clock clock, MeterRegistry meters) {
        this.waiting = new CirWaiting(jdbc, presence, clock);
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clientSessions = clientSessions;
        this.outbox = outbox;
        this.settings = settings;
        this.presenceSettings = presenceSettings;
        this.messaging = messaging;
        this.clock = clock;
        this.meters = meters;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::sweep, settings.sweepInterval());
    }

    void sweep() {
        try {
            // a full batch: more may be due (a busy session is put off, not taken again); bounded all the same
            for (int i = 0; i < MAX_BATCHES && Boolean.TRUE.equals(transactions.execute(t -> wakeDue())); i++) {
                log.debug("CIR sweep: another batch of due sessions");
            }
            for (int i = 0; i < MAX_BATCHES && Boolean.TRUE.equals(transactions.execute(t -> settle())); i++) {
                log.debug("CIR sweep: another batch of wakes to settle");
            }
        } catch (RuntimeException e) {
            log.warn("CIR sweep failed ({}); the next one takes it up", e.toString());
        }
    }

    /** Wakes the due sessions that need it; true if the batch was full. */
    boolean wakeDue() {
        Instant now = clock.instant();
        List<Due> due = jdbc.sql("""
                select w.client_session_id, w.msisdn, w.csp_version, w.session_cookie, w.cir_method, w.woken_at, c.last_active_at,
                       w.reactive_authorization
                from im.wv_session w left join im.client_session c on c.id = w.client_session_id
                where w.cir_due_at <= greatest(now(), ?) -- marked by the database's clock, deferred by this instance's
                order by w.cir_due_at limit ? for update of w skip locked""")
                .params(Timestamp.from(now), BATCH)
                .query((rs, i) -> new Due(rs.getObject(1, UUID.class), Msisdn.of(rs.getString(2)), CspVersion.ofLabel(rs.getString(3)),
                        rs.getString(4), rs.getString(5) == null ? null : CirMethod.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), rs.getBoolean(8)))
                .list();
        if (due.isEmpty()) {
            return false;
        }
        List<UUID> settled = new ArrayList<>();
        List<UUID> busy = new ArrayList<>();
        List<Due> idle = new ArrayList<>();
        Instant idleSince = now.minus(presenceSettings.touchInterval());
        for (Due d : due) {
            if (d.lastActive() == null || d.method() == null) {
                settled.add(d.session()); // the session is over
            } else if (d.wokenAt() != null && !d.lastActive().isAfter(d.wokenAt())) {
                settled.add(d.session()); // an earlier wake is unanswered: it covers what waits now too
            } else if (d.lastActive().isAfter(idleSince)) {
                busy.add(d.session()); // the client is busy right now: wake it once it is silent
            } else {
                idle.add(d);
            }
        }
        Map<UUID, Kind> waiting = this.waiting.firstWaiting(idle.stream().map(d -> new CirWaiting.Candidate(d.session(),
                d.msisdn().value(), d.reactiveAuthorization(), k -> settings.wakes(d.method(), k))).toList());
        List<UUID> woken = new ArrayList<>();
        for (Due d : idle) {
            Kind kind = waiting.get(d.session());
            if (kind == null) {
                settled.add(d.session()); // its client fetched what waited, or what waits is not worth the wake's SMS
                continue;
            }
            woken.add(d.session());
            if (d.method().sms()) {
                outbox.append(Topics.SMS_MT, d.msisdn().value(), CirMessages.sms(d.method(), messaging.smsSender(), d.msisdn().value(),
                        CirMessages.line(d.version(), d.cookie()), now.plus(settings.answerTimeout())));
                meters.counter(WAKES, "method", d.method().name(), "kind", kind.name()).increment();
            } // a TCP client was sent its line (and counted) by the instance holding its connection when it was signalled
        }
        jdbc.sql("update im.wv_session set cir_due_at = null where client_session_id = any(?)").param(settled.toArray(UUID[]::new)).update();
        jdbc.sql("update im.wv_session set cir_due_at = null, woken_at = ? where client_session_id = any(?)")
                .params(Timestamp.from(now), woken.toArray(UUID[]::new)).update();
        // looked at again when the client may be silent, not on every sweep meanwhile
        jdbc.sql("""
                update im.wv_session w set cir_due_at = c.last_active_at + make_interval(secs => ?)
                from im.client_session c where c.id = w.client_session_id and w.client_session_id = any(?)""")
                .params(presenceSettings.touchInterval().toMillis() / 1000.0, busy.toArray(UUID[]::new)).update();
        return due.size() == BATCH;
    }

    /**
     * Settles the wakes older than the answer timeout: answered ones are forgotten, unanswered ones end their session.
     * True if the batch was full.
     */
    boolean settle() {
        Instant now = clock.instant();
        List<Woken> old = jdbc.sql("""
                select w.client_session_id, w.woken_at, c.last_active_at
                from im.wv_session w left join im.client_session c on c.id = w.client_session_id
                where w.woken_at <= ?
                order by w.woken_at limit ? for update of w skip locked""")
                .params(Timestamp.from(now.minus(settings.answerTimeout())), BATCH)
                .query((rs, i) -> new Woken(rs.getObject(1, UUID.class), instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3))))
                .list();
        if (old.isEmpty()) {
            return false;
        }
        jdbc.sql("update im.wv_session set woken_at = null where client_session_id = any(?)")
                .param(old.stream().map(Woken::session).toArray(UUID[]::new)).update();
        for (Woken w : old) {
            if (w.lastActive() != null && !w.lastActive().isAfter(w.wokenAt())) {
                log.info("A CSP client did not answer its wake within {}: its session ends, what waits goes by SMS", settings.answerTimeout());
                meters.counter("mobim.wv.cir.unanswered").increment();
                clientSessions.expireSession(w.session());
            }
        }
        return old.size() == BATCH;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A session marked due: who, how to wake it, its last wake and its client's last request. */
    private record Due(UUID session, Msisdn msisdn, CspVersion version, String cookie, CirMethod method, Instant wokenAt,
                       Instant lastActive, boolean reactiveAuthorization) {
    }

    /** A wake to settle. */
    private record Woken(UUID session, Instant wokenAt, Instant lastActive) {
    }
}
