package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.EventJson;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer in the process takes its topic's records from the relay instead of Kafka: the rows leave the outbox only
 * once it took them durably (if it cannot, the round rolls back and hands the same records again), and the records it
 * leaves go to Kafka after all. On a database of its own, so that the application's relay does not take the rows.
 */
@MobimIntegrationTest
class OutboxLocalConsumerTest {

    @Autowired DataSource dataSource;
    @Autowired Environment env;

    /** Takes every MT but the second of a round, after failing its first round as a store that is away would. */
    private static final class FlakyMtStore implements LocalConsumer {
        final List<String> taken = new ArrayList<>();
        int rounds;

        @Override
        public String topic() {
            return Topics.SMS_MT;
        }

        @Override
        public List<Integer> take(List<byte[]> payloads) {
            if (rounds++ == 0) {
                throw new IllegalStateException("the MT ledger's database is away");
            }
            for (int i = 0; i < payloads.size(); i++) {
                if (i != 1) {
                    taken.add(EventJson.mapper().readValue(payloads.get(i), SmsMt.class).requestId());
                }
            }
            return List.of(1);
        }
    }

    @Test
    void recordsLeaveTheOutboxOnlyOnceTakenAndWhatIsLeftGoesToKafka() throws Exception {
        try (ScratchImDatabase db = new ScratchImDatabase(dataSource, "latest")) {
            Outbox outbox = new Outbox(new JdbcTemplate(db.dataSource), Clock.systemUTC(), () -> { });
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db.dataSource));
            String to = TestNumbers.next().value();
            List<String> ids = List.of("local-" + UUID.randomUUID(), "left-" + UUID.randomUUID(), "local-" + UUID.randomUUID());
            tx.executeWithoutResult(s -> ids.forEach(id -> outbox.append(Topics.SMS_MT, to,
                    SmsMt.of(id, "20123", to, "hand-over", Instant.now().plusSeconds(600), false, "test"))));
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            FlakyMtStore store = new FlakyMtStore();
            OutboxRelay relay = db.relay(bootstrap(), "hand-over-node", 100, List.of(store), meters);

            assertThatThrownBy(relay::relayBatch).hasMessageContaining("away");
            assertThat(meters.get("mobim.outbox.pending").gauge().value()).as("nothing left the outbox").isEqualTo(3);

            assertThat(relay.relayBatch()).isEqualTo(3);
            assertThat(store.taken).containsExactly(ids.get(0), ids.get(2));
            assertThat(meters.get("mobim.outbox.handed.over").counter().count()).isEqualTo(2);
            assertThat(meters.get("mobim.outbox.pending").gauge().value()).isZero();
            assertThat(requestIdsOnKafka(to)).as("only the record it left").containsExactly(ids.get(1));
        }
    }

    private String bootstrap() {
        return env.getProperty("spring.kafka.bootstrap-servers");
    }

    /** The request ids of the MTs to {@code to} on {@code sms.mt.v1}, once one is there. */
    private List<String> requestIdsOnKafka(String to) {
        List<String> ids = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap(),
                "group.id", "local-consumer-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.SMS_MT));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (to.equals(r.key())) {
                        ids.add(EventJson.mapper().readValue(r.value(), SmsMt.class).requestId());
                    }
                });
            }
        }
        return ids;
    }
}
