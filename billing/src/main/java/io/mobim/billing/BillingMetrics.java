package io.mobim.billing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mobim.billing.rating.RejectReason;
import java.util.EnumMap;
import java.util.Map;

/**
 * Billing's meters: {@code billing.events.rated}, {@code billing.events.rejected{reason}},
 * {@code billing.events.duplicate} (replays skipped), {@code billing.events.dead_lettered} and
 * {@code billing.rating.batch} (latency of rating and committing one batch).
 */
public class BillingMetrics {

    private final Counter rated;
    private final Counter duplicates;
    private final Counter deadLettered;
    private final Map<RejectReason, Counter> rejected = new EnumMap<>(RejectReason.class);
    private final Timer batch;

    public BillingMetrics(MeterRegistry registry) {
        this.rated = Counter.builder("billing.events.rated").description("charging events rated into records").register(registry);
        this.duplicates = Counter.builder("billing.events.duplicate").description("replayed events already rated or rejected").register(registry);
        this.deadLettered = Counter.builder("billing.events.dead_lettered").description("malformed records sent to charging.v1.dlt").register(registry);
        for (RejectReason r : RejectReason.values()) {
            rejected.put(r, Counter.builder("billing.events.rejected").tag("reason", r.name())
                    .description("charging events kept as rejected records").register(registry));
        }
        this.batch = Timer.builder("billing.rating.batch").description("rating and committing one batch").register(registry);
    }

    public void rated(long n) { rated.increment(n); }
    public void duplicates(long n) { duplicates.increment(n); }
    public void deadLettered() { deadLettered.increment(); }
    public void rejected(RejectReason reason) { rejected.get(reason).increment(); }
    public Timer batchTimer() { return batch; }
}
