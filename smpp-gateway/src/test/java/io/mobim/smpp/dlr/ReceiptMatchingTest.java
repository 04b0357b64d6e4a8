package io.mobim.smpp.dlr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.ScriptedSmsc;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestKafka;
import io.mobim.smpp.TestPostgres;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.kafka.KafkaSmsPublisher;
import io.mobim.smpp.mt.JdbcMtLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Receipts against the PostgreSQL ledger, a real broker ({@code sms.dlr.v1}) and a scripted SMS-C: one that
 * overtakes its own MT's submit_sm_resp is applied after the ACCEPTED, without an error in the log; one whose
 * message id also belongs to an MT of another handset is applied to the MT of its own handset only.
 */
class ReceiptMatchingTest {

    private static final Duration AT_MOST = Duration.ofSeconds(60);

    private final String alice = handset();
    private final String bob = handset();
    private final String carol = handset();
    private ScriptedSmsc smsc;
    private SmppGateway gateway;
    private KafkaTemplate<String, Object> producer;
    private TestKafka.TopicReader<SmsDlr> dlrs;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    private static String handset() {
        return "+4477009" + String.format("%05d", (int) (Math.random() * 100_000));
    }

    @BeforeEach
    void setUp() throws Exception {
        log.start();
        ((Logger) LoggerFactory.getLogger("io.mobim.smpp")).addAppender(log);
        smsc = new ScriptedSmsc();
        producer = TestKafka.producer(TestKafka.bootstrapServers(), Duration.ofSeconds(10));
        dlrs = new TestKafka.TopicReader<>(TestKafka.bootstrapServers(), Topics.SMS_DLR, SmsDlr.class);
    }

    @AfterEach
    void tearDown() throws Exception {
        ((Logger) LoggerFactory.getLogger("io.mobim.smpp")).detachAppender(log);
        if (gateway != null) {
            gateway.close();
        }
        smsc.close();
        producer.destroy();
        dlrs.close();
    }

    private void startGateway(Duration receiptHold) {
        KafkaSmsPublisher kafka = TestKafka.publisher(producer);
        SmppProperties.Mo mo = new SmppProperties.Mo(Duration.ofSeconds(10), Duration.ofMinutes(5), 4096, receiptHold,
                SmppProperties.Admission.defaults());
        SmppProperties.Smsc link = SmppProperties.Smsc.of("scripted", "127.0.0.1", smsc.port(), "mobim", "pw")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300));
        gateway = new SmppGateway(List.of(link), SmppProperties.Mt.defaults(), mo, new JdbcMtLedger(TestPostgres.jdbc()),
                m -> CompletableFuture.completedFuture(null), kafka, registry, Clock.systemUTC()).start();
        await().atMost(AT_MOST).until(() -> gateway.awaitBound(Duration.ofMillis(10)) && smsc.bound());
    }

    private static SmsMt mt(String id, String to, String text) {
        return SmsMt.of(id, "20123", to, text, Instant.now().plus(Duration.ofMinutes(5)), true, "im.reply");
    }

    private List<SmsDlr.Status> statusesOf(String requestId) {
        return dlrs.values().stream().filter(d -> d.requestId().equals(requestId)).map(SmsDlr::status).toList();
    }

    private double gauge(String name) {
        var g = registry.find(name).gauge();
        return g == null ? 0 : g.value();
    }

    private double receipts(String outcome) {
        var c = registry.find("mobim.smpp.receipts").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aReceiptThatOvertakesItsSubmitResponseIsAppliedAfterTheAccepted() throws Exception {
        CompletableFuture<Integer> receiptAnswer = new CompletableFuture<>();
        // the SMS-C sends the receipt first and answers the submit_sm only once the gateway holds that receipt
        smsc.beforeResponse((submitted, s) -> {
            Thread.ofPlatform().daemon().start(() -> {
                try {
                    receiptAnswer.complete(s.deliverReceipt(submitted.to(), submitted.messageId(), DeliveryReceiptState.DELIVRD));
                } catch (Exception e) {
                    receiptAnswer.completeExceptionally(e);
                }
            });
            await().atMost(AT_MOST).until(() -> gauge("mobim.smpp.receipts.held") >= 1);
        });
        startGateway(Duration.ofSeconds(30));
        String id = "early-" + UUID.randomUUID();

        gateway.accept(mt(id, alice, "Hello before the answer"));

        await().atMost(AT_MOST).until(() -> statusesOf(id).size() >= 2);
        assertThat(statusesOf(id)).containsExactly(SmsDlr.Status.ACCEPTED, SmsDlr.Status.DELIVERED);
        assertThat(receiptAnswer.get()).as("the held receipt is acknowledged once applied").isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(smsc.submits()).hasSize(1);
        assertThat(receipts("unmatched")).isZero();
        assertThat(gauge("mobim.smpp.receipts.held")).isZero();
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .isEmpty();
    }

    @Test
    void receiptsSentTogetherWithTheirSubmitResponsesAreAppliedAfterTheAccepted() {
        // the receipt races its own submit_sm_resp: whichever the gateway sees first, the order on Kafka holds
        List<CompletableFuture<Integer>> answers = new java.util.concurrent.CopyOnWriteArrayList<>();
        var senders = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();
        smsc.beforeResponse((submitted, s) -> answers.add(CompletableFuture.supplyAsync(() -> {
            try {
                return s.deliverReceipt(submitted.to(), submitted.messageId(), DeliveryReceiptState.DELIVRD);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, senders)));
        startGateway(Duration.ofSeconds(30));
        List<String> ids = java.util.stream.IntStream.range(0, 20).mapToObj(i -> "race-" + i + "-" + UUID.randomUUID()).toList();
        List<String> handsets = List.of(alice, bob, carol);

        gateway.acceptAll(java.util.stream.IntStream.range(0, ids.size())
                .mapToObj(i -> mt(ids.get(i), handsets.get(i % 3), "race " + i)).toList());

        await().atMost(AT_MOST).until(() -> ids.stream().allMatch(id -> statusesOf(id).size() >= 2));
        for (String id : ids) {
            assertThat(statusesOf(id)).as(id).containsExactly(SmsDlr.Status.ACCEPTED, SmsDlr.Status.DELIVERED);
        }
        assertThat(answers).hasSize(ids.size()).allSatisfy(a -> assertThat(a.join()).isEqualTo(SMPPConstant.STAT_ESME_ROK));
        assertThat(receipts("unmatched")).isZero();
        assertThat(log.list).filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.ERROR) || e.getThrowableProxy() != null)
                .isEmpty();
    }

    @Test
    void aReceiptIsNeverAppliedToAnMtOfAnotherHandset() throws Exception {
        smsc.messageIds(s -> "7"); // an SMS-C that reuses its message ids: both MTs get the same one
        startGateway(Duration.ofMillis(300));
        String toAlice = "alice-" + UUID.randomUUID();
        String toBob = "bob-" + UUID.randomUUID();
        gateway.accept(mt(toAlice, alice, "for alice"));
        await().atMost(AT_MOST).until(() -> statusesOf(toAlice).contains(SmsDlr.Status.ACCEPTED));
        gateway.accept(mt(toBob, bob, "for bob"));
        await().atMost(AT_MOST).until(() -> statusesOf(toBob).contains(SmsDlr.Status.ACCEPTED));

        // a receipt naming a third handset matches neither MT: not applied, the SMS-C is asked to send it again
        assertThat(smsc.deliverReceipt(carol, "7", DeliveryReceiptState.DELIVRD)).isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
        assertThat(receipts("other-recipient")).isGreaterThanOrEqualTo(1);
        // Alice's receipt is for the older MT: a match by message id alone would take Bob's, the newest
        assertThat(smsc.deliverReceipt(alice, "7", DeliveryReceiptState.UNDELIV)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        assertThat(smsc.deliverReceipt(bob, "7", DeliveryReceiptState.DELIVRD)).isEqualTo(SMPPConstant.STAT_ESME_ROK);

        await().atMost(AT_MOST).until(() -> statusesOf(toAlice).size() >= 2 && statusesOf(toBob).size() >= 2);
        assertThat(statusesOf(toAlice)).containsExactly(SmsDlr.Status.ACCEPTED, SmsDlr.Status.FAILED);
        assertThat(statusesOf(toBob)).containsExactly(SmsDlr.Status.ACCEPTED, SmsDlr.Status.DELIVERED);
        assertThat(dlrs.values()).filteredOn(d -> d.to().equals(carol)).isEmpty();
    }
}
