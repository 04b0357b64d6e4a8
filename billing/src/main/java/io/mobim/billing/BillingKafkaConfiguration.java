package io.mobim.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.billing.rating.ChargingListener;
import io.mobim.billing.rating.RatingService;
import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.consumer.ConsumerErrorPolicy;
import io.mobim.events.consumer.ConsumerOutages;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka side of billing, kept small: a batch listener container on {@code charging.v1} (manual offsets,
 * committed after each rating transaction) and the dead-letter path to {@code charging.v1.dlt}, following
 * {@link ConsumerErrorPolicy}: an outage is waited out, a record that can never be rated is dead-lettered at once.
 * Connection settings come from Boot's {@code spring.kafka.*}; {@code mobim.billing.consumer.*} tunes the rest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty(name = "mobim.billing.consumer.enabled", matchIfMissing = true)
@Import(GatewayKafkaConfiguration.class)
class BillingKafkaConfiguration {

    /** The platform's, when billing runs in it; billing's own otherwise. */
    @Bean
    @ConditionalOnMissingBean
    ConsumerOutages billingConsumerOutages(ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new ConsumerOutages(meters.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, ChargingEvent> billingListenerContainerFactory(KafkaProperties kafka,
            BillingProperties properties, BillingMetrics metrics, ConsumerOutages outages) {
        BillingProperties.Consumer settings = properties.consumer();
        return batchFactory(kafka, ChargingEvent.class, settings.groupId(), settings.maxPollRecords(), settings.concurrency(),
                settings, outages, metrics::deadLettered);
    }

    /**
     * A batch listener container factory for {@code type} records: manual offsets committed after each batch,
     * read_committed, unreadable records handed to the listener as null values, failures handled by
     * {@link ConsumerErrorPolicy} (dead letters raw or as event JSON, same key; {@code deadLettered} counts them).
     */
    static <T> ConcurrentKafkaListenerContainerFactory<String, T> batchFactory(KafkaProperties kafka, Class<T> type,
            String groupId, int maxPollRecords, int concurrency, BillingProperties.Consumer settings,
            ConsumerOutages outages, Runnable deadLettered) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        consumer.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) settings.fetchWait().toMillis());
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
        DeadLetterPublishingRecoverer deadLetters = deadLetters(kafka);
        ConsumerErrorPolicy.apply(factory, groupId + "/" + type.getSimpleName(), (record, e) -> {
            deadLetters.accept(record, e);
            deadLettered.run();
        }, settings.retry(), outages);
        return factory;
    }

    private static DeadLetterPublishingRecoverer deadLetters(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        KafkaTemplate<String, Object> dlt = new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new DeadLetterValueSerializer()));
        return ConsumerErrorPolicy.deadLetters(Map.of(Object.class, dlt));
    }

    @Bean
    ChargingListener chargingListener(RatingService rating, BillingProperties properties, ObjectProvider<Clock> clock) {
        return new ChargingListener(rating, clock.getIfAvailable(Clock::systemUTC), properties.consumer().maxEventAge(),
                properties.consumer().maxEventAhead());
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
