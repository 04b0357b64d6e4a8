package io.mobim.clearing.matching;

import io.mobim.clearing.job.Progress;
import io.mobim.events.MalformedEvent;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.log.LogAccessor;

/**
 * Runs matching every {@code mobim.clearing.matching.interval}, so that consumed records become matches and disputes
 * without anyone asking. Several clearing instances take turns (the clearing lock); a failed run (the database away)
 * is simply run again at the next tick.
 */
public class MatchingSchedule implements SmartLifecycle {

    private static final LogAccessor LOG = new LogAccessor(MatchingSchedule.class);

    private final MatchingService matching;
    private final Duration interval;
    private ScheduledExecutorService timer;

    public MatchingSchedule(MatchingService matching, Duration interval) {
        this.matching = matching;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (interval.isZero() || timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clearing-matching");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void runOnce() {
        try {
            MatchingService.Result r = matching.run(Progress.NONE);
            if (r.records() > 0 || r.oneSided() > 0) {
                LOG.info(() -> "Matching run " + r.run() + ": " + r.records() + " records, " + r.messages() + " messages, "
                        + r.oneSided() + " one-sided disputes; open: " + r.open());
            }
        } catch (RuntimeException e) {
            LOG.warn(() -> "Matching run failed; it runs again in " + interval + ": " + MalformedEvent.reasonOf(e));
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
