package io.mobim.platform.kafka;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.consumer.ConsumerErrorPolicy;
import io.mobim.events.consumer.ConsumerOutages;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * Listener container factories for mobim's typed JSON topics, following {@link ConsumerErrorPolicy}: a record that
 * does not read as its event, or that its handler rejects as malformed (or the database refuses as data), goes to
 * {@code <topic>.dlt} with the reason in the headers, at once; a failure because the database or Kafka is away is
 * retried with capped backoff for as long as the outage lasts (the consumer waits, nothing is dead-lettered; see
 * {@link ConsumerOutages}); any other failure is retried a few times ({@code mobim.kafka.retry.*}), then
 * dead-lettered, from where it can be replayed. The offsets of handled records (each in its own transaction) are
 * committed every {@code mobim.kafka.commit-interval}, and when partitions are revoked or the listener stops: a crash
 * replays at most that interval's records, never skips one, and the handlers dedupe replays
 * ({@code im.sms_mo_handled}, the delivery's state). Not per record: an offset commit is a broker round trip and a
 * write to {@code __consumer_offsets}, which cost more than handling the record.
 *
 * <p>{@link #batchFactory} is the same for listeners that take a whole poll ({@link RecordBatches}): the
 * listener names the failing record by its index ({@code BatchListenerFailedException}); the records before
 * it are committed, it is retried or dead-lettered as above, and the records after it are delivered again.
 */
public class EventConsumers {

    private final KafkaProperties properties;
    private final int concurrency;
    private final Duration commitInterval;
    private final ConsumerErrorPolicy.Retry retry;
    private final ConsumerOutages outages;
    private final DeadLetterPublishingRecoverer deadLetters;

    EventConsumers(KafkaProperties properties, KafkaTopicSettings settings, ConsumerOutages outages) {
        this.properties = properties;
        this.concurrency = settings.listenerConcurrency();
        this.commitInterval = settings.commitInterval();
        this.retry = settings.retry().policy();
        this.outages = outages;
        Map<String, Object> producer = properties.buildProducerProperties();
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        KafkaTemplate<String, byte[]> bytes = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer()));
        KafkaTemplate<String, Object> json = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new JsonEventSerde<>(Object.class)));
        Map<Class<?>, KafkaOperations<?, ?>> byValueType = new LinkedHashMap<>();
        byValueType.put(byte[].class, bytes);
        byValueType.put(Object.class, json);
        this.deadLetters = ConsumerErrorPolicy.deadLetters(byValueType);
    }

    /** A factory for listeners of {@code type} records, consuming as group {@code groupId}. */
    public <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(Class<T> type, String groupId) {
        return factory(type, groupId, false, Map.of());
    }

    /**
     * A factory for listeners that take a whole poll of {@code type} records at once, as
     * {@code List<ConsumerRecord<String, T>>} (a record that does not read has a null value); see {@link RecordBatches}.
     */
    public <T> ConcurrentKafkaListenerContainerFactory<String, T> batchFactory(Class<T> type, String groupId) {
        return factory(type, groupId, true, Map.of());
    }

    /**
     * A {@link #batchFactory} whose fetches wait at most {@code fetchWait} to fill, in place of
     * {@code spring.kafka.consumer.fetch-max-wait}. Set on the consumer factory: a container factory does not pass
     * its own consumer property overrides on to the containers it creates.
     */
    public <T> ConcurrentKafkaListenerContainerFactory<String, T> batchFactory(Class<T> type, String groupId, Duration fetchWait) {
        return factory(type, groupId, true, Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) fetchWait.toMillis()));
    }

    private <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(Class<T> type, String groupId, boolean batch,
                                                                          Map<String, Object> overrides) {
        Map<String, Object> consumer = properties.buildConsumerProperties();
        consumer.putAll(overrides);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var values = new ErrorHandlingDeserializer<>(new JsonEventSerde<>(type));
        var factory = new ConcurrentKafkaListenerContainerFactory<String, T>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), values));
        factory.setConcurrency(concurrency);
        factory.setBatchListener(batch);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.TIME);
        factory.getContainerProperties().setAckTime(commitInterval.toMillis());
        ConsumerErrorPolicy.apply(factory, groupId, deadLetters, retry, outages);
        return factory;
    }
}
