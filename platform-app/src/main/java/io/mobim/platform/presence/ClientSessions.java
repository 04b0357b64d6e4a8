package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import io.mobim.events.charging.Channel;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberNotFound;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client sessions presence depends on (a subscriber with a live session is online): opened, kept alive, given a
 * new silence timeout, ended by logout or silence; with the data volume each moved, charged as one SESSION_DATA event
 * when it ends. Their watchers see a subscriber come online and go ({@link PresenceStamps}).
 */
public class ClientSessions {

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final ApplicationEventPublisher events;
    private final PresenceSettings settings;
    private final ChargingRecorder charging;
    private final Clock clock;
    private final SessionTouches touches;
    private final PresenceStamps stamps;
    /** Bytes sessions moved through this instance that are not written yet: see {@link #addData}. */
    private final UnwrittenData unwrittenData;

    ClientSessions(JdbcClient jdbc, Subscribers subscribers, ApplicationEventPublisher events, PresenceSettings settings,
                   ChargingRecorder charging, Clock clock, SessionTouches touches, PresenceStamps stamps) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.events = events;
        this.settings = settings;
        this.charging = charging;
        this.clock = clock;
        this.touches = touches;
        this.stamps = stamps;
        this.unwrittenData = new UnwrittenData();
    }

    /** Opens a client session for an active subscriber; their watchers see them come online. */
    @Transactional
    public UUID openSession(Msisdn msisdn) {
        return openSession(msisdn, null);
    }

    /**
     * {@link #openSession(Msisdn)} with the session's own silence timeout (what a CSP client agreed as its keep-alive),
     * instead of {@code mobim.presence.session-timeout}; null for that default.
     */
    @Transactional
    public UUID openSession(Msisdn msisdn, Duration timeout) {
        Subscriber subscriber = subscribers.findActive(msisdn).orElseThrow(() -> new SubscriberNotFound(msisdn));
        charging.dayOfUse(msisdn.value(), subscriber.tariffPlan(), Channel.CLIENT);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // a fresh session has no snapshot yet: its first poll reads every visible contact
        jdbc.sql("""
                insert into im.client_session (id, msisdn, started_at, last_active_at, expires_at, timeout_seconds)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, msisdn.value(), Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now.plus(timeout == null ? settings.sessionTimeout() : timeout)),
                        timeout == null ? null : (int) timeout.toSeconds())
                .update();
        stamps.stamp(msisdn.value(), null);
        touches.written(id, msisdn, now);
        events.publishEvent(new ClientSessionOpened(id, msisdn));
        events.publishEvent(new PresenceChanged(msisdn));
        return id;
    }

    /**
     * Keeps a session alive; returns the subscriber, or empty if the session is over. A session known live here is
     * touched in memory, its keep-alive written with the others' within {@code touch-interval} ({@link SessionTouches});
     * one this instance does not know is written at once.
     */
    public Optional<Msisdn> touch(UUID sessionId) {
        Msisdn known = touches.touch(sessionId, clock.instant());
        return known != null ? Optional.of(known) : Optional.ofNullable(touchAll(List.of(sessionId)).get(sessionId));
    }

    /**
     * {@link #touch} for several sessions (a group-committed batch of client requests): one statement for those not
     * known here, taking their rows in id order (two batches touching the same sessions wait, never deadlock).
     * Returns the live ones with their subscriber; a session that is over is absent.
     */
    @Transactional
    public Map<UUID, Msisdn> touchAll(Collection<UUID> sessionIds) {
        Instant now = clock.instant();
        Map<UUID, Msisdn> live = new HashMap<>();
        Set<UUID> toWrite = new LinkedHashSet<>();
        for (UUID id : sessionIds) {
            Msisdn known = touches.touch(id, now);
            if (known != null) {
                live.put(id, known);
            } else {
                toWrite.add(id);
            }
        }
        if (toWrite.isEmpty()) {
            return live;
        }
        UUID[] ids = toWrite.toArray(UUID[]::new);
        Long[] data = unwrittenData.take(ids);
        jdbc.sql("""
                update im.client_session s set last_active_at = ?,
                    expires_at = ?::timestamptz + make_interval(secs => coalesce(s.timeout_seconds, ?::int)),
                    data_bytes = s.data_bytes + d.bytes
                from unnest(?::uuid[], ?::bigint[]) d(id, bytes)
                where s.id = d.id
                  and s.id in (select id from im.client_session where id = any(?) and expires_at > ? order by id for update)
                returning s.id, s.msisdn""")
                .params(Timestamp.from(now), Timestamp.from(now), (int) settings.sessionTimeout().toSeconds(),
                        ids, data, ids, Timestamp.from(now))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Msisdn owner = Msisdn.of(rs.getString(2));
                    live.put(id, owner);
                    touches.written(id, owner, now);
                });
        return live;
    }

    /**
     * Gives a live session a new silence timeout (a CSP client renegotiated its keep-alive), counted from now.
     * Returns false if the session is over.
     */
    @Transactional
    public boolean changeTimeout(UUID sessionId, Duration timeout) {
        Instant now = clock.instant();
        return jdbc.sql("update im.client_session set timeout_seconds = ?, expires_at = ? where id = ? and expires_at > ?")
                .params((int) timeout.toSeconds(), Timestamp.from(now.plus(timeout)), sessionId, Timestamp.from(now)).update() > 0;
    }

    /**
     * Counts {@code bytes} a session moved through this instance (its channel counts each request and its answer), in
     * memory: they are written with the session's next touch, or by {@link #writeData} (every sweep) if no touch comes,
     * and charged with the rest as one SESSION_DATA event when the session ends. No statement of its own.
     */
    public void addData(UUID sessionId, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        unwrittenData.add(sessionId, bytes);
    }

    /**
     * Writes the bytes counted by {@link #addData} that no touch has written yet, in one statement; a session that is
     * over by then has been charged without them. Returns how many sessions had some.
     */
    @Transactional
    public int writeData() {
        if (unwrittenData.isEmpty()) {
            return 0;
        }
        UUID[] ids = unwrittenData.sessions();
        Long[] data = unwrittenData.take(ids);
        jdbc.sql("""
                update im.client_session s set data_bytes = s.data_bytes + d.bytes
                from unnest(?::uuid[], ?::bigint[]) d(id, bytes)
                where s.id = d.id and s.id in (select id from im.client_session where id = any(?) order by id for update)""")
                .params(ids, data, ids).update();
        return ids.length;
    }

    /**
     * Adds {@code bytes} to what a live session moved over the network at once, in a statement of its own (see
     * {@link #addData} for a channel's requests). Returns false if the session is over.
     */
    @Transactional
    public boolean recordData(UUID sessionId, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        return jdbc.sql("update im.client_session set data_bytes = data_bytes + ? where id = ? and expires_at > ?")
                .params(bytes, sessionId, Timestamp.from(clock.instant())).update() > 0;
    }

    /** Ends a session (logout). */
    @Transactional
    public void closeSession(UUID sessionId) {
        close(sessionId, false);
    }

    /**
     * Ends a session as expired before its time: its client is taken as gone (it did not answer a wake). Its watchers
     * see it go and what waits for it is rerouted, as when a session times out.
     */
    @Transactional
    public void expireSession(UUID sessionId) {
        close(sessionId, true);
    }

    /** Ends every session that has been silent for longer than the session timeout; returns how many. */
    @Transactional
    public int expireSessions() {
        List<UUID> expired = jdbc.sql("select id from im.client_session where expires_at <= ? for update skip locked")
                .param(Timestamp.from(clock.instant())).query(UUID.class).list();
        expired.forEach(id -> close(id, true));
        return expired.size();
    }

    /** Whether {@code msisdn} has a live client session. */
    @Transactional(readOnly = true)
    public boolean isClientOnline(Msisdn msisdn) {
        return jdbc.sql("select exists (select 1 from im.client_session where msisdn = ? and expires_at > ?)")
                .params(msisdn.value(), Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    /** The live sessions of {@code msisdn}, newest first. */
    @Transactional(readOnly = true)
    public List<UUID> liveSessions(Msisdn msisdn) {
        return jdbc.sql("select id from im.client_session where msisdn = ? and expires_at > ? order by started_at desc")
                .params(msisdn.value(), Timestamp.from(clock.instant())).query(UUID.class).list();
    }

    private void close(UUID sessionId, boolean expired) {
        touches.forget(sessionId);
        long lastBytes = unwrittenData.remove(sessionId);
        Instant lastSeen = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // the row and its data volume's charge go together: whichever instance ends the session charges it, once
        Optional<Ended> ended = jdbc.sql("""
                with ended as (delete from im.client_session where id = ? returning msisdn, data_bytes)
                select e.msisdn, e.data_bytes, s.tariff_plan from ended e left join im.subscriber s on s.msisdn = e.msisdn""")
                .param(sessionId).query((rs, i) -> new Ended(rs.getString(1), rs.getLong(2), rs.getString(3))).optional();
        // without a plan it is still recorded: billing keeps it as rejected until the plan is fixed
        ended.ifPresent(e -> charging.sessionData(sessionId, e.msisdn(), e.tariffPlan(), Channel.CLIENT, e.dataBytes() + lastBytes));
        ended.map(Ended::msisdn).ifPresent(o -> {
            stamps.stamp(o, Timestamp.from(lastSeen));
            events.publishEvent(new ClientSessionClosed(sessionId, Msisdn.of(o), expired));
            events.publishEvent(new PresenceChanged(Msisdn.of(o)));
        });
    }

    /** A session just ended: whose it was, what it moved, and the plan that pays for it (null if none). */
    private record Ended(String msisdn, long dataBytes, String tariffPlan) {
    }
}
