package io.mobim.platform.interconnect;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.consumer.Outage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One lane per peer operator, each a thread of its own handing its peer's queued rows over one at a time, in order
 * ({@link OutboundDispatcher#handOverNext}): a peer that is down keeps only its own lane waiting, with backoff (doubling
 * from {@code initialBackoff} up to {@code maxBackoff}), while the other lanes go on. A lane runs when woken (a record
 * parked for its peer) and every {@code pollInterval} (rows another instance parked, or a line another instance held).
 * A poller opens a lane for any operator rows wait for that is no longer configured; that lane refuses the rows and ends.
 * What each lane last saw of its peer is its {@link PeerState}.
 */
final class PeerLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeerLanes.class);

    /** What a lane knows of its peer: down since when and why, or up. */
    record PeerState(boolean down, Instant since, String reason) {
    }

    private final OutboundDispatcher dispatcher;
    private final JdbcClient jdbc;
    private final Set<String> configured;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Duration pollInterval;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Lane> lanes = new ConcurrentHashMap<>();
    private volatile boolean running;
    private Thread poller;

    PeerLanes(OutboundDispatcher dispatcher, JdbcClient jdbc, Set<String> configured, Duration initialBackoff, Duration maxBackoff,
              Duration pollInterval, Clock clock, MeterRegistry meters) {
        this.dispatcher = dispatcher;
        this.jdbc = jdbc;
        this.configured = Set.copyOf(configured);
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.pollInterval = pollInterval;
        this.clock = clock;
        this.meters = meters;
    }

    /** Something was parked for {@code peer}: its lane looks at once. */
    void wake(String peer) {
        if (running) {
            lane(peer).wake();
        }
    }

    /** What each configured peer's lane last saw of it. */
    Map<String, PeerState> states() {
        Map<String, PeerState> states = new TreeMap<>();
        for (String peer : configured) {
            Lane lane = lanes.get(peer);
            states.put(peer, lane == null ? new PeerState(false, null, null) : lane.state);
        }
        return states;
    }

    @Override
    public synchronized void start() {
        running = true;
        configured.forEach(this::lane);
        poller = Thread.ofPlatform().daemon().name("mobim-interconnect-lanes").start(this::poll);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.interrupt();
        }
        lanes.values().forEach(l -> l.thread.interrupt());
        for (Lane lane : lanes.values()) {
            try {
                lane.thread.join(Duration.ofSeconds(15));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        lanes.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private Lane lane(String peer) {
        return lanes.computeIfAbsent(peer, Lane::new);
    }

    private void poll() {
        while (running) {
            try {
                // each lane looks again on its own every pollInterval: this only opens lanes for operators no longer
                // configured that rows still wait for
                jdbc.sql("select distinct peer_operator from im.interconnect_queue").query(String.class).list().forEach(this::lane);
            } catch (RuntimeException e) {
                log.warn("Could not look for queued peers: {}", e.getMessage());
            }
            try {
                Thread.sleep(pollInterval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private final class Lane {
        private final String peer;
        private final Semaphore woken = new Semaphore(0);
        private final Thread thread;
        private volatile PeerState state = new PeerState(false, null, null);

        Lane(String peer) {
            this.peer = peer;
            if (configured.contains(peer)) {
                Gauge.builder("mobim.interconnect.peer.down", this, l -> l.state.down() ? 1 : 0)
                        .description("1 while the peer operator's platform is down (its messages wait), else 0")
                        .tag("peer", peer).register(meters);
            }
            this.thread = Thread.ofPlatform().daemon().name("mobim-interconnect-" + peer).start(this::run);
        }

        void wake() {
            if (woken.availablePermits() == 0) {
                woken.release();
            }
        }

        private void run() {
            Duration backoff = initialBackoff;
            while (running) {
                try {
                    OutboundDispatcher.Turn turn = dispatcher.handOverNext(peer);
                    backoff = initialBackoff;
                    if (turn == OutboundDispatcher.Turn.HANDED_OVER) {
                        up();
                        continue;
                    }
                    if (turn == OutboundDispatcher.Turn.EMPTY && !configured.contains(peer)) {
                        lanes.remove(peer, this);   // its rows are all refused: the poller opens it again if more come
                        return;
                    }
                    woken.drainPermits();
                    woken.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                } catch (Outage e) {
                    down(e.getMessage());
                    backoff = sleep(backoff);
                } catch (RuntimeException e) {
                    // the database away, most likely: the row stays, this lane tries again
                    log.warn("Handing over to {} failed, will retry: {}", peer, e.toString());
                    backoff = sleep(backoff);
                }
                if (backoff == null) {
                    return;
                }
            }
        }

        /** Waits {@code backoff}; returns the next one, or null when interrupted. */
        private Duration sleep(Duration backoff) {
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                return null;
            }
            Duration next = backoff.multipliedBy(2);
            return next.compareTo(maxBackoff) > 0 ? maxBackoff : next;
        }

        private void up() {
            if (state.down() || state.since() == null) {
                if (state.down()) {
                    log.info("{} is back", peer);
                }
                state = new PeerState(false, clock.instant(), null);
            }
        }

        private void down(String reason) {
            if (!state.down()) {
                log.warn("{} is down, its messages wait: {}", peer, reason);
                state = new PeerState(true, clock.instant(), reason);
            } else {
                state = new PeerState(true, state.since(), reason);
            }
        }
    }
}
