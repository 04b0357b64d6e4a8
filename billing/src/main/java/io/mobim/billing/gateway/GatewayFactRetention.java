package io.mobim.billing.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes billing's gateway facts once their business day is older than the retention
 * ({@code mobim.billing.reconciliation.gateway.retention}): every hour, in batches of their own transaction
 * each, so that a backlog (a first run on a year of facts) never holds one long transaction. Safe on every
 * billing instance at once: a fact two instances both pick is deleted by one, and the other's delete finds it gone.
 */
public class GatewayFactRetention {

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

    /** Every instance, hourly, from a minute after start (the application's scheduler, as other retentions). */
    @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
    void scheduledPurge() {
        purge();
    }
}
