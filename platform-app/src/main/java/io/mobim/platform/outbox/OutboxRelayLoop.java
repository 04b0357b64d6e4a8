package io.mobim.platform.outbox;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the relay on a thread of its own: at once when a transaction of this instance commits outbox records, and
 * every {@code interval} otherwise (records left by another instance, a round that failed). Waking on commit
 * takes the polling pause (25 ms on average at the 50 ms default) off every MT and charging event; wake-ups
 * coalesce, because one drain takes everything committed before it began.
 */
final class OutboxRelayLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelayLoop.class);

    private final Runnable drain;
    private final Duration interval;
    private final Duration stopTimeout;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    OutboxRelayLoop(Runnable drain, Duration interval, Duration stopTimeout) {
        this.drain = drain;
        this.interval = interval;
        this.stopTimeout = stopTimeout;
    }

    /** Asks for a drain as soon as the current one (if any) is over. Cheap; safe from any thread. */
    void wakeUp() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::loop);
    }

    private void loop() {
        while (running) {
            try {
                drain.run();
            } catch (RuntimeException e) {
                // the relay reports its own failures; this keeps the loop alive whatever else goes wrong
                log.warn("Outbox relay failed, will retry: {}", e.toString());
            }
            try {
                wake.tryAcquire(interval.toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Lets the round in progress finish (it is never interrupted half-way), then ends the thread. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake.release();
        try {
            thread.join(stopTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
