package io.mobim.smpp.mo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.ScriptedSmsc;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestKafka;
import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.kafka.KafkaMoLag;
import io.mobim.smpp.kafka.KafkaSmsPublisher;
import io.mobim.smpp.mt.InMemoryMtLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jsmpp.SMPPConstant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * MO admission over a real jSMPP session and a real broker: while the platform's backlog (MTs queued in the gateway,
 * the IM core's lag on {@code sms.mo.v1}) is at the limit, deliver_sm stay unanswered and unpublished; once it falls,
 * each is answered ESME_ROK and published once, in the order it came; one held past {@code max-hold} is answered
 * ESME_RX_T_APPN, never published, and its redelivery is taken.
 */
class MoAdmissionTest {

    private static final String ALICE = "+447700900201";
    private static final Duration AT_MOST = Duration.ofSeconds(60);
    private static final int LIMIT = 3;

    private final String run = Long.toString(System.nanoTime(), 36);
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ExecutorService senders = Executors.newCachedThreadPool();
    /** Holds the SMS-C's submit_sm_resp (the MT side held back) until counted down. */
    private final CountDownLatch submitsAnswered = new CountDownLatch(1);
    private ScriptedSmsc smsc;
    private SmppGateway gateway;
    private KafkaTemplate<String, Object> producer;
    private KafkaMoLag lag;
    private TestKafka.TopicReader<SmsMo> mos;

    @AfterEach
    void tearDown() throws Exception {
        submitsAnswered.countDown();
        if (gateway != null) {
            gateway.close();
        }
        if (lag != null) {
            lag.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (producer != null) {
            producer.destroy();
        }
        if (mos != null) {
            mos.close();
        }
        senders.shutdownNow();
    }

    private void startGateway(Duration maxHold, MoLag moLag) throws Exception {
        smsc = new ScriptedSmsc();
        smsc.beforeResponse((submitted, s) -> {
            try {
                submitsAnswered.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        SmppProperties.Mo mo = SmppProperties.Mo.defaults()
                .withAdmission(SmppProperties.Admission.defaults().enabledWithLimits(LIMIT, LIMIT, maxHold));
        producer = TestKafka.producer(TestKafka.bootstrapServers(), mo.ackTimeout());
        KafkaSmsPublisher kafka = TestKafka.publisher(producer);
        // one submit at a time, answered only when the test says: the other MTs wait in the gateway's memory
        SmppProperties.Smsc link = SmppProperties.Smsc.of("scripted", "127.0.0.1", smsc.port(), "mobim", "pw")
                .withLimits(0, 1).withTransactionTimeout(Duration.ofSeconds(60))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300));
        gateway = new SmppGateway(List.of(link), SmppProperties.Mt.defaults(), mo, new InMemoryMtLedger(),
                new Reassembler(mo.reassemblyTimeout()), kafka, kafka, moLag, registry, Clock.systemUTC()).start();
        await().atMost(AT_MOST).until(() -> gateway.awaitBound(Duration.ofMillis(10)) && smsc.bound());
        mos = new TestKafka.TopicReader<>(TestKafka.bootstrapServers(), Topics.SMS_MO, SmsMo.class);
    }

    /** {@code n} MTs to as many handsets: the first goes into the one submit, the rest wait unsent. */
    private void mtBacklog(int n) {
        List<SmsMt> mts = IntStream.range(0, n).mapToObj(i -> SmsMt.of(run + "-mt-" + i, "20123",
                "+4477009003" + String.format("%02d", i), "reply " + i, Instant.now().plus(Duration.ofMinutes(10)),
                false, "im.reply")).toList();
        gateway.acceptAll(mts);
        await().atMost(AT_MOST).until(() -> smsc.submits().size() == 1);
    }

    private Future<Integer> deliver(String text) {
        return senders.submit(() -> smsc.deliverMo(ALICE, "20123", text));
    }

    private List<String> published(String prefix) {
        return mos.values().stream().map(SmsMo::text).filter(t -> t.startsWith(prefix)).toList();
    }

    private double admission(String outcome) {
        var c = registry.find("mobim.smpp.mo.admission").tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void mosPastTheLimitWaitUnansweredUntilTheMtBacklogDrainsThenAreTakenOnceInOrder() throws Exception {
        startGateway(Duration.ofSeconds(30), MoLag.NONE);
        mtBacklog(5);
        String prefix = "1 held " + run + " ";

        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(deliver(prefix + i));
            int held = i + 1;
            await().atMost(AT_MOST).until(() -> gateway.moAdmission().held() == held);
        }
        assertThat(answers).as("held: no deliver_sm_resp yet").noneMatch(Future::isDone);
        assertThat(published(prefix)).as("held: not on the topic").isEmpty();
        assertThat(registry.get("mobim.smpp.mo.admission.held").gauge().value()).isEqualTo(4);

        submitsAnswered.countDown();

        for (Future<Integer> a : answers) {
            assertThat(a.get(AT_MOST.toSeconds(), TimeUnit.SECONDS)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        }
        await().atMost(AT_MOST).until(() -> published(prefix).size() >= 4);
        assertThat(published(prefix)).as("each once, in the order the SMS-C sent them")
                .containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3);
        assertThat(smsc.submits()).hasSize(5);
        assertThat(admission("held")).isEqualTo(4);
        assertThat(admission("refused-after-hold")).isZero();
        assertThat(gateway.moAdmission().held()).isZero();
    }

    @Test
    void anMoHeldPastTheLongestHoldIsAskedAgainWithoutBeingPublishedAndItsRedeliveryIsTaken() throws Exception {
        startGateway(Duration.ofMillis(300), MoLag.NONE);
        mtBacklog(5);
        String text = "2 held too long " + run;

        assertThat(smsc.deliverMo(ALICE, "20123", text)).as("held past max-hold: the SMS-C delivers it again later")
                .isEqualTo(SMPPConstant.STAT_ESME_RX_T_APPN);
        assertThat(admission("refused-after-hold")).isEqualTo(1);

        submitsAnswered.countDown();
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100))
                .until(() -> smsc.deliverMo(ALICE, "20123", text) == SMPPConstant.STAT_ESME_ROK);

        await().atMost(AT_MOST).until(() -> !published(text).isEmpty());
        assertThat(published(text)).as("only the redelivery that was taken").hasSize(1);
        assertThat(registry.get("mobim.smpp.mo").tag("outcome", "published").counter().count()).isEqualTo(1);
    }

    @Test
    void mosWaitWhileTheImCoreIsBehindOnTheTopicAndAreTakenOnceItCatchesUp() throws Exception {
        String group = "im-behind-" + run;
        TopicPartition partition = new TopicPartition(Topics.SMS_MO, 0);
        try (KafkaConsumer<String, SmsMo> im = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new JsonEventSerde<>(SmsMo.class))) {
            // the IM core has handled everything so far, and then stops
            im.assign(List.of(partition));
            im.seekToEnd(List.of(partition));
            im.commitSync(Map.of(partition, new org.apache.kafka.clients.consumer.OffsetAndMetadata(im.position(partition))));
            lag = new KafkaMoLag(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                    SmppProperties.Admission.defaults().enabledWithLimits(LIMIT, LIMIT, Duration.ofSeconds(30))
                            .withConsumerGroup(group));
            startGateway(Duration.ofSeconds(30), lag);
            String prefix = "3 behind " + run + " ";

            for (int i = 0; i < LIMIT; i++) {
                assertThat(smsc.deliverMo(ALICE, "20123", prefix + i)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
            }
            Future<Integer> past = deliver(prefix + LIMIT);
            await().atMost(AT_MOST).until(() -> gateway.moAdmission().held() == 1);
            assertThat(past).as("the IM core has %d MOs unhandled: held", LIMIT).isNotDone();
            assertThat(registry.get("mobim.smpp.mo.admission.backlog").tag("signal", "im-lag").gauge().value())
                    .isGreaterThanOrEqualTo(LIMIT);

            // the IM core catches up: takes what is there and commits
            await().atMost(AT_MOST).until(() -> {
                im.poll(Duration.ofMillis(100));
                im.commitSync();
                return past.isDone();
            });
            assertThat(past.get()).isEqualTo(SMPPConstant.STAT_ESME_ROK);
            await().atMost(AT_MOST).until(() -> published(prefix).size() >= LIMIT + 1);
            assertThat(published(prefix)).containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3);
        }
    }

    @Test
    void whereTheImCoreCountsItsLagInTheProcessMosWaitUntilItSaysItHasHandledThem() throws Exception {
        HandledMoLag counted = new HandledMoLag();
        counted.handled(10); // a backlog from before a restart, handled but never published here: no credit
        startGateway(Duration.ofSeconds(30), counted);
        String prefix = "4 counted " + run + " ";

        for (int i = 0; i < LIMIT; i++) {
            assertThat(smsc.deliverMo(ALICE, "20123", prefix + i)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        }
        Future<Integer> past = deliver(prefix + LIMIT);
        await().atMost(AT_MOST).until(() -> gateway.moAdmission().held() == 1);
        assertThat(counted.estimate()).isEqualTo(LIMIT);
        assertThat(past).as("%d MOs published and not handled: held", LIMIT).isNotDone();

        counted.handled(1);
        assertThat(past.get(AT_MOST.toSeconds(), TimeUnit.SECONDS)).isEqualTo(SMPPConstant.STAT_ESME_ROK);
        await().atMost(AT_MOST).until(() -> published(prefix).size() >= LIMIT + 1);
        assertThat(published(prefix)).containsExactly(prefix + 0, prefix + 1, prefix + 2, prefix + 3);
        assertThat(counted.estimate()).isEqualTo(LIMIT);
    }
}
