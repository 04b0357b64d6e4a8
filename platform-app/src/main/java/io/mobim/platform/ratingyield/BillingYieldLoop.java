package io.mobim.platform.ratingyield;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.smpp.mo.HandledMoLag;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Looks at the SMS path's backlog every {@code checkEvery} and pauses or resumes billing's listener containers as
 * {@link RatingYield} decides. A paused container keeps its partitions and its place; what arrives meanwhile waits
 * in Kafka and is rated when it resumes.
 */
final class BillingYieldLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BillingYieldLoop.class);

    private final HandledMoLag backlog;
    private final KafkaListenerEndpointRegistry registry;
    private final List<String> containerIds;
    private final RatingYieldSettings settings;
    private final RatingYield yield;
    private final Counter bursts;
    private final Counter overloads;
    private volatile RatingYield.State applied = RatingYield.State.RATING;
    private ScheduledExecutorService scheduler;

    BillingYieldLoop(HandledMoLag backlog, KafkaListenerEndpointRegistry registry, List<String> containerIds,
                     RatingYieldSettings settings, MeterRegistry meters) {
        this.backlog = backlog;
        this.registry = registry;
        this.containerIds = List.copyOf(containerIds);
        this.settings = settings;
        this.yield = new RatingYield(settings.backlog(), settings.clearedBelow(), settings.settleFor(), settings.maxDeferral());
        Gauge.builder("mobim.rating.yielding", this, loop -> loop.applied == RatingYield.State.YIELDING ? 1 : 0)
                .description("1 while billing's consumers stand aside for a burst of SMS commands").register(meters);
        this.bursts = Counter.builder("mobim.rating.yields")
                .description("bursts of SMS commands billing's consumers paused for").register(meters);
        this.overloads = Counter.builder("mobim.rating.yield.overloads")
                .description("backlogs that outlasted mobim.rating-yield.max-deferral: rating resumed beside them").register(meters);
    }

    /** Looks at the backlog once and applies the decision; the scheduler calls it every {@code checkEvery}. */
    void check() {
        long waiting = backlog.estimate();
        RatingYield.State next = yield.next(waiting, System.nanoTime());
        if (next == applied) {
            return;
        }
        switch (next) {
            case YIELDING -> {
                bursts.increment();
                log.debug("Billing's consumers pause for a burst of SMS commands ({} MOs waiting)", waiting);
            }
            case RATING_THROUGH_OVERLOAD -> {
                overloads.increment();
                log.info("The SMS path's backlog ({} MOs) outlasted {}: billing rates beside it until it settles",
                        waiting, settings.maxDeferral());
            }
            case RATING -> log.debug("Billing's consumers resume ({} MOs waiting)", waiting);
        }
        boolean pause = next == RatingYield.State.YIELDING;
        for (String id : containerIds) {
            MessageListenerContainer container = registry.getListenerContainer(id);
            if (container == null) {
                continue;
            }
            if (pause) {
                container.pause();
            } else {
                container.resume();
            }
        }
        applied = next;
    }

    RatingYield.State state() {
        return applied;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null || !settings.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "rating-yield");
            t.setDaemon(true);
            return t;
        });
        long every = settings.checkEvery().toNanos();
        scheduler.scheduleWithFixedDelay(this::checkSafely, every, every, TimeUnit.NANOSECONDS);
    }

    private void checkSafely() {
        try {
            check();
        } catch (RuntimeException e) {
            log.warn("Could not apply the rating yield: {}", Objects.toString(e.getMessage(), e.getClass().getName()));
        }
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
