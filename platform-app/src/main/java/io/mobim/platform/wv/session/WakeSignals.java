package io.mobim.platform.wv.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.platform.presence.ClientSessionClosed;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
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
 * commit by the triggers of {@code V33} and {@code V47}, naming the subscribers and, since V47, what {@link Kind} of
 * thing may wait for them); this instance listens on one connection.
 *
 * <p>Per subscriber a counter per kind goes up with every signal; a poll that found nothing of a kind records the
 * counter (plus an epoch) it read <em>before</em> it looked, and the session's next poll looks at that kind only if
 * the value moved: a poll woken by a message reads the messages, not the invitations and presence changes as well. A
 * signal raised while a poll runs therefore moves the counter past what the poll recorded: the next poll looks. A
 * signal that names no kind (a writer of V33's time) counts for every kind. A session this instance has not seen yet
 * (a fresh instance, a session logged in elsewhere) starts as "maybe waiting" for every kind; while the listening
 * connection is down every poll reads, and when it is back every session is "maybe waiting" again (the epoch moves),
 * since notifications sent meanwhile are lost.
 *
 * <p>The {@link Kind#SETTINGS} counter is not polled: it moves when a session of the subscriber changed what it agreed
 * (delivery method, keep-alive), so that an instance holding a copy of those knows to read them again
 * ({@link #settingsVersion}).
 *
 * <p>{@link Listener}s (the CIR channels this instance holds) hear the subscribers of each batch of notifications
 * that may have something to poll, each with the first kind signalled in the order a poll looks, and that anyone may
 * be waiting when the listening connection is back.
 */
public class WakeSignals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WakeSignals.class);
    static final String CHANNEL = "im_wake";
    /** A payload's first element naming the kinds signalled, as {@code @mr} (V47). */
    private static final char KINDS_MARK = '@';
    /** Beyond this many sessions remembered the memory starts over: each session then reads once. */
    private static final int SESSIONS_REMEMBERED = 400_000;
    private static final int WAIT_MILLIS = 500;
    private static final long RETRY_MILLIS = 1_000;
    private static final Kind[] KINDS = Kind.values();
    private static final int ALL_POLLED = (1 << Kind.POLLED) - 1;

    /** What a signal says may wait (or have changed) for a subscriber; the first {@link #POLLED} are what polls look at. */
    public enum Kind {
        MESSAGE('m'), REPORT('r'), INVITATION('i'), GROUP_NOTICE('g'), AUTHORIZATION_REQUEST('a'), PRESENCE('p'),
        /** A session of the subscriber agreed something new (delivery method, keep-alive). */
        SETTINGS('s');

        /** How many kinds a poll looks at: the constants before {@link #SETTINGS}. */
        static final int POLLED = 6;

        private final char code;

        Kind(char code) {
            this.code = code;
        }

        /** Whether a poll hands out something of this kind (all but {@link #SETTINGS}). */
        public boolean polled() {
            return ordinal() < POLLED;
        }

        static Kind ofCode(char c) {
            for (Kind k : KINDS) {
                if (k.code == c) {
                    return k;
                }
            }
            return null;
        }
    }

    private final DataSource dataSource;
    /** Signals raised per subscriber and kind; never removed, so that a value once recorded never comes round again. */
    private final Map<String, AtomicLongArray> raised = new ConcurrentHashMap<>();
    /** Per session and polled kind: the value read before its last poll that found nothing, or a negative "maybe waiting". */
    private final Map<UUID, AtomicLongArray> marks = new ConcurrentHashMap<>();
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
     * ticket naming the kinds to look at, to hand back with what the poll found of each.
     */
    public Ticket check(WvSession session) {
        AtomicLongArray counter = counters(session.msisdn().value());
        AtomicLongArray mark = marks.get(session.clientSession());
        if (mark == null) {
            if (marks.size() >= SESSIONS_REMEMBERED) {
                marks.clear();
            }
            mark = marks.computeIfAbsent(session.clientSession(), s -> maybeWaiting());
        }
        long[] before = new long[Kind.POLLED];
        long[] value = new long[Kind.POLLED];
        for (int k = 0; k < Kind.POLLED; k++) {
            before[k] = mark.get(k);
        }
        // read the epoch and the counters before the poll looks: whatever is signalled from now on moves them
        long e = epoch.get();
        boolean trusted = listening;
        int look = 0;
        for (int k = 0; k < Kind.POLLED; k++) {
            value[k] = e + counter.get(k);
            if (!trusted || before[k] != value[k]) {
                look |= 1 << k;
            }
        }
        if (look == 0) {
            fromMemory.increment();
            return null;
        }
        fromDatabase.increment();
        return new Ticket(mark, before, value, look);
    }

    /** The poll found nothing of any kind it looked at: until something is signalled, its polls are answered from memory. */
    public void nothingFound(Ticket ticket) {
        for (int k = 0; k < Kind.POLLED; k++) {
            if ((ticket.look & (1 << k)) != 0) {
                nothingFound(ticket, KINDS[k]);
            }
        }
    }

    /** The poll found nothing of {@code kind}: the session's polls skip it until it is signalled. */
    public void nothingFound(Ticket ticket, Kind kind) {
        int k = kind.ordinal();
        // a concurrent poll of the same session that found something has moved the mark: it stays "maybe waiting"
        ticket.mark.compareAndSet(k, ticket.before[k], ticket.value[k]);
    }

    /** The poll handed something out: more may wait of every kind it looked at, the next poll looks again. */
    public void found(Ticket ticket) {
        for (int k = 0; k < Kind.POLLED; k++) {
            if ((ticket.look & (1 << k)) != 0) {
                found(ticket, KINDS[k]);
            }
        }
    }

    /** The poll handed out something of {@code kind}: more may wait, the next poll looks at it again. */
    public void found(Ticket ticket, Kind kind) {
        ticket.mark.set(kind.ordinal(), -maybe.incrementAndGet());
    }

    /**
     * Signals a subscriber on this instance at once, after a commit that queued something of every kind for them (the
     * database's notification follows, for every instance).
     */
    public void raise(Msisdn msisdn) {
        raiseOne(msisdn.value(), ALL_POLLED | 1 << Kind.SETTINGS.ordinal());
    }

    /** {@link #raise(Msisdn)} for one kind. */
    public void raise(Msisdn msisdn, Kind kind) {
        raiseOne(msisdn.value(), 1 << kind.ordinal());
    }

    /**
     * A value that moves whenever a session of {@code msisdn} changes its settings, on any instance; negative while
     * this instance cannot tell (not listening), when a copy of them must be read again on every use.
     */
    public long settingsVersion(Msisdn msisdn) {
        AtomicLongArray counter = counters(msisdn.value());
        long e = epoch.get();
        return listening ? e + counter.get(Kind.SETTINGS.ordinal()) : -1;
    }

    private AtomicLongArray counters(String msisdn) {
        AtomicLongArray counter = raised.get(msisdn);
        return counter != null ? counter : raised.computeIfAbsent(msisdn, m -> new AtomicLongArray(KINDS.length));
    }

    private AtomicLongArray maybeWaiting() {
        AtomicLongArray mark = new AtomicLongArray(Kind.POLLED);
        long m = -maybe.incrementAndGet();
        for (int k = 0; k < Kind.POLLED; k++) {
            mark.set(k, m);
        }
        return mark;
    }

    private void raiseOne(String msisdn, int kinds) {
        AtomicLongArray counter = raised.get(msisdn);
        if (counter != null) {
            for (int k = 0; k < KINDS.length; k++) {
                if ((kinds & (1 << k)) != 0) {
                    counter.incrementAndGet(k);
                }
            }
        }
    }

    /** The kinds a payload's first element names ({@code @mr}), or every kind when it names none. */
    static int kindsOf(String first) {
        if (first.isEmpty() || first.charAt(0) != KINDS_MARK) {
            return (1 << KINDS.length) - 1;
        }
        int kinds = 0;
        for (int i = 1; i < first.length(); i++) {
            Kind k = Kind.ofCode(first.charAt(i));
            // a kind this version does not know may be something a poll hands out: look at everything
            kinds |= k == null ? (1 << KINDS.length) - 1 : 1 << k.ordinal();
        }
        return kinds;
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
                        Map<String, Kind> signalled = new HashMap<>();
                        for (PGNotification n : notifications) {
                            String[] names = n.getParameter().split(",");
                            int kinds = kindsOf(names[0]);
                            int polled = kinds & ALL_POLLED;
                            // the kinds are in the order a poll looks at them: the lowest is what it hands out first
                            Kind first = polled == 0 ? null : KINDS[Integer.numberOfTrailingZeros(polled)];
                            for (String msisdn : names) {
                                raiseOne(msisdn, kinds);
                                if (first != null && !msisdn.isEmpty() && msisdn.charAt(0) != KINDS_MARK) {
                                    signalled.merge(msisdn, first, (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                                }
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
    private void tell(Map<String, Kind> signalled) {
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

        /**
         * Something a poll hands out may now wait for these subscribers (E.164 numbers), each with the first kind
         * signalled for them in the order a poll looks (what their next poll may hand out first).
         */
        void signalled(Map<String, Kind> msisdns);

        /** Signals may have been lost (the listening connection was down): something may wait for anyone. */
        void anyoneMayWait();
    }

    /**
     * What a poll that looks hands back: the session's marks as they were and the values read before looking, per
     * polled kind, and the kinds to look at.
     */
    public static final class Ticket {
        private final AtomicLongArray mark;
        private final long[] before;
        private final long[] value;
        private final int look;

        Ticket(AtomicLongArray mark, long[] before, long[] value, int look) {
            this.mark = mark;
            this.before = before;
            this.value = value;
            this.look = look;
        }

        /** Whether the poll has to look at {@code kind}: it may have been signalled, or the session is new here. */
        public boolean looks(Kind kind) {
            return (look & (1 << kind.ordinal())) != 0;
        }
    }
}
