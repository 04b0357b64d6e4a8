package io.mobim.platform.wv.cir;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.platform.messaging.MessagingSettings;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceSettings;
import io.mobim.wv.CspVersion;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wakes the CSP sessions a message waits for and settles the wakes, on every instance every
 * {@code mobim.wv.cir.sweep-interval} (rows taken with SKIP LOCKED, so each wake is sent by one instance, once).
 *
 * <p>A session marked due (a message started waiting, {@code V41}) is woken if the message still waits unclaimed, no
 * earlier wake is unanswered, and the client has been silent for a touch interval (so that its answer, whatever
 * instance it reaches, is written as the session's last activity): an SMS wake goes out through the outbox with the
 * wake's record; a TCP client was sent its line by the instance holding its connection when the message was signalled.
 * A wake not answered by any request within {@code mobim.wv.cir.answer-timeout} ends the session as expired: the
 * core's session end sends what waits for it by SMS (each delivery once: it moves only while it waits).
 */
public class CirSweeper implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(CirSweeper.class);
    private static final int BATCH = 200;
    private static final int MAX_BATCHES = 20;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PresenceService presence;
    private final Outbox outbox;
    private final CirSettings settings;
    private final PresenceSettings presenceSettings;
    private final MessagingSettings messaging;
    private final Clock clock;
    private final MeterRegistry meters;

    public CirSweeper(JdbcClient jdbc, TransactionTemplate transactions, PresenceService presence, Outbox outbox, CirSettings settings,
                      PresenceSettings presenceSettings, MessagingSettings messaging, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.presence = presence;
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
            // a full batch: more may wait; busy sessions stay due, so the batches of one sweep are bounded
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
                select w.client_session_id, w.msisdn, w.csp_version, w.session_cookie, w.cir_method, w.woken_at, c.last_active_at
                from im.wv_session w left join im.client_session c on c.id = w.client_session_id
                where w.cir_due_at is not null
                order by w.cir_due_at limit ? for update of w skip locked""")
                .param(BATCH)
                .query((rs, i) -> new Due(rs.getObject(1, UUID.class), Msisdn.of(rs.getString(2)), CspVersion.ofLabel(rs.getString(3)),
                        rs.getString(4), rs.getString(5) == null ? null : CirMethod.valueOf(rs.getString(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7))))
                .list();
        if (due.isEmpty()) {
            return false;
        }
        Set<String> waiting = new HashSet<>(jdbc.sql("""
                select distinct recipient from im.delivery
                where recipient = any(?) and status = 'PENDING' and claimed_at is null""")
                .param(due.stream().map(d -> d.msisdn().value()).distinct().toArray(String[]::new)).query(String.class).list());
        List<UUID> settled = new ArrayList<>();
        List<UUID> woken = new ArrayList<>();
        Instant idleSince = now.minus(presenceSettings.touchInterval());
        for (Due d : due) {
            if (d.lastActive() == null || d.method() == null || !waiting.contains(d.msisdn().value())) {
                settled.add(d.session()); // the session is over, or its client fetched what waited by itself
            } else if (d.wokenAt() != null && !d.lastActive().isAfter(d.wokenAt())) {
                settled.add(d.session()); // an earlier wake is unanswered: it covers this message too
            } else if (d.lastActive().isAfter(idleSince)) {
                continue; // the client is busy right now: wake it once it is silent
            } else {
                woken.add(d.session());
                if (d.method().sms()) {
                    outbox.append(Topics.SMS_MT, d.msisdn().value(), CirMessages.sms(d.method(), messaging.smsSender(), d.msisdn().value(),
                            CirMessages.line(d.version(), d.cookie()), now.plus(settings.answerTimeout())));
                    meters.counter("mobim.wv.cir.wakes", "method", d.method().name()).increment();
                }
            }
        }
        jdbc.sql("update im.wv_session set cir_due_at = null where client_session_id = any(?)").param(settled.toArray(UUID[]::new)).update();
        jdbc.sql("update im.wv_session set cir_due_at = null, woken_at = ? where client_session_id = any(?)")
                .params(Timestamp.from(now), woken.toArray(UUID[]::new)).update();
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
                presence.expireSession(w.session());
            }
        }
        return old.size() == BATCH;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A session marked due: who, how to wake it, its last wake and its client's last request. */
    private record Due(UUID session, Msisdn msisdn, CspVersion version, String cookie, CirMethod method, Instant wokenAt,
                       Instant lastActive) {
    }

    /** A wake to settle. */
    private record Woken(UUID session, Instant wokenAt, Instant lastActive) {
    }
}
