package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The keep-alive of client sessions, written in batches: a request on a session this instance knows is live only
 * marks it touched in memory, and every {@code mobim.presence.touch-interval} one statement extends every session
 * touched since (taking their rows in id order, as every batch that touches sessions does). A session that statement
 * finds over (expired, or closed through another instance) is forgotten here, so that its next request looks it up
 * and is refused; until then it was trusted for at most one interval, as a session touched within the interval
 * always was. A session is known here once it was opened or touched here; one silent for longer than the session
 * timeout is forgotten (its next request writes its touch at once, as a session new here does).
 */
final class SessionTouches implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionTouches.class);

    private final JdbcClient jdbc;
    private final PresenceSettings settings;
    private final Clock clock;
    /** Sessions known live here, by id. */
    private final Map<UUID, Live> live = new ConcurrentHashMap<>();
    private final Object flushing = new Object();
    private volatile boolean running;
    private Thread flusher;
    private long lastEviction;

    SessionTouches(JdbcClient jdbc, PresenceSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** A live session of {@code msisdn}, its touch written at {@code at}. */
    private static final class Live {
        final Msisdn msisdn;
        /** When it was last touched here, in epoch milliseconds. */
        volatile long touchedAt;
        /** The last touch written, in epoch milliseconds. */
        volatile long writtenAt;

        Live(Msisdn msisdn, long at) {
            this.msisdn = msisdn;
            this.touchedAt = at;
            this.writtenAt = at;
        }
    }

    /** Marks a session known live here as touched now; its subscriber, or null if it is not known here. */
    Msisdn touch(UUID sessionId, Instant now) {
        Live l = live.get(sessionId);
        if (l == null) {
            return null;
        }
        long at = now.toEpochMilli();
        if (at > l.touchedAt) {
            l.touchedAt = at;
        }
        return l.msisdn;
    }

    /** A session whose touch was just written (it was opened, or touched while not known here). */
    void written(UUID sessionId, Msisdn msisdn, Instant at) {
        live.put(sessionId, new Live(msisdn, at.toEpochMilli()));
    }

    /** A session that ended: its next request looks it up. */
    void forget(UUID sessionId) {
        live.remove(sessionId);
    }

    /** How many sessions are known live here. */
    int known() {
        return live.size();
    }

    /**
     * Writes the touches made since the last flush in one statement; the sessions it finds over are forgotten.
     * Returns how many touches were written.
     */
    int flush() {
        synchronized (flushing) {
            Instant now = clock.instant();
            long nowMillis = now.toEpochMilli();
            List<UUID> due = new ArrayList<>();
            List<Live> dueLive = new ArrayList<>();
            live.forEach((id, l) -> {
                if (l.touchedAt > l.writtenAt) {
                    due.add(id);
                    dueLive.add(l);
                }
            });
            evictSilent(nowMillis);
            if (due.isEmpty()) {
                return 0;
            }
            long[] touched = new long[dueLive.size()];
            for (int i = 0; i < touched.length; i++) {
                touched[i] = dueLive.get(i).touchedAt;
            }
            Set<UUID> stillLive = new HashSet<>();
            jdbc.sql("""
                    update im.client_session s set last_active_at = ?,
                        expires_at = ?::timestamptz + make_interval(secs => coalesce(s.timeout_seconds, ?::int))
                    where s.id in (select id from im.client_session where id = any(?) and expires_at > ? order by id for update)
                    returning s.id""")
                    .params(Timestamp.from(now), Timestamp.from(now), (int) settings.sessionTimeout().toSeconds(),
                            due.toArray(UUID[]::new), Timestamp.from(now))
                    .query(rs -> {
                        stillLive.add(rs.getObject(1, UUID.class));
                    });
            for (int i = 0; i < due.size(); i++) {
                UUID id = due.get(i);
                if (stillLive.contains(id)) {
                    Live l = dueLive.get(i);
                    l.writtenAt = Math.max(l.writtenAt, touched[i]);
                } else {
                    live.remove(id, dueLive.get(i));
                }
            }
            return due.size();
        }
    }

    /** Forgets, once a minute, the sessions not touched here for longer than the session timeout. */
    private void evictSilent(long nowMillis) {
        if (nowMillis - lastEviction < 60_000) {
            return;
        }
        lastEviction = nowMillis;
        long before = nowMillis - settings.sessionTimeout().toMillis();
        live.values().removeIf(l -> l.touchedAt < before);
    }

    private void loop() {
        long interval = Math.max(1, settings.touchInterval().toMillis());
        while (running) {
            try {
                Thread.sleep(interval);
                flush();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the touches stay due and go with the next flush; a session at the edge of its timeout may expire meanwhile
                log.warn("Writing client sessions' keep-alive failed ({}); retrying in {}", e.toString(), Duration.ofMillis(interval));
            }
        }
    }

    @Override
    public void start() {
        running = true;
        flusher = Thread.ofPlatform().name("session-touch-flusher").daemon().start(this::loop);
    }

    @Override
    public void stop() {
        running = false;
        if (flusher != null) {
            flusher.interrupt();
            try {
                flusher.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("The last keep-alive touches could not be written ({})", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops after the web server and the committers, which touch sessions (the data source closes after every phase)
        return 0;
    }
}
