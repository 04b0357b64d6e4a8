package io.mobim.smpp.mt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the MT ledger to what the gateway may still need: every hour it forgets the MTs that are over and were taken
 * longer than {@code mobim.smpp.mt.ledger-retention} ago ({@link MtLedger#forget}). Without it the ledger would
 * grow by a row per MT and one per part for as long as the gateway runs. Each instance runs it; forgetting is
 * idempotent, so instances sharing a ledger only split the work.
 */
public final class MtLedgerRetention implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MtLedgerRetention.class);
    /** MTs forgotten per statement (and transaction): short enough not to hold the ledger's writers back. */
    static final int BATCH = 5_000;
    private static final Duration EVERY = Duration.ofHours(1);

    private final MtLedger ledger;
    private final Duration retention;
    private final Clock clock;
    private final Counter forgotten;
    private final ScheduledExecutorService scheduler;

    public MtLedgerRetention(MtLedger ledger, Duration retention, MeterRegistry registry, Clock clock) {
        this.ledger = ledger;
        this.retention = retention;
        this.clock = clock;
        this.forgotten = Counter.builder("mobim.smpp.mt.ledger.forgotten")
                .description("MTs forgotten by the ledger once over and older than its retention").register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-mt-ledger-retention");
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs the first round a minute after start, then every hour. */
    public void start() {
        scheduler.scheduleWithFixedDelay(this::runOnce, 60, EVERY.toSeconds(), TimeUnit.SECONDS);
    }

    /** Forgets every MT the retention lets go, a batch at a time; returns how many. */
    public int forgetOverdue() {
        int total = 0;
        int n;
        do {
            n = ledger.forget(clock.instant().minus(retention), BATCH);
            total += n;
            forgotten.increment(n);
        } while (n == BATCH);
        return total;
    }

    private void runOnce() {
        try {
            int n = forgetOverdue();
            if (n > 0) {
                log.info("MT ledger: forgot {} MTs over for longer than {}", n, retention);
            }
        } catch (RuntimeException e) {
            // the next round tries again; nothing is lost by waiting
            log.warn("MT ledger retention failed, will retry in {}: {}", EVERY, e.toString());
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
