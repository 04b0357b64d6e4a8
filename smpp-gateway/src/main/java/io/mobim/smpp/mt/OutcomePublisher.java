package io.mobim.smpp.mt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes an MT's outcome (ACCEPTED, REJECTED, EXPIRED) to the {@link DlrSink} once the ledger has it, and marks
 * it published in the ledger (through the {@link LedgerWriter}, never on the Kafka producer's thread) once Kafka
 * has it. Kafka not taking it is retried with backoff; an outcome still unpublished at shutdown is published by
 * the next start. Counts {@code mobim.smpp.mt{outcome}}.
 */
final class OutcomePublisher {

    private static final Logger log = LoggerFactory.getLogger(OutcomePublisher.class);

    private final DlrSink dlrSink;
    private final LedgerWriter writer;
    private final RetryScheduler retries;
    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<MtLedger.State, Counter> outcomes = new ConcurrentHashMap<>();

    OutcomePublisher(DlrSink dlrSink, LedgerWriter writer, RetryScheduler retries, MeterRegistry registry, Clock clock) {
        this.dlrSink = dlrSink;
        this.writer = writer;
        this.retries = retries;
        this.registry = registry;
        this.clock = clock;
    }

    /** An MT left PENDING in the ledger: counts and publishes its outcome. */
    void finished(SmsMt mt, MtLedger.State state, String errorCode, List<String> ids) {
        outcomes.computeIfAbsent(state, s -> Counter.builder("mobim.smpp.mt").tag("outcome", s.name().toLowerCase())
                .description("MTs by outcome").register(registry)).increment();
        publish(mt, state, errorCode, ids);
    }

    /** Publishes the outcome of an MT (also one a previous run left unpublished). */
    void publish(SmsMt mt, MtLedger.State state, String errorCode, List<String> ids) {
        publish(mt, toStatus(state), errorCode, ids, 0);
    }

    private void publish(SmsMt mt, SmsDlr.Status status, String errorCode, List<String> ids, int attempt) {
        SmsDlr dlr = SmsDlr.of(mt.requestId(), mt.to(), status, ids, errorCode, clock.instant(), mt.service());
        CompletableFuture<?> future;
        try {
            future = dlrSink.publish(dlr);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((ok, failure) -> {
            if (failure == null) {
                writer.outcomePublished(mt.requestId()); // queued: not written on the Kafka producer's I/O thread
                return;
            }
            long delay = retries.backoffMillis(attempt);
            log.warn("outcome of MT {} not published ({}); retrying in {} ms", mt.requestId(), failure.toString(), delay);
            // when closing it stays unpublished in the ledger: the next start publishes it
            retries.schedule(() -> publish(mt, status, errorCode, ids, attempt + 1), delay);
        });
    }

    private static SmsDlr.Status toStatus(MtLedger.State state) {
        return switch (state) {
            case ACCEPTED, PENDING -> SmsDlr.Status.ACCEPTED;
            case REJECTED -> SmsDlr.Status.REJECTED;
            case EXPIRED -> SmsDlr.Status.EXPIRED;
        };
    }
}
