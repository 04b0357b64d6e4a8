package io.mobim.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Renews the node lease on a thread of its own; started before the outbox relay and stopped after it, when it
 * releases the lease. A renewal that fails (the database is away) is retried at the next beat: the lease is lost
 * only if nobody renews it for its whole time to live and another instance takes it.
 */
final class NodeLeaseHeartbeat implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NodeLeaseHeartbeat.class);

    private final NodeLease lease;
    private final Duration interval;
    private ScheduledExecutorService timer;

    /** {@code identity}: renewed if it is a {@link NodeLease}; a fixed node id needs nothing. */
    NodeLeaseHeartbeat(NodeIdentity identity, Duration interval) {
        this.lease = identity instanceof NodeLease l ? l : null;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (timer != null || lease == null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("node-lease").daemon().factory());
        timer.scheduleWithFixedDelay(this::beat, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void beat() {
        try {
            lease.heartbeat();
        } catch (RuntimeException e) {
            log.warn("Could not renew the node lease, will retry: {}", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer == null) {
            return;
        }
        timer.shutdownNow();
        timer = null;
        try {
            lease.release();
        } catch (RuntimeException e) {
            log.warn("Could not release the node lease (it expires by itself): {}", e.toString());
        }
    }

    @Override
    public boolean isRunning() {
        return timer != null;
    }

    /** Before the relay starts, after it stops. */
    @Override
    public int getPhase() {
        return DEFAULT_PHASE - 1000;
    }
}
