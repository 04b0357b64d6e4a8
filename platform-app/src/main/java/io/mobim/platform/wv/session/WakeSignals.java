package io.mobim.platform.wv.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.platform.presence.ClientSessionClosed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Whether anything may wait for a CSP session, answered from memory, so that an empty poll reads nothing. The
 * database raises the signal for every writer on any instance (notifications on channel {@code im_wake}, sent at
 * commit by the triggers of {@code V33}, naming the subscribers); this instance listens on one connection.
 *
 * <p>Per subscriber a counter goes up with every signal; a poll that found nothing records the counter (plus an
 * epoch) it read <em>before</em> it looked, and the session's next poll reads the database only if that value
 * moved. A signal raised while a poll runs therefore moves the counter past what the poll recorded: the next poll
 * looks. A session this instance has not seen yet (a fresh instance, a session logged in elsewhere) starts as
 * "maybe waiting"; while the listening connection is down every poll reads, and when it is back every session is
 * "maybe waiting" again (the epoch moves), since notifications sent meanwhile are lost. {@link Listener}s (the CIR
 * channels this instance holds) hear the subscribers of each batch of notifications, and that anyone may be waiting
 * when the listening connection is back.
 */
public class WakeSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WakeSignals.class);
    static final String CHANNEL = "im_wake";
    /** Beyond this many sessions remembered the memory starts over: each session then reads once. */
    private static final int SESSIONS_REMEMBERED = 200_000;
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;

    private final DataSource dataSource;
    /** Signals raised per subscriber; never removed, so that a value once recorded never comes round again. */
    private final Map<String, AtomicLong> raised = new ConcurrentHashMap<>();
    /** Per session: the value read before its last poll that found nothing, or a negative "maybe waiting". */
    private final Map<UUID, AtomicLong> marks = new ConcurrentHashMap<>();
    private final AtomicLong epoch = new AtomicLong();
    private final AtomicLong maybe = new AtomicLong();
    private final Counter fromMemory;
    private final Counter fromDatabase;
    /** Who else hears the signals (the CIR channels this instance holds), called on the listening thread. */
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean listening;
    private volatile boolean running;
    private Thread listener;

    public WakeSignals(DataSource dataSource, MeterRegistry meters) {
        this.dataSource = dataSource;
        this.fromMemory = Counter.builder("mobim.wv.polls").tag("answer", "memory")
                .description("CSP polls answered without reading: nothing was signalled for the session").register(meters);
        this.fromDatabase = Counter.builder("mobim.wv.polls").tag("answer", "database")
                .description("CSP polls that read what waits: something was signalled, or the session is new here").register(meters);
    }

    /**
     * Before a poll looks: null when nothing can wait for the session (answer at once, nothing read); otherwise a
     * ticket to hand back with what the poll found.
     */
    public Ticket check(WvSession session) {
        AtomicLong counter = raised.computeIfAbsent(session.msisdn().value(), m -> new AtomicLong());
        AtomicLong mark = marks.get(session.clientSession());
        if (mark == null) {
            if (marks.size() >= SESSIONS_REMEMBERED) {
                marks.clear();
            }
            mark = marks.computeIfAbsent(session.clientSession(), s -> new AtomicLong(-maybe.incrementAndGet()));
        }
        long before = mark.get();
        // read the epoch and the counter before the poll looks: whatever is signalled from now on moves them
        long value = epoch.get() + counter.get();
        if (listening && before == value) {
            fromMemory.increment();
            return null;
        }
        fromDatabase.increment();
        return new Ticket(mark, before, value);
    }

    /** The poll found nothing: until something is signalled, the session's polls are answered from memory. */
    public void nothingFound(Ticket ticket) {
        // a concurrent poll of the same session that found something has moved the mark: it stays "maybe waiting"
        ticket.mark.compareAndSet(ticket.before, ticket.value);
    }

    /** The poll handed something out: more may wait, the next poll looks again. */
    public void found(Ticket ticket) {
        ticket.mark.set(-maybe.incrementAndGet());
    }

    /**
     * Signals a subscriber on this instance at once, after a commit that queued something for them (the database's
     * notification follows, for every instance).
     */
    public void raise(Msisdn msisdn) {
        raiseOne(msisdn.value());
    }

    private void raiseOne(String msisdn) {
        AtomicLong counter = raised.get(msisdn);
        if (counter != null) {
            counter.incrementAndGet();
        }
    }

    /** Has {@code listener} hear every signal from now on, from every instance. */
    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Whether the listening connection is up: until it is, every poll reads. */
    public boolean listening() {
        return listening;
    }

    @EventListener
    public void onClosed(ClientSessionClosed closed) {
        marks.remove(closed.sessionId());
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                // notifications sent before the listen are lost: every session may have something waiting
                epoch.incrementAndGet();
                listening = true;
                log.info("Listening for CSP wake signals on channel {}", CHANNEL);
                tell(null);
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        Set<String> signalled = new HashSet<>();
                        for (PGNotification n : notifications) {
                            for (String msisdn : n.getParameter().split(",")) {
                                raiseOne(msisdn);
                                signalled.add(msisdn);
                            }
                        }
                        tell(signalled);
                    }
                }
                listening = false;
                try (Statement statement = connection.createStatement()) {
                    statement.execute("unlisten *"); // the connection goes back to the pool
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                epoch.incrementAndGet();
                if (running) {
                    log.warn("CSP wake signals lost ({}); every poll reads until the listening connection is back", e.toString());
                    try {
                        Thread.sleep(RETRY_MILLIS);
                    } catch (InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            } finally {
                listening = false;
            }
        }
    }

    /** Tells the listeners who was signalled; null: anyone may have been (signals were lost). */
    private void tell(Set<String> signalled) {
        for (Listener l : listeners) {
            try {
                if (signalled == null) {
                    l.anyoneMayWait();
                } else {
                    l.signalled(signalled);
                }
            } catch (RuntimeException e) {
                log.warn("A CSP wake signal listener failed", e);
            }
        }
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofPlatform().name("wv-wake-listener").daemon().start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        listening = false;
        if (listener != null) {
            try {
                listener.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Hears the signals on the listening thread: must not block. */
    public interface Listener {

        /** Something may now wait for these subscribers (E.164 numbers). */
        void signalled(Set<String> msisdns);

        /** Signals may have been lost (the listening connection was down): something may wait for anyone. */
        void anyoneMayWait();
    }

    /** What a poll that looks hands back: the session's mark as it was, and the value read before looking. */
    public record Ticket(AtomicLong mark, long before, long value) {
    }
}
