package io.mobim.billing;

import io.mobim.billing.rating.ChargingListener;
import io.mobim.billing.rating.RatingService;
import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargingEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka side of billing, kept small: a batch listener container on {@code charging.v1} (manual offsets,
 * committed after each rating transaction) and the dead-letter path to {@code charging.v1.dlt}.
 * Connection settings come from Boot's {@code spring.kafka.*}; {@code mobim.billing.consumer.*} tunes the rest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty(name = "mobim.billing.consumer.enabled", matchIfMissing = true)
@Import(GatewayKafkaConfiguration.class)
class BillingKafkaConfiguration {

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ChargingEvent> billingListenerContainerFactory(KafkaProperties kafka,
            BillingProperties properties, BillingMetrics metrics) {
        BillingProperties.Consumer settings = properties.consumer();
        return batchFactory(kafka, ChargingEvent.class, settings.groupId(), settings.maxPollRecords(), settings.concurrency(),
                errorHandler(kafka, settings, metrics::deadLettered));
    }

    /**
     * A batch listener container factory for {@code type} records: manual offsets committed after each batch,
     * read_committed, unreadable records handed to the listener as null values (see {@link #errorHandler}).
     */
    static <T> ConcurrentKafkaListenerContainerFactory<String, T> batchFactory(KafkaProperties kafka, Class<T> type,
            String groupId, int maxPollRecords, int concurrency, DefaultErrorHandler errorHandler) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        // a poll returns at most one fetch per partition: let one fetch hold a whole poll (events are ~0.5 KB)
        consumer.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Math.max(1 << 20, maxPollRecords * 1024));
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        DefaultKafkaConsumerFactory<String, T> consumerFactory = new DefaultKafkaConsumerFactory<>(consumer,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new JsonEventSerde<>(type)));

        ConcurrentKafkaListenerContainerFactory<String, T> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setBatchListener(true);
        factory.setConcurrency(concurrency);
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        factory.setCommonErrorHandler(errorHandler);
        return factory;
    }

    /**
     * Unreadable records go to {@code <topic>.dlt} at once, raw, same key, reason in {@value Topics#DEAD_LETTER_REASON_HEADER};
     * any other failure (database down) is retried with back-off until it succeeds.
     */
    static DefaultErrorHandler errorHandler(KafkaProperties kafka, BillingProperties.Consumer settings, Runnable deadLettered) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        KafkaTemplate<String, Object> dlt = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new DeadLetterValueSerializer()));
        // partition -1: the DLT is keyed like the source and need not have as many partitions
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(dlt,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        // the standard kafka_dlt-exception-* headers carry the wrapper's words; this one carries the serde's
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders(List.of(new RecordHeader(Topics.DEAD_LETTER_REASON_HEADER,
                MalformedEvent.reasonOf(e).getBytes(StandardCharsets.UTF_8)))));
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxInterval(settings.retryMaxInterval().toMillis());   // transient failures: retry forever
        DefaultErrorHandler handler = new DefaultErrorHandler((record, e) -> {
            recoverer.accept(record, e);
            deadLettered.run();
        }, backOff);
        handler.addNotRetryableExceptions(MalformedEvent.class, DeserializationException.class);
        return handler;
    }

    @Bean
    ChargingListener chargingListener(RatingService rating) {
        return new ChargingListener(rating);
    }

    /** Raw bytes of an unreadable record pass through; anything else is written as event JSON. */
    static final class DeadLetterValueSerializer implements Serializer<Object> {
        @Override
        public byte[] serialize(String topic, Object data) {
            if (data == null || data instanceof byte[]) {
                return (byte[]) data;
            }
            return EventJson.mapper().writeValueAsBytes(data);
        }
    }
}
