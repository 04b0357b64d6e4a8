package io.mobim.billing.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What billing's tests on a real broker share: waiting for the listeners, and reading a topic from its start. */
final class KafkaTestSupport {

    private KafkaTestSupport() {
    }

    /** Waits for a condition the listeners bring about; fails after a generous bound, asserts nothing about time. */
    static void await(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The records of {@code topic} (a dead-letter topic, typically), once at least one has arrived. */
    static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic) {
        return read(bootstrapServers, topic, 1);
    }

    /** The records of {@code topic}, once at least {@code atLeast} have arrived. */
    static List<ConsumerRecord<String, byte[]>> read(String bootstrapServers, String topic, int atLeast) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrapServers,
                "group.id", "reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= atLeast;
            });
            consumer.poll(Duration.ofMillis(500)).forEach(out::add);
        }
        return out;
    }
}
