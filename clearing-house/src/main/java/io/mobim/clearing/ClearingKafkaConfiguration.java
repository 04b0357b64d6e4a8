package io.mobim.clearing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.clearing.ingest.IngestService;
import io.mobim.clearing.ingest.RecordsListener;
import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.consumer.ConsumerErrorPolicy;
import io.mobim.events.consumer.ConsumerOutages;
import io.mobim.events.interop.InteropRecord;
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
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka side of the clearing house: a batch listener on {@code interop.records.v1} (offsets committed after each
 * poll's transaction, read_committed) and dead letters to {@code interop.records.v1.dlt}, following
 * {@link ConsumerErrorPolicy}: an outage is waited out, a record that can never be stored is dead-lettered at once with
 * the reason. Connection settings come from Boot's {@code spring.kafka.*}; {@code mobim.clearing.consumer.*} tunes the rest.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(KafkaTemplate.class)
@ConditionalOnBooleanProperty(name = "mobim.clearing.consumer.enabled", matchIfMissing = true)
class ClearingKafkaConfiguration {

    /** The platform's, when the clearing house runs in it; its own otherwise. */
    @Bean
    @ConditionalOnMissingBean
    ConsumerOutages clearingConsumerOutages(ObjectProvider<MeterRegistry> meters, ObjectProvider<Clock> clock) {
        return new ConsumerOutages(meters.getIfAvailable(SimpleMeterRegistry::new), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, InteropRecord> clearingListenerContainerFactory(KafkaProperties kafka,
            ClearingProperties properties, ClearingMetrics metrics, ConsumerOutages outages) {
        ClearingProperties.Consumer settings = properties.consumer();
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        consumer.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        ConcurrentKafkaListenerContainerFactory<String, InteropRecord> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(),
                new ErrorHandlingDeserializer<>(new JsonEventSerde<>(InteropRecord.class))));
        factory.setBatchListener(true);
        factory.setConcurrency(settings.concurrency());
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);

        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        // an unreadable record's raw bytes pass through; a readable one (refused for its time) is written as event JSON
        Serializer<Object> values = (topic, data) -> data == null || data instanceof byte[] ? (byte[]) data
                : EventJson.mapper().writeValueAsBytes(data);
        DeadLetterPublishingRecoverer deadLetters = ConsumerErrorPolicy.deadLetters(Map.of(Object.class,
                new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), values))));
        ConsumerErrorPolicy.apply(factory, settings.groupId() + "/" + InteropRecord.class.getSimpleName(), (record, e) -> {
            deadLetters.accept(record, e);
            metrics.deadLettered();
        }, settings.retry(), outages);
        return factory;
    }

    @Bean
    RecordsListener clearingRecordsListener(IngestService ingest, ClearingProperties properties) {
        return new RecordsListener(ingest, properties.consumer().groupId());
    }
}
