package io.mobim.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.EventJson;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.TestNumbers;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records pending in the one-row-per-record outbox when V16 is applied are still published after the upgrade, in
 * their order, the charging event stamped; so is a record a pod of the previous version writes during the rolling
 * update. Runs the {@code im} migrations on a database of its own (up to V15, the
 * rows written the old way, then the rest) and a relay on it.
 */
@MobimIntegrationTest
class OutboxUpgradeTest {

    private static final JsonEventSerde<ChargingEvent> CHARGING = new JsonEventSerde<>(ChargingEvent.class);

    @Autowired DataSource dataSource;
    @Autowired Environment env;

    @Test
    void recordsPendingBeforeV16ArePublishedAfterIt() throws Exception {
        try (ScratchImDatabase db = new ScratchImDatabase(dataSource, "15")) {
            DataSource upgraded = db.dataSource;
            String to = TestNumbers.next().value();
            String payer = TestNumbers.next().value();
            ChargingEvent event = ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(Instant.parse("2026-12-05T09:15:30Z"))
                    .origin("relay", 1).kind(ChargingKind.MESSAGE).channel(Channel.SMS).charged(payer, ChargedRole.ORIGINATOR)
                    .tariffPlan("VODAFONE_UK").messageId("m-upgrade").other(to, null).sms("SMSC-1", 1).build();
            JdbcClient old = JdbcClient.create(upgraded);
            String insert = "insert into im.outbox (topic, record_key, payload, stamp_sequence, created_at) values (?, ?, ?, ?, ?)";
            Timestamp now = Timestamp.from(Instant.now());
            old.sql(insert).params(Topics.SMS_MT, to, EventJson.mapper().writeValueAsBytes(
                    SmsMt.of("upgrade-" + to, "mobim", to, "before the upgrade", Instant.now().plusSeconds(600), false, "test")), false, now).update();
            old.sql(insert).params(Topics.CHARGING, payer, EventJson.chargingEventWithoutOrigin()
                    .writeValueAsBytes(event), true, now).update();
            List<Long> ids = old.sql("select id from im.outbox order by id").query(Long.class).list();

            db.migrate("latest");
            assertThat(old.sql("select outbox_id, position, topic, record_key, stamp_sequence from im.outbox_record order by outbox_id, position")
                    .query().listOfRows()).extracting(r -> r.get("outbox_id") + " " + r.get("position") + " " + r.get("topic") + " " + r.get("stamp_sequence"))
                    .as("one row per old record, under its id").containsExactly(
                            ids.get(0) + " 1 " + Topics.SMS_MT + " false", ids.get(1) + " 1 " + Topics.CHARGING + " true");
            assertThat(old.sql("select count(*) from im.outbox_transaction").query(Long.class).single()).as("moved to the new table").isEqualTo(2);
            // a pod of the previous version still running during the rolling update writes the old way
            String during = TestNumbers.next().value();
            old.sql(insert).params(Topics.SMS_MT, during, EventJson.mapper().writeValueAsBytes(
                    SmsMt.of("during-" + during, "mobim", during, "during the upgrade", Instant.now().plusSeconds(600), false, "test")), false, now).update();

            String bootstrap = env.getProperty("spring.kafka.bootstrap-servers");
            OutboxRelay relay = db.relay(bootstrap, "upgraded-node", 500, new SimpleMeterRegistry());
            assertThat(relay.drain()).isEqualTo(3);
            assertThat(old.sql("select count(*) from im.outbox_record").query(Long.class).single()).isZero();

            ChargingEvent relayed = CHARGING.deserialize(Topics.CHARGING, consume(bootstrap, Topics.CHARGING, payer).value());
            assertThat(relayed.eventId()).isEqualTo(event.eventId());
            assertThat(relayed.nodeId()).isEqualTo("upgraded-node");
            assertThat(relayed.sequence()).as("the node's first number in this database").isEqualTo(1);
            assertThat(new String(consume(bootstrap, Topics.SMS_MT, to).value(), StandardCharsets.UTF_8)).contains("upgrade-" + to);
            assertThat(new String(consume(bootstrap, Topics.SMS_MT, during).value(), StandardCharsets.UTF_8)).contains("during-" + during);
        }
    }

    private static ConsumerRecord<String, byte[]> consume(String bootstrap, String topic, String key) {
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers", bootstrap,
                "group.id", "outbox-upgrade-" + UUID.randomUUID(), "auto.offset.reset", "earliest"), new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
        }
        return found.getFirst();
    }
}
