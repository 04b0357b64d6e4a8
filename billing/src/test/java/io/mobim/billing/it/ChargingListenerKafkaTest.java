package io.mobim.billing.it;

import static io.mobim.billing.it.KafkaTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.billing.Traffic;
import io.mobim.billing.records.BillService;
import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargingEvent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka wiring on a real broker: events on charging.v1 become rated records once each (duplicates on the topic
 * included), and a record that is not a charging event, or whose event time is years away (PostgreSQL would have no
 * partition for it), goes to charging.v1.dlt with the reason while the events around it are rated.
 */
@SpringBootTest(classes = BillingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
                "mobim.role.billing.enabled=true",
                "mobim.billing.consumer.enabled=true",
                "mobim.billing.consumer.group-id=billing-listener-test",
                "mobim.billing.consumer.max-poll-records=25",
                "spring.jpa.hibernate.ddl-auto=validate",
                "spring.flyway.enabled=false"
        })
@ContextConfiguration(initializers = TestDatabase.class)
class ChargingListenerKafkaTest {

    private static EmbeddedKafkaBroker kafka;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws Exception {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(java.nio.file.Files.createTempDirectory("billing-kafka"), io.mobim.embedded.FreePorts.pick(), 1, true);
            kafka.createTopics(Map.of(Topics.CHARGING, 3, Topics.deadLetter(Topics.CHARGING), 1));
        }
        registry.add("spring.kafka.bootstrap-servers", () -> kafka.bootstrapServers());
    }

    @AfterAll
    static void stopKafka() throws Exception {
        // the cached context's consumer keeps polling a stopped broker until the JVM ends: harmless
        kafka.close();
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired BillService bills;

    @Test
    void rates_each_event_once_and_dead_letters_the_malformed_and_the_out_of_window_ones() throws Exception {
        String a = "+447744" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        String b = "+33677" + (100_000 + ThreadLocalRandom.current().nextInt(899_999));
        Traffic ta = new Traffic("im-kafka", 1, a, "VODAFONE_UK");
        Traffic tb = new Traffic("im-kafka-2", 1, b, "ORANGE_FR_CHAT");
        List<ChargingEvent> events = new ArrayList<>();
        Instant at = Instant.parse("2026-11-10T10:00:00Z");
        for (int i = 0; i < 60; i++) {
            events.add(ta.sentSms(at.plusSeconds(i), 1));
            events.add(tb.sentSms(at.plusSeconds(i), 1));
        }
        JsonEventSerde<ChargingEvent> serde = new JsonEventSerde<>(ChargingEvent.class);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < events.size(); i++) {
                ChargingEvent e = events.get(i);
                producer.send(new ProducerRecord<>(Topics.CHARGING, e.key(), serde.serialize(Topics.CHARGING, e)));
                if (i == 30) {
                    producer.send(new ProducerRecord<>(Topics.CHARGING, a, "{\"eventId\":\"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8)));
                }
                if (i == 50) {  // a producer's clock gone wrong: years before the accepted window
                    ChargingEvent ancient = ta.sentSms(Instant.parse("2019-03-01T10:00:00Z"), 1);
                    producer.send(new ProducerRecord<>(Topics.CHARGING, a, serde.serialize(Topics.CHARGING, ancient)));
                }
            }
            for (ChargingEvent e : events.subList(0, 40)) {       // the outbox relayed these twice
                producer.send(new ProducerRecord<>(Topics.CHARGING, e.key(), serde.serialize(Topics.CHARGING, e)));
            }
            producer.flush();
        }

        await(() -> count(a) + count(b) == 120);
        List<ConsumerRecord<String, byte[]>> dead = KafkaTestSupport.read(kafka.bootstrapServers(), Topics.deadLetter(Topics.CHARGING), 2);
        assertThat(dead).hasSize(2).allSatisfy(r -> {
            assertThat(r.key()).isEqualTo(a);
            assertThat(r.headers().lastHeader("kafka_dlt-original-topic").value()).asString(StandardCharsets.UTF_8)
                    .isEqualTo(Topics.CHARGING);
            assertThat(header(r, "mobim_dlt_kind")).isEqualTo("PERMANENT");
        });
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{\"eventId\":\"not-a-uuid\"}");
        assertThat(header(dead.get(0), "mobim_dlt_reason")).contains("not a valid ChargingEvent");
        assertThat(header(dead.get(1), "mobim_dlt_reason")).contains("event time 2019-03-01T10:00:00Z")
                .contains("max-event-age");
        assertThat(bills.bill(a, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("7.20"));  // 60 x 0.12
        assertThat(bills.bill(b, "2026-11").totals().get(0).amount()).isEqualTo(new BigDecimal("12.00")); // 60 x 0.20
        assertThat(count(a) + count(b)).isEqualTo(120);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header h = record.headers().lastHeader(name);
        assertThat(h).as(name).isNotNull();
        return new String(h.value(), StandardCharsets.UTF_8);
    }

    private long count(String msisdn) {
        Long n = jdbc.queryForObject("select count(*) from billing.rated_record where msisdn = ?", Long.class, msisdn);
        return n == null ? 0 : n;
    }
}
