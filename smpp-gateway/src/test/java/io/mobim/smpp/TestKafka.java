package io.mobim.smpp;

import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.kafka.KafkaSmsPublisher;
import io.mobim.smpp.kafka.SmppKafkaConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A real in-process Kafka broker (KRaft) shared by the tests of one JVM, with the gateway's topics, plus what the
 * tests need around it: the gateway's own producer pointed at any bootstrap address, and a reader of a topic.
 */
public final class TestKafka {

    private static EmbeddedKafkaBroker broker;

    private TestKafka() {
    }

    public static synchronized String bootstrapServers() {
        if (broker == null) {
            try {
                broker = start(Files.createTempDirectory("smpp-kafka"), io.mobim.embedded.FreePorts.pick());
            } catch (Exception e) {
                throw new IllegalStateException("embedded Kafka did not start", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    broker.close();
                } catch (Exception ignored) {
                    // the JVM is going away
                }
            }));
        }
        return broker.bootstrapServers();
    }

    /** A broker of its own on {@code port} (deleted on close), with the gateway's topics. */
    public static EmbeddedKafkaBroker start(Path dir, int port) throws Exception {
        EmbeddedKafkaBroker b = EmbeddedKafkaBroker.start(dir, port, 1, true);
        b.createTopics(Map.of(Topics.SMS_MO, 1, Topics.SMS_DLR, 1, Topics.SMS_MT, 1));
        return b;
    }

    /** The gateway's producer ({@link SmppKafkaConfiguration#eventTemplate}) for {@code bootstrap}, as the app builds it. */
    public static KafkaTemplate<String, Object> producer(String bootstrap, Duration ackTimeout) {
        KafkaProperties props = new KafkaProperties();
        props.setBootstrapServers(List.of(bootstrap));
        return SmppKafkaConfiguration.eventTemplate(props, SmppProperties.Kafka.defaults(), ackTimeout);
    }

    public static KafkaSmsPublisher publisher(KafkaTemplate<String, Object> template) {
        return new KafkaSmsPublisher(template);
    }

    /** Reads every record of a one-partition topic from the start, in a thread of its own, until closed. */
    public static final class TopicReader<T> implements AutoCloseable {

        private final List<ConsumerRecord<String, T>> records = new CopyOnWriteArrayList<>();
        private final Thread thread;
        private volatile boolean closed;

        public TopicReader(String bootstrap, String topic, Class<T> type) {
            KafkaConsumer<String, T> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new JsonEventSerde<>(type));
            TopicPartition p = new TopicPartition(topic, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            thread = new Thread(() -> {
                try (consumer) {
                    while (!closed) {
                        consumer.poll(Duration.ofMillis(100)).forEach(records::add);
                    }
                }
            }, "test-reader-" + topic);
            thread.setDaemon(true);
            thread.start();
        }

        public List<T> values() {
            List<T> out = new ArrayList<>();
            records.forEach(r -> out.add(r.value()));
            return out;
        }

        @Override
        public void close() throws InterruptedException {
            closed = true;
            thread.join(5_000);
        }
    }
}
