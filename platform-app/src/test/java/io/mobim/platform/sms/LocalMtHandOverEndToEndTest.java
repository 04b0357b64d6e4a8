package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * In the all-in-one its gateway is the only one on the MT ledger, so the IM core's outbox hands MTs straight to it: a
 * subscriber's message reaches the recipient's handset without a record on {@code sms.mt.v1}. An MT the gateway can
 * never take still goes through Kafka, where the gateway's listener dead-letters it with its reason, and the MTs
 * written beside it are sent.
 */
@MobimIntegrationTest
class LocalMtHandOverEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired MeterRegistry meters;
    @Autowired Environment env;
    @Autowired Outbox outbox;
    @Autowired PlatformTransactionManager transactions;

    private double handedOver() {
        Counter c = meters.find("mobim.outbox.handed.over").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aMessageBySmsReachesTheRecipientWithoutARecordOnTheMtTopic() {
        Handsets handsets = new Handsets(smsc, subscribers);
        Msisdn alice = handsets.subscriber("alice");
        Msisdn bob = handsets.subscriber("bob");
        handsets.addsContact(alice, bob, "bob");
        double before = handedOver();

        handsets.text(alice, "1 straight to the gateway");

        assertThat(handsets.awaitSms(bob, "straight to the gateway").text()).contains("alice");
        assertThat(handedOver()).as("the MT and the sender's confirmation, if any, went in the process").isGreaterThan(before);
        assertThat(records(Topics.SMS_MT, bob.value(), Duration.ofSeconds(2))).as("nothing to bob on sms.mt.v1").isEmpty();
    }

    @Test
    void anMtTheGatewayCanNeverTakeIsDeadLetteredAndTheOthersAreSent() {
        Msisdn handset = TestNumbers.next();
        String poisonKey = "poison-" + UUID.randomUUID();
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            outbox.append(Topics.SMS_MT, handset.value(), SmsMt.of("before-" + UUID.randomUUID(), "20123", handset.value(),
                    "written before the poison", Instant.now().plusSeconds(600), false, "test"));
            outbox.append(Topics.SMS_MT, poisonKey, Map.of("requestId", poisonKey, "text", "no recipient"));
            outbox.append(Topics.SMS_MT, handset.value(), SmsMt.of("after-" + UUID.randomUUID(), "20123", handset.value(),
                    "written after the poison", Instant.now().plusSeconds(600), false, "test"));
        });

        Handsets handsets = new Handsets(smsc, subscribers);
        handsets.awaitSms(handset, "written before the poison");
        handsets.awaitSms(handset, "written after the poison");
        List<ConsumerRecord<String, byte[]>> dead = records(Topics.deadLetter(Topics.SMS_MT), poisonKey, WAIT);
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.getFirst().headers().lastHeader(Topics.DEAD_LETTER_REASON_HEADER).value(),
                StandardCharsets.UTF_8)).contains("SmsMt");
    }

    /** The records of {@code topic} under {@code key}: waits up to {@code wait} for the first, then returns. */
    private List<ConsumerRecord<String, byte[]>> records(String topic, String key, Duration wait) {
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", env.getProperty("spring.kafka.bootstrap-servers"),
                "group.id", "hand-over-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (out.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        out.add(r);
                    }
                });
            }
        }
        return out;
    }
}
