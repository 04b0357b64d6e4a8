package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.platform.support.TestNumbers;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction's outbox records are one row, published record by record in the order they were appended; a
 * transaction that rolls back publishes nothing. Charging events go to Kafka; the MTs, in the all-in-one, straight to
 * its gateway, so they are looked for on the recipient's handset.
 */
@MobimIntegrationTest
class OutboxRowPerTransactionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final JsonEventSerde<ChargingEvent> CHARGING = new JsonEventSerde<>(ChargingEvent.class);

    @Autowired Outbox outbox;
    @Autowired ChargingRecorder charging;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired NodeIdentity nodeId;
    @Autowired Environment env;
    @Autowired SmscSimulator smsc;

    @Test
    void aTransactionsRecordsOfSeveralTopicsAreOneRowAndAllPublishedInOrderWithConsecutiveSequenceNumbers() {
        String to = TestNumbers.next().value();
        String payer = TestNumbers.next().value();
        AtomicReference<List<Map<String, Object>>> written = new AtomicReference<>();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            outbox.append(Topics.SMS_MT, to, mt("first", to));
            charging.sessionData(UUID.randomUUID(), payer, "VODAFONE_UK", Channel.CLIENT, 100);
            outbox.append(Topics.SMS_MT, to, mt("second", to));
            charging.sessionData(UUID.randomUUID(), payer, "VODAFONE_UK", Channel.CLIENT, 200);
            // runs after the outbox wrote its row, still inside the transaction: what an operator would see
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    written.set(jdbc.sql("""
                            select outbox_id, position, topic, record_key, stamp_sequence from im.outbox_record
                            where outbox_id in (select outbox_id from im.outbox_record where record_key = ?) order by position""")
                            .param(to).query().listOfRows());
                }
            });
        });
        assertThat(written.get()).extracting(r -> r.get("outbox_id")).as("one row for the transaction").containsOnly(written.get().getFirst().get("outbox_id"));
        assertThat(written.get()).extracting(r -> r.get("topic") + " " + r.get("record_key") + " " + r.get("stamp_sequence")).containsExactly(
                Topics.SMS_MT + " " + to + " false", Topics.CHARGING + " " + payer + " true",
                Topics.SMS_MT + " " + to + " false", Topics.CHARGING + " " + payer + " true");

        Map<String, List<ConsumerRecord<String, byte[]>>> published = published(Map.of(Topics.CHARGING, payer), 2);
        assertThat(textsOnHandset(to, 2)).containsExactly("first", "second");
        List<ChargingEvent> events = published.get(Topics.CHARGING).stream().map(r -> CHARGING.deserialize(Topics.CHARGING, r.value())).toList();
        assertThat(events).extracting(ChargingEvent::bytes).containsExactly(100L, 200L);
        assertThat(events).extracting(ChargingEvent::nodeId).containsOnly(nodeId.current());
        assertThat(events.get(1).sequence()).as("gap-free, in the order appended").isEqualTo(events.get(0).sequence() + 1);
        assertThat(pendingFor(to)).isZero();
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String to = TestNumbers.next().value();
        String payer = TestNumbers.next().value();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            outbox.append(Topics.SMS_MT, to, mt("rolled-back", to));
            charging.sessionData(UUID.randomUUID(), payer, "VODAFONE_UK", Channel.CLIENT, 300);
            s.setRollbackOnly();
        });
        assertThat(pendingFor(to)).isZero();
        tx.executeWithoutResult(s -> {
            outbox.append(Topics.SMS_MT, to, mt("committed", to));
            charging.sessionData(UUID.randomUUID(), payer, "VODAFONE_UK", Channel.CLIENT, 400);
        });

        Map<String, List<ConsumerRecord<String, byte[]>>> published = published(Map.of(Topics.CHARGING, payer), 1);
        assertThat(textsOnHandset(to, 1)).containsExactly("committed");
        assertThat(published.get(Topics.CHARGING)).extracting(r -> CHARGING.deserialize(Topics.CHARGING, r.value()).bytes())
                .containsExactly(400L);
    }

    private static SmsMt mt(String name, String to) {
        return SmsMt.of(name + "-" + to, "mobim", to, name, Instant.now().plusSeconds(600), false, "test");
    }

    /** The texts of the SMS on {@code handset}, once {@code wanted} are there. */
    private List<String> textsOnHandset(String handset, int wanted) {
        return await().atMost(WAIT).until(() -> smsc.messagesTo(handset).stream().map(HandsetMessage::text).toList(),
                texts -> texts.size() >= wanted);
    }

    private long pendingFor(String key) {
        return jdbc.sql("select count(*) from im.outbox_record where record_key = ?").param(key).query(Long.class).single();
    }

    /**
     * The records with the given key on each topic, in their partition's order, once {@code wanted} of each are there
     * and the outbox holds none of them any more.
     */
    private Map<String, List<ConsumerRecord<String, byte[]>>> published(Map<String, String> keyByTopic, int wanted) {
        Map<String, List<ConsumerRecord<String, byte[]>>> out = new HashMap<>();
        keyByTopic.keySet().forEach(t -> out.put(t, new ArrayList<>()));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", env.getProperty("spring.kafka.bootstrap-servers"),
                "group.id", "outbox-test-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.copyOf(keyByTopic.keySet()));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (r.key() != null && r.key().equals(keyByTopic.get(r.topic()))) {
                        out.get(r.topic()).add(r);
                    }
                });
                return out.values().stream().allMatch(l -> l.size() >= wanted) && keyByTopic.values().stream().allMatch(k -> pendingFor(k) == 0);
            });
        }
        return out;
    }
}
