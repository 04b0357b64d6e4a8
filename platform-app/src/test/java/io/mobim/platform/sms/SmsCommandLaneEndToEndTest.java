package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.smpp.mo.MoSink;
import java.time.Instant;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.support.KeyedRecords;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * The all-in-one's gateway hands MOs to the commands in the process: a text is handled and its MT sent without a record
 * on {@code sms.mo.v1}. MOs whose transaction fails go through {@code sms.mo.v1} instead and are handled there, once
 * (what that listener does with a poll holding one that can never be handled, {@link SmsBatchEndToEndTest} shows).
 */
@MobimIntegrationTest
class SmsCommandLaneEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired MeterRegistry meters;
    @Autowired Environment env;
    @Autowired PlatformTransactionManager transactions;
    @Autowired SmsCommandBatch commands;
    @Autowired MoSink kafka;

    private long laneBatches() {
        DistributionSummary s = meters.find("mobim.sms.lane.batch").summary();
        return s == null ? 0 : s.count();
    }

    private static SmsMo mo(Msisdn from, String text) {
        return SmsMo.of(UUID.randomUUID().toString(), from.value(), "20123", text, Instant.now(), "sim", 1, null);
    }

    @Test
    void aTextIsHandledInTheProcessWithoutARecordOnTheMoTopic() {
        Handsets handsets = new Handsets(smsc, subscribers);
        Msisdn alice = handsets.subscriber("alice");
        Msisdn bob = handsets.subscriber("bob");
        handsets.addsContact(alice, bob, "bob");
        long before = laneBatches();

        handsets.text(alice, "1 through the lane");

        assertThat(handsets.awaitSms(bob, "through the lane").text()).contains("alice");
        assertThat(laneBatches()).isGreaterThan(before);
        assertThat(records(Topics.SMS_MO, alice.value(), Duration.ofSeconds(2))).as("nothing from alice on sms.mo.v1").isEmpty();
    }

    /** A batch handler that fails every transaction holding a marked MO, and otherwise is the application's. */
    private static final class FailingWhenMarked extends SmsCommandBatch {
        private final SmsCommandBatch real;

        FailingWhenMarked(SmsCommandBatch real) {
            super(null, null, null, null, null);
            this.real = real;
        }

        @Override
        public void handleAll(List<SmsMo> mos) {
            real.handleAll(mos);
            if (mos.stream().anyMatch(mo -> mo.text().contains("[fail the lane]"))) {
                throw new IllegalStateException("a command of this transaction cannot be carried out here");
            }
        }
    }

    @Test
    void mosOfAFailedTransactionGoThroughKafkaAndAreHandledThereOnce() {
        Handsets handsets = new Handsets(smsc, subscribers);
        Msisdn writer = handsets.subscriber("writer");
        Msisdn other = handsets.subscriber("other");
        Msisdn reader = handsets.subscriber("reader");
        handsets.addsContact(writer, reader, "reader");
        handsets.addsContact(other, reader, "reader");
        SmsCommandLane lane = new SmsCommandLane(new TransactionTemplate(transactions), new FailingWhenMarked(commands),
                new SmsSettings.CommandLane(true, 1, 500, Duration.ofMillis(200)), new SimpleMeterRegistry());
        try {
            MoSink sink = lane.around(kafka);

            // one transaction (gathered within 200 ms): its work is rolled back, and both MOs go to sms.mo.v1
            CompletableFuture.allOf(sink.publish(mo(writer, "1 marked [fail the lane]")), sink.publish(mo(other, "1 beside it")))
                    .join();

            assertThat(handsets.awaitSms(reader, "beside it").text()).contains("other");
            assertThat(handsets.awaitSms(reader, "marked").text()).contains("writer");
            assertThat(records(Topics.SMS_MO, writer.value(), WAIT)).as("handed to sms.mo.v1").hasSize(1);
            await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> smsc.messagesTo(reader.value()).stream()
                    .filter(m -> m.text().contains("beside it")).count() == 1);
        } finally {
            lane.close();
        }
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic, String key, Duration wait) {
        return KeyedRecords.await(env.getProperty("spring.kafka.bootstrap-servers"), topic, key, wait);
    }
}
