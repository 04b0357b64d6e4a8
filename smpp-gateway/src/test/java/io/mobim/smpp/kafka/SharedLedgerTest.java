package io.mobim.smpp.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.FreePorts;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestKafka;
import io.mobim.smpp.TestPostgres;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mt.JdbcMtLedger;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Two gateways sharing one PostgreSQL ledger and one consumer group on a four-partition {@code sms.mt.v1}, against one
 * SMS-C simulator, each with the real {@code sms.mt.v1} listener container of the application: every MT reaches its
 * handset once and in order, whether both gateways run side by side or one stops mid-stream and the other takes
 * over its partitions and the PENDING MTs it left.
 */
class SharedLedgerTest {

    private static final int PARTITIONS = 4;
    private static final Duration AT_MOST = Duration.ofSeconds(90);

    private static EmbeddedKafkaBroker broker;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<Instance> instances = new ArrayList<>();
    private SmscSimulator smsc;
    private KafkaTemplate<String, Object> producer;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedKafkaBroker.start(Files.createTempDirectory("smpp-shared-ledger"), FreePorts.pick(), 1, true);
        broker.createTopics(Map.of(Topics.SMS_MT, PARTITIONS, Topics.SMS_MT + ".dlt", 1));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        broker.close();
    }

    @AfterEach
    void tearDown() {
        instances.forEach(Instance::stop);
        if (producer != null) {
            producer.destroy();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    /** One gateway as the application builds it: the ledger in PostgreSQL, fed by the sms.mt.v1 listener container. */
    private final class Instance {
        final SmppGateway gateway;
        final ConcurrentMessageListenerContainer<String, SmsMt> listener;
        final KafkaTemplate<String, Object> events;
        final KafkaTemplate<Object, Object> deadLetters;
        final List<SmsDlr> outcomes = new CopyOnWriteArrayList<>();
        private boolean stopped;

        Instance(int maxInMemory) {
            SmppProperties.Smsc link = SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "mobim", "pw")
                    .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300)).withLimits(0, 8);
            SmppProperties.Mt mt = new SmppProperties.Mt(10, Duration.ofMillis(20), Duration.ofMillis(300), maxInMemory,
                    "mobim-smpp-" + run, 1, Duration.ofMillis(100), 1_000, Duration.ofMillis(5), false, Duration.ofDays(14));
            gateway = new SmppGateway(List.of(link), mt, SmppProperties.Mo.defaults(), new JdbcMtLedger(TestPostgres.jdbc()),
                    m -> CompletableFuture.completedFuture(null), d -> {
                        outcomes.add(d);
                        return CompletableFuture.completedFuture(null);
                    }, new SimpleMeterRegistry(), Clock.systemUTC());
            KafkaProperties kafka = new KafkaProperties();
            kafka.setBootstrapServers(List.of(broker.bootstrapServers()));
            events = TestKafka.producer(broker.bootstrapServers(), Duration.ofSeconds(5));
            deadLetters = SmppKafkaConfiguration.rawTemplate(kafka, SmppProperties.Kafka.defaults());
            listener = SmppKafkaConfiguration.mtListener(kafka, mt, gateway, events, deadLetters);
            gateway.start();
            listener.start();
        }

        int assigned() {
            return listener.getAssignedPartitions() == null ? 0 : listener.getAssignedPartitions().size();
        }

        /** This test's MTs whose outcome this gateway published. */
        List<String> sent() {
            return outcomes.stream().map(SmsDlr::requestId).filter(id -> id.startsWith(run + "-")).toList();
        }

        /** As the application stops: the listener first (its partitions are revoked), then the gateway. */
        void stop() {
            if (!stopped) {
                stopped = true;
                listener.stop();
                gateway.close();
                events.destroy();
                deadLetters.destroy();
            }
        }
    }

    /** {@code perPartition} handsets whose MTs (keyed by recipient) land on each partition, as the producer places them. */
    private List<String> handsets(int perPartition) {
        List<List<String>> byPartition = new ArrayList<>();
        IntStream.range(0, PARTITIONS).forEach(p -> byPartition.add(new ArrayList<>()));
        int base = (int) (Math.random() * 90_000);
        for (int i = 0; byPartition.stream().anyMatch(l -> l.size() < perPartition); i++) {
            String to = "+4477009" + String.format("%05d", (base + i) % 100_000);
            int p = Utils.toPositive(Utils.murmur2(to.getBytes(StandardCharsets.UTF_8))) % PARTITIONS;
            if (byPartition.get(p).size() < perPartition) {
                byPartition.get(p).add(to);
            }
        }
        return byPartition.stream().flatMap(List::stream).toList();
    }

    private List<SmsMt> conversation(List<String> handsets, int perHandset) {
        List<SmsMt> out = new ArrayList<>();
        for (int i = 0; i < perHandset; i++) {
            for (String to : handsets) {
                out.add(SmsMt.of(run + "-" + to + "-" + i, "20123", to, "line " + i, Instant.now().plus(Duration.ofMinutes(10)),
                        false, "im.reply"));
            }
        }
        return out;
    }

    private void produce(List<SmsMt> mts) {
        producer = TestKafka.producer(broker.bootstrapServers(), Duration.ofSeconds(5));
        List<CompletableFuture<?>> sends = new ArrayList<>();
        mts.forEach(mt -> sends.add(producer.send(Topics.SMS_MT, mt.to(), mt)));
        CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
    }

    private void assertEachHandsetGotItsLinesOnceInOrder(List<String> handsets, int perHandset) {
        List<String> lines = IntStream.range(0, perHandset).mapToObj(i -> "line " + i).toList();
        for (String h : handsets) {
            assertThat(smsc.messagesTo(h)).extracting(HandsetMessage::text).as("MTs to %s", h).containsExactlyElementsOf(lines);
        }
    }

    private List<String> outcomesOfAll() {
        return instances.stream().flatMap(i -> i.sent().stream()).toList();
    }

    @Test
    void twoGatewaysOnOneLedgerSendEveryMtOnceAndInOrderPerHandset() {
        smsc = SmscSimulator.start(0);
        smsc.slowDown(Duration.ofMillis(5));
        // few held in memory: each gateway reads most of its MTs back from the shared ledger, where the other's wait too
        instances.add(new Instance(5));
        instances.add(new Instance(5));
        await().atMost(AT_MOST).until(() -> instances.get(0).assigned() == 2 && instances.get(1).assigned() == 2);
        List<String> handsets = handsets(2);
        int perHandset = 15;
        List<SmsMt> all = conversation(handsets, perHandset);

        produce(all);

        await().atMost(AT_MOST).until(() -> outcomesOfAll().size() >= all.size());
        assertEachHandsetGotItsLinesOnceInOrder(handsets, perHandset);
        assertThat(outcomesOfAll()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.stream().map(SmsMt::requestId).toList());
        // each sent the MTs of its own two partitions: half the handsets each
        assertThat(instances.get(0).sent()).hasSize(all.size() / 2);
        assertThat(instances.get(1).sent()).hasSize(all.size() / 2);
    }

    @Test
    void aGatewayStoppedMidStreamLeavesItsPendingMtsToTheOtherWhichSendsThemOnce() {
        smsc = SmscSimulator.start(0);
        smsc.slowDown(Duration.ofMillis(20)); // slow enough that much is still PENDING when one gateway stops
        Instance staying = new Instance(10_000);
        Instance leaving = new Instance(10_000);
        instances.add(staying);
        instances.add(leaving);
        await().atMost(AT_MOST).until(() -> staying.assigned() == 2 && leaving.assigned() == 2);
        List<String> handsets = handsets(2);
        int perHandset = 25;
        List<SmsMt> all = conversation(handsets, perHandset);

        produce(all);
        await().atMost(AT_MOST).until(() -> leaving.sent().size() >= 10);
        leaving.stop();
        int sentByLeaving = leaving.sent().size();

        await().atMost(AT_MOST).until(() -> outcomesOfAll().size() >= all.size());
        assertEachHandsetGotItsLinesOnceInOrder(handsets, perHandset);
        assertThat(outcomesOfAll()).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.stream().map(SmsMt::requestId).toList());
        assertThat(sentByLeaving).as("stopped mid-stream").isLessThan(all.size() / 2);
        assertThat(staying.sent()).as("its own half and the rest of the other's")
                .hasSize(all.size() - sentByLeaving);
        assertThat(staying.assigned()).isEqualTo(PARTITIONS);
        assertThat(TestPostgres.jdbc().queryForObject(
                "select count(*) from smpp.mt_request where request_id like ? and state = 'PENDING'", Integer.class, run + "-%"))
                .isZero();
    }
}
