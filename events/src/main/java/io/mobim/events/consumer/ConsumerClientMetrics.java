package io.mobim.events.consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.errors.InvalidGroupIdException;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.AbstractKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.MicrometerConsumerListener;

/**
 * Publishes the Kafka client metrics of every consumer of the application to its Micrometer registry
 * ({@code kafka.consumer.*}: fetch rates, {@code kafka.consumer.fetch.manager.records.lag} per topic and partition, ...),
 * each tagged with its consumer {@value #GROUP_TAG}. A bean post-processor like {@link StaticMembership}: it adds itself
 * as the consumer-factory listener of every listener container factory of the context, so a {@code @KafkaListener}
 * added later is covered without being listed here; a container built by hand (a bean that does not show its consumer
 * factory) calls {@link #listenTo} itself.
 *
 * <p>The client's partition-level meters appear after the partition is first fetched, which is after the consumer was
 * created: the meters are looked for again every {@code refresh} (Micrometer's default, a minute, would leave a new
 * assignment's lag unseen for that long).
 */
public final class ConsumerClientMetrics implements BeanPostProcessor, DisposableBean {

    /** The consumer group of a client's meters; {@value #NO_GROUP} for a consumer without one. */
    public static final String GROUP_TAG = "group";
    public static final String NO_GROUP = "none";

    private final Supplier<MeterRegistry> registry;
    private final Duration refresh;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kafka-client-metrics");
        t.setDaemon(true);
        return t;
    });
    // by the consumer itself: the ids a factory names its consumers by are unique within that factory only
    private final Map<Consumer<?, ?>, KafkaClientMetrics> bound = new ConcurrentHashMap<>();

    /**
     * @param registry the application's registry, looked up when the first consumer starts (a bean post-processor is
     *                 made before the registry)
     * @param refresh how often a client's new meters (a newly fetched partition's) are looked for
     */
    public ConsumerClientMetrics(Supplier<MeterRegistry> registry, Duration refresh) {
        if (refresh.isNegative() || refresh.isZero()) {
            throw new IllegalArgumentException("the client metrics refresh must be positive: " + refresh);
        }
        this.registry = registry;
        this.refresh = refresh;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractKafkaListenerContainerFactory<?, ?, ?> factory) {
            listenTo(factory.getConsumerFactory());
        }
        return bean;
    }

    /** Publishes the metrics of the consumers {@code consumers} makes (once, however often it is passed). */
    public <K, V> void listenTo(ConsumerFactory<K, V> consumers) {
        if (consumers == null || consumers.getListeners().stream().anyMatch(Listener.class::isInstance)) {
            return;
        }
        // one tag set per meter name: Spring's own listener (no group tag) would make the registry refuse one or the other
        consumers.getListeners().stream().filter(MicrometerConsumerListener.class::isInstance).toList()
                .forEach(consumers::removeListener);
        consumers.addListener(new Listener<>());
    }

    private final class Listener<K, V> implements ConsumerFactory.Listener<K, V> {
        @Override
        public void consumerAdded(String id, Consumer<K, V> consumer) {
            KafkaClientMetrics metrics = new KafkaClientMetrics(consumer, List.of(Tag.of(GROUP_TAG, groupOf(consumer))),
                    scheduler, refresh);
            bound.put(consumer, metrics);
            metrics.bindTo(registry.get());
        }

        @Override
        public void consumerRemoved(String id, Consumer<K, V> consumer) {
            KafkaClientMetrics metrics = bound.remove(consumer);
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    private static String groupOf(Consumer<?, ?> consumer) {
        try {
            return consumer.groupMetadata().groupId();
        } catch (InvalidGroupIdException none) {
            return NO_GROUP;
        }
    }

    @Override
    public void destroy() {
        bound.values().forEach(KafkaClientMetrics::close);
        bound.clear();
        scheduler.shutdownNow();
    }
}
