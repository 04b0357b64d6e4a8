package io.mobim.smpp.mt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.esme.SubmitException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When failed work is tried again: an MT part after a throttled, queue-full, temporary or unanswered submit (a
 * doubling backoff from {@code mt.retry-initial} up to {@code mt.retry-max}, the last attempt at the MT's expiry),
 * and outcomes Kafka did not take. One thread ({@code smpp-mt-retry}) that also runs the MT pager. After
 * {@link #close} nothing more runs: what was waiting stays PENDING (or unpublished) in the ledger for the next start.
 */
final class RetryScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RetryScheduler.class);

    private final SmppProperties.Mt config;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger retrying = new AtomicInteger();
    private final Map<SubmitException.Reason, Counter> retries = new ConcurrentHashMap<>();

    RetryScheduler(SmppProperties.Mt config, MeterRegistry registry, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-mt-retry");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("mobim.smpp.mt.queue", retrying, AtomicInteger::get).tag("state", "retrying")
                .description("MTs waiting for their next attempt").register(registry);
    }

    /** MTs waiting for their next attempt. */
    int retrying() {
        return retrying.get();
    }

    /** Counts a transient submit failure by its reason ({@code mobim.smpp.mt.retries}). */
    void count(SubmitException.Reason reason) {
        retries.computeIfAbsent(reason, r -> Counter.builder("mobim.smpp.mt.retries").tag("reason", r.name())
                .description("MT parts to be tried again").register(registry)).increment();
    }

    /** The doubling backoff of attempt {@code attempt} (0 = the first retry), at most {@code mt.retry-max}. */
    long backoffMillis(int attempt) {
        return Math.min(config.retryMax().toMillis(), config.retryInitial().toMillis() << Math.min(attempt, 20));
    }

    /** Hands {@code job} back to {@code requeue} after its backoff, no later than its expiry. */
    void retryLater(MtJob job, SubmitException cause, Consumer<MtJob> requeue) {
        int attempt = job.attempt++;
        long delay = Math.max(1, backoffMillis(attempt));
        long untilExpiry = Duration.between(clock.instant(), job.mt.expiresAt()).toMillis();
        delay = Math.max(0, Math.min(delay, untilExpiry)); // the last attempt happens at expiry and reports EXPIRED
        if (attempt == 0 || attempt % 10 == 0) {
            log.debug("MT {} attempt {} failed ({}); next in {} ms", job.mt.requestId(), attempt + 1,
                    cause == null ? "error" : cause.reason(), delay);
        }
        retrying.incrementAndGet();
        try {
            scheduler.schedule(() -> {
                retrying.decrementAndGet();
                requeue.accept(job);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retrying.decrementAndGet(); // closing: PENDING in the ledger for the next start
        }
    }

    /** Runs {@code task} after {@code delayMillis}; false if closing (the ledger keeps what it was for). */
    boolean schedule(Runnable task, long delayMillis) {
        try {
            scheduler.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    /** Runs {@code task} on this thread soon; false if closing. */
    boolean execute(Runnable task) {
        return schedule(task, 0);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
