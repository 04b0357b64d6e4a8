package io.mobim.smpp.kafka;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.consumer.ConsumerClientMetrics;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.config.SmppProperties;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The Kafka edges of the gateway, built from Spring Boot's {@code spring.kafka.*} settings with what the
 * gateway needs on top: an idempotent producer (acks=all) for {@code sms.mo.v1} / {@code sms.dlr.v1}, and
 * a listener on {@code sms.mt.v1} (group {@code mobim.smpp.mt.consumer-group}) that takes a poll at a time
 * ({@link MtBatchListener}: one ledger write per poll) and commits offsets only after the MTs are durable in
 * the ledger (every {@code mobim.smpp.mt.commit-interval}: a replayed MT is a duplicate request id, not sent again). A record that is not a valid {@link SmsMt} goes to
 * {@code sms.mt.v1.dlt} with the reason in the {@code mobim_dlt_reason} header (and Spring's
 * {@code kafka_dlt-exception-*} headers), never retried; any
 * other failure (the database is down) is retried with backoff for ever, never dead-lettered. The gateway sends the
 * MTs of the partitions assigned to it ({@link MtPartitionOwnership}), so that several gateways can share the ledger.
 */
public final class SmppKafkaConfiguration {

    private SmppKafkaConfiguration() {
    }

    /**
     * Idempotent JSON producer for the gateway's events, batching ({@code linger}) so that MOs arriving together
     * share a produce request. {@code max.block.ms} bounds how long a send can hold a jSMPP thread while Kafka is
     * away; {@code delivery.timeout.ms} is the MO acknowledgement timeout, so a record is not written after the
     * SMS-C was told to send it again.
     */
    public static KafkaTemplate<String, Object> eventTemplate(KafkaProperties kafka, SmppProperties.Kafka producer,
                                                              java.time.Duration deliveryTimeout) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        long linger = producer.linger().toMillis();
        props.put(ProducerConfig.LINGER_MS_CONFIG, (int) linger);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, producer.maxBlock().toMillis());
        long delivery = Math.max(deliveryTimeout.toMillis(), linger + 1_001);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) delivery);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.min(30_000, delivery - linger - 1));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "mobim-smpp-events");
        DefaultKafkaProducerFactory<String, Object> factory = new DefaultKafkaProducerFactory<>(props,
                new StringSerializer(), new JsonEventSerde<>(Object.class));
        return new KafkaTemplate<>(factory);
    }

    /** Raw producer for dead letters whose value could not even be read. */
    public static KafkaTemplate<Object, Object> rawTemplate(KafkaProperties kafka, SmppProperties.Kafka producer) {
        Map<String, Object> props = new HashMap<>(kafka.buildProducerProperties());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, producer.maxBlock().toMillis());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "mobim-smpp-dlt");
        // keys were read as strings (the listener's key deserializer); the value is the raw bytes that did not read
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(props));
    }

    /** The {@code sms.mt.v1} listener container that hands MTs to the gateway, without client metrics. */
    public static ConcurrentMessageListenerContainer<String, SmsMt> mtListener(KafkaProperties kafka,
            SmppProperties.Mt config, SmppGateway gateway, KafkaTemplate<String, Object> events,
            KafkaTemplate<Object, Object> raw) {
        return mtListener(kafka, config, gateway, events, raw, null);
    }

    /**
     * The {@code sms.mt.v1} listener container that hands MTs to the gateway; its consumers publish their client
     * metrics through {@code clientMetrics} (null: none).
     */
    public static ConcurrentMessageListenerContainer<String, SmsMt> mtListener(KafkaProperties kafka,
            SmppProperties.Mt config, SmppGateway gateway, KafkaTemplate<String, Object> events,
            KafkaTemplate<Object, Object> raw, ConsumerClientMetrics clientMetrics) {
        Map<String, Object> props = new HashMap<>(kafka.buildConsumerProperties());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumerGroup());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "mobim-smpp-mt");
        // on the subscriber's path: a fetch returns as soon as an MT is there (the relay publishes them in bursts, so
        // a fetch still takes a burst), and an idle listener's fetch waits fetchWait instead of polling the broker
        props.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) config.fetchWait().toMillis());
        DefaultKafkaConsumerFactory<String, SmsMt> consumers = new DefaultKafkaConsumerFactory<>(props,
                new StringDeserializer(), new ErrorHandlingDeserializer<>(new JsonEventSerde<>(SmsMt.class)));
        if (clientMetrics != null) {
            clientMetrics.listenTo(consumers);
        }

        ContainerProperties containerProps = new ContainerProperties(Topics.SMS_MT);
        containerProps.setAckMode(ContainerProperties.AckMode.TIME);
        containerProps.setAckTime(config.commitInterval().toMillis());
        containerProps.setMessageListener(new MtBatchListener(gateway)); // a poll at a time: one ledger write
        if (!config.soleGateway()) {
            // gateways sharing the ledger each send the MTs of the partitions Kafka assigns them
            gateway.mtSender().ownAssignedPartitions();
            containerProps.setConsumerRebalanceListener(new MtPartitionOwnership(gateway.mtSender()));
        }

        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, raw);
        templates.put(Object.class, events);
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, ex) -> new RecordHeaders(List.of(
                new RecordHeader(Topics.DEAD_LETTER_REASON_HEADER, MalformedEvent.reasonOf(ex).getBytes(StandardCharsets.UTF_8)))));
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(30_000);
        DefaultErrorHandler errors = new DefaultErrorHandler(recoverer, backOff);
        errors.addNotRetryableExceptions(MalformedEvent.class, IllegalArgumentException.class);

        ConcurrentMessageListenerContainer<String, SmsMt> container =
                new ConcurrentMessageListenerContainer<>(consumers, containerProps);
        container.setConcurrency(config.concurrency());
        container.setCommonErrorHandler(errors);
        container.setBeanName("smppMtListener");
        return container;
    }
}
