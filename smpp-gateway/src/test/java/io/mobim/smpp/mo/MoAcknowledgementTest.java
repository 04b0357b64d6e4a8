package io.mobim.smpp.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.FreePorts;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.ScriptedSmsc;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestKafka;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.kafka.KafkaSmsPublisher;
import io.mobim.smpp.mt.InMemoryMtLedger;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * deliver_sm is answered by what Kafka did with the MO, over a real jSMPP session and a real broker: ESME_ROK once
 * the broker has the record, ESME_RX_T_APPN while it cannot take it (the SMS-C then delivers it again), and
 * ESME_RX_P_APPN, never retried, for a text longer than {@code mo.max-text-length}.
 */
class MoAcknowledgementTest {

    private static final String ALICE = "+447700900101";
    private static final Duration AT_MOST = Duration.ofSeconds(60);

    private ScriptedSmsc smsc;
    private SmppGateway gateway;
    private KafkaTemplate<String, Object> producer;
    private EmbeddedKafkaBroker ownBroker;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @AfterEach
    void tearDown() throws Exception {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (producer != null) {
            producer.destroy();
        }
        if (ownBroker != null) {
            ownBroker.close();
        }
    }

    private void startGateway(String bootstrap, int maxTextLength) throws Exception {
        smsc = new ScriptedSmsc();
        SmppProperties.Mo mo = new SmppProperties.Mo(Duration.ofSeconds(5), Duration.ofMinutes(5), maxTextLength,
                Duration.ofSeconds(10), SmppProperties.Admission.defaults());
        producer = TestKafka.producer(bootstrap, mo.ackTimeout());
        KafkaSmsPublisher kafka = TestKafka.publisher(producer);
        SmppProperties.Smsc link = SmppProperties.Smsc.of("scripted", "127.0.0.1", smsc.port(), "mobim", "pw")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300));
        gateway = new SmppGateway(List.of(link), SmppProperties.Mt.defaults(), mo, new InMemoryMtLedger(), kafka, kafka,
                registry, Clock.systemUTC()).start();
        await().atMost(AT_MOST).until(() -> gateway.awaitBound(Duration.ofMillis(10)) && smsc.bound());
    }

    private double mo(String outcome) {
        var c = registry.find("mobim.smpp.mo").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void anMoIsAcknowledgedOnceKafkaHasItAndAskedAgainWhileKafkaIsDown() throws Exception {
        int port = FreePorts.pick(); // nothing listens there yet: Kafka is down
        startGateway("127.0.0.1:" + port, 4096);
        String text = "1 Hello while the broker is away";

        assertThat(smsc.deliverMo(ALICE, "20123", text)).as("not durable: the SMS-C must deliver it again")
                .isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
        assertThat(mo("retry-requested")).isEqualTo(1);
        assertThat(mo("published")).isZero();

        ownBroker = TestKafka.start(Files.createTempDirectory("smpp-kafka-late"), port);
        // the SMS-C redelivers until it gets an answer it can stop on
        AtomicInteger attempts = new AtomicInteger(1);
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(200)).until(() -> {
            attempts.incrementAndGet();
            return smsc.deliverMo(ALICE, "20123", text) == SMPPConstant.STAT_ESME_ROK;
        });

        try (var mos = new TestKafka.TopicReader<>(ownBroker.bootstrapServers(), Topics.SMS_MO, SmsMo.class)) {
            // acknowledged, so the broker has it already: one record, whatever the number of attempts
            await().atMost(AT_MOST).until(() -> !mos.values().isEmpty());
            assertThat(mos.values()).singleElement().satisfies(m -> {
                assertThat(m.from()).isEqualTo(ALICE);
                assertThat(m.to()).isEqualTo("20123");
                assertThat(m.text()).isEqualTo(text);
                assertThat(m.fingerprint()).isNotBlank();
            });
        }
        assertThat(mo("published")).isEqualTo(1);
        assertThat(mo("retry-requested")).isEqualTo(attempts.get() - 1);
    }

    @Test
    void anMoAcknowledgedIsAlreadyOnTheTopic() throws Exception {
        startGateway(TestKafka.bootstrapServers(), 4096);
        String text = "2 acknowledged means stored " + System.nanoTime();

        assertThat(smsc.deliverMo(ALICE, "20123", text)).isEqualTo(SMPPConstant.STAT_ESME_ROK);

        try (var mos = new TestKafka.TopicReader<>(TestKafka.bootstrapServers(), Topics.SMS_MO, SmsMo.class)) {
            await().atMost(AT_MOST).until(() -> mos.values().stream().anyMatch(m -> m.text().equals(text)));
            assertThat(mos.values().stream().filter(m -> m.text().equals(text))).singleElement()
                    .satisfies(m -> assertThat(m.from()).isEqualTo(ALICE));
        }
    }

    @Test
    void anMoLongerThanTheBoundIsRefusedForGoodAndNotPublished() throws Exception {
        startGateway(TestKafka.bootstrapServers(), 20);
        String tooLong = "3 this text is longer than twenty " + System.nanoTime();
        String fits = "4 short " + System.nanoTime() % 1000;

        assertThat(smsc.deliverMo(ALICE, "20123", tooLong)).as("permanent: the SMS-C stops resending it")
                .isEqualTo(SMPPConstant.STAT_ESME_RX_P_APPN);
        assertThat(smsc.deliverMo(ALICE, "20123", fits)).isEqualTo(SMPPConstant.STAT_ESME_ROK);

        try (var mos = new TestKafka.TopicReader<>(TestKafka.bootstrapServers(), Topics.SMS_MO, SmsMo.class)) {
            await().atMost(AT_MOST).until(() -> mos.values().stream().anyMatch(m -> m.text().equals(fits)));
            assertThat(mos.values()).extracting(SmsMo::text).doesNotContain(tooLong);
        }
        assertThat(mo("refused")).isEqualTo(1);
        assertThat(mo("retry-requested")).isZero();
    }
}
