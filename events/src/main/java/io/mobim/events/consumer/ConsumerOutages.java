package io.mobim.events.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.MalformedEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.log.LogAccessor;

/**
 * What the consumers of this process are going through: which of them are waiting out an outage (since when, and
 * why), and how many of their records failed or were dead-lettered, by {@link FailureKind}. A listener is waiting
 * from its first failure of kind {@link FailureKind#OUTAGE} until a poll of it is handled again.
 *
 * <p>Meters: gauge {@code mobim.kafka.consumer.outage.seconds{listener}} (0 when not waiting), counters
 * {@code mobim.kafka.consumer.failures{listener,kind}} and {@code mobim.kafka.consumer.dead_lettered{listener,kind}}.
 */
public final class ConsumerOutages {

    private static final LogAccessor LOG = new LogAccessor(ConsumerOutages.class);

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, Boolean> gauged = new ConcurrentHashMap<>();

    public ConsumerOutages(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    /** A listener waiting out an outage: since its first failure, the latest reason, the failures so far. */
    public record Waiting(Instant since, String reason, long failures) {
    }

    /** The listeners waiting out an outage now, by name. */
    public Map<String, Waiting> waiting() {
        return new TreeMap<>(waiting);
    }

    void failed(String listener, FailureKind kind, Throwable failure) {
        gauge(listener);
        Counter.builder("mobim.kafka.consumer.failures").tag("listener", listener).tag("kind", kind.name())
                .description("records (or polls) whose handling failed, by kind of failure").register(meters).increment();
        if (kind != FailureKind.OUTAGE) {
            return;
        }
        String reason = MalformedEvent.reasonOf(failure);
        Waiting now = waiting.compute(listener, (l, w) -> w == null ? new Waiting(clock.instant(), reason, 1)
                : new Waiting(w.since(), reason, w.failures() + 1));
        if (now.failures() == 1 || Long.bitCount(now.failures()) == 1) {   // the first, then ever more rarely
            LOG.warn(() -> "Consumer " + listener + " is waiting out an outage since " + now.since() + " (" + now.failures()
                    + " failures; records are kept and retried, not dead-lettered): " + reason);
        }
    }

    void deadLettered(String listener, FailureKind kind) {
        Counter.builder("mobim.kafka.consumer.dead_lettered").tag("listener", listener).tag("kind", kind.name())
                .description("records sent to their dead-letter topic, by kind of failure").register(meters).increment();
    }

    void handled(String listener) {
        Waiting ended = waiting.remove(listener);
        if (ended != null) {
            LOG.info(() -> "Consumer " + listener + " is consuming again after an outage of "
                    + Duration.between(ended.since(), clock.instant()).toSeconds() + " s (" + ended.failures() + " failures)");
        }
    }

    private void gauge(String listener) {
        gauged.computeIfAbsent(listener, l -> {
            Gauge.builder("mobim.kafka.consumer.outage.seconds", waiting, w -> {
                Waiting current = w.get(l);
                return current == null ? 0 : Duration.between(current.since(), clock.instant()).toMillis() / 1000.0;
            }).tag("listener", l).description("how long the listener has been waiting out an outage (0: it is not)")
                    .register(meters);
            return true;
        });
    }
}
