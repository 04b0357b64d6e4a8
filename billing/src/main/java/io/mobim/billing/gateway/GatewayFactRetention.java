package io.mobim.billing.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Deletes billing's gateway facts once their business day is older than the retention
 * ({@code mobim.billing.reconciliation.gateway.retention}): at start and every hour, in batches of its own
 * transaction each, so that a backlog (a first run on a year of facts) never holds one long transaction. Safe on every
 * billing instance at once: a fact two instances both pick is deleted by one, and the other's delete finds it gone.
 */
public class GatewayFactRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GatewayFactRetention.class);

    /** Facts a batch deletes at most. */
    static final int BATCH = 10_000;
    /** Batches per run: what a larger backlog leaves is deleted by the next runs. */
    static final int BATCHES_PER_RUN = 50;

    private final GatewayFactStore store;
    private final Clock clock;
    private final ZoneId businessZone;
    private final UnaryOperator<LocalDate> firstKeptDay;
    private final Counter purged;
    private ScheduledExecutorService scheduler;

    /**
     * @param firstKeptDay the first business day kept, given today's (in the business zone)
     */
    public GatewayFactRetention(GatewayFactStore store, Clock clock, ZoneId businessZone,
                                UnaryOperator<LocalDate> firstKeptDay, MeterRegistry meters) {
        this.store = store;
        this.clock = clock;
        this.businessZone = businessZone;
        this.firstKeptDay = firstKeptDay;
        this.purged = Counter.builder("mobim.billing.gateway-facts.purged")
                .description("Gateway facts deleted once older than mobim.billing.reconciliation.gateway.retention")
                .register(meters);
    }

    /** One run: deletes the facts of days before the first kept one, up to {@link #BATCHES_PER_RUN} batches. */
    public int purge() {
        LocalDate keepFrom = firstKeptDay.apply(LocalDate.now(clock.withZone(businessZone)));
        int total = 0;
        for (int i = 0; i < BATCHES_PER_RUN; i++) {
            int deleted = store.deleteBefore(keepFrom, BATCH);
            total += deleted;
            purged.increment(deleted);
            if (deleted < BATCH) {
                break;
            }
        }
        if (total > 0) {
            log.info("Deleted {} gateway facts of business days before {}", total, keepFrom);
        }
        return total;
    }

    private void tryPurge() {
        try {
            purge();
        } catch (RuntimeException e) {
            // the next run deletes what this one could not; reports never read days past the retention
            log.warn("Could not delete expired gateway facts: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "billing-gateway-retention");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::tryPurge, 0, 1, TimeUnit.HOURS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
