package io.mobim.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.yammer.metrics.core.Histogram;
import com.yammer.metrics.stats.UniformSample;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.server.metrics.KafkaMetricsGroup;
import org.apache.kafka.server.metrics.KafkaYammerMetrics;
import org.junit.jupiter.api.Test;

/**
 * The embedded broker measures its requests into uniform histograms, not into the biased ones Kafka makes: if Kafka
 * renamed its request metrics, it would make biased ones of its own beside those registered for it.
 */
class EmbeddedKafkaRequestHistogramsTest {

    @Test
    void theBrokerRecordsItsProduceRequestsIntoTheUniformHistograms() throws Exception {
        Path dir = Files.createTempDirectory("mobim-kafka-histograms-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, FreePorts.pick(), 1, true)) {
            broker.createTopics(Map.of("histograms", 1));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                for (int i = 0; i < 5; i++) {
                    producer.send(new ProducerRecord<>("histograms", "k", "v" + i)).get();
                }
            }
            Histogram totalTime = produceHistogram("TotalTimeMs");
            assertThat(sampleOf(totalTime)).isInstanceOf(UniformSample.class);
            assertThat(totalTime.count()).isGreaterThanOrEqualTo(5);
            assertThat(produceHistogram("RequestBytes").count()).isGreaterThanOrEqualTo(5);
        }
    }

    /** The broker's histogram of one measure of its produce requests, from the JVM's Yammer registry. */
    private static Histogram produceHistogram(String name) {
        return (Histogram) KafkaYammerMetrics.defaultRegistry().allMetrics().get(
                new KafkaMetricsGroup("kafka.network", "RequestMetrics").metricName(name, Map.of("request", "Produce")));
    }

    /** Yammer does not expose a histogram's sample; its type is what decides the allocation per update. */
    private static Object sampleOf(Histogram histogram) throws ReflectiveOperationException {
        Field sample = Histogram.class.getDeclaredField("sample");
        sample.setAccessible(true);
        return sample.get(histogram);
    }
}
