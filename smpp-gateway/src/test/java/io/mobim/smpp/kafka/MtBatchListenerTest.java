package io.mobim.smpp.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.MalformedEvent;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestPostgres;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mt.InMemoryMtLedger;
import io.mobim.smpp.mt.JdbcMtLedger;
import io.mobim.smpp.mt.MtLedger;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The {@code sms.mt.v1} batch listener against the real gateway, the SMS-C simulator over jSMPP and the PostgreSQL
 * ledger: a poll with duplicate request ids, an unreadable record and an MT the database refuses. Records are
 * built as the container hands them over (the unreadable one through the real {@link ErrorHandlingDeserializer}).
 */
class MtBatchListenerTest {

    private static final String BOB = "+447700900002";
    private static final String CAROL = "+447700900003";

    private SmscSimulator smsc;
    private SmppGateway gateway;
    private SimpleMeterRegistry registry;
    private long offset;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private MtBatchListener start(MtLedger ledger) throws InterruptedException {
        smsc = SmscSimulator.start(0);
        registry = new SimpleMeterRegistry();
        SmppProperties.Smsc link = SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "mobim", "pw");
        gateway = new SmppGateway(List.of(link), SmppProperties.Mt.defaults(), SmppProperties.Mo.defaults(), ledger,
                mo -> CompletableFuture.completedFuture(null), d -> CompletableFuture.completedFuture(null),
                registry, Clock.systemUTC()).start();
        await(() -> gateway.awaitBound(Duration.ofMillis(10)));
        return new MtBatchListener(gateway);
    }

    private static SmsMt mt(String id, String to, String text) {
        return SmsMt.of(id, "20123", to, text, Instant.now().plus(Duration.ofMinutes(5)), false, "im.reply");
    }

    private ConsumerRecord<String, SmsMt> record(SmsMt mt) {
        return new ConsumerRecord<>(Topics.SMS_MT, 0, offset++, mt.to(), mt);
    }

    /** What the container hands over for bytes that are not an SmsMt: a null value, the failure in a header. */
    private ConsumerRecord<String, SmsMt> unreadable(String json) {
        RecordHeaders headers = new RecordHeaders();
        try (var deserializer = new ErrorHandlingDeserializer<>(new JsonEventSerde<>(SmsMt.class))) {
            SmsMt value = deserializer.deserialize(Topics.SMS_MT, headers, json.getBytes(StandardCharsets.UTF_8));
            assertThat(value).isNull();
        }
        return new ConsumerRecord<>(Topics.SMS_MT, 0, offset++, -1L, org.apache.kafka.common.record.TimestampType.CREATE_TIME,
                -1, -1, BOB, null, headers, java.util.Optional.empty());
    }

    private List<String> textsTo(String msisdn) {
        return smsc.messagesTo(msisdn).stream().map(HandsetMessage::text).toList();
    }

    private double duplicates() {
        return registry.find("mobim.smpp.mt").tag("outcome", "duplicate").counter().count();
    }

    @Test
    void aPollWithDuplicatesAndAnUnreadableRecordSendsEveryMtOnce() throws Exception {
        TestPostgres.jdbc().update("delete from smpp.mt_request");
        MtBatchListener listener = start(new JdbcMtLedger(TestPostgres.jdbc()));

        List<ConsumerRecord<String, SmsMt>> poll = new ArrayList<>(List.of(
                record(mt("a", BOB, "one")), record(mt("b", CAROL, "two")), record(mt("a", BOB, "one")),
                record(mt("c", BOB, "three")), record(mt("b", CAROL, "two")), unreadable("{\"requestId\":\"x\"}"),
                record(mt("d", CAROL, "four"))));
        assertThatThrownBy(() -> listener.onMessage(poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).as("the unreadable record is named").isEqualTo(5);
                    assertThat(e.getCause()).isInstanceOf(MalformedEvent.class).hasMessageContaining("not a valid SmsMt");
                });
        // the container dead-letters record 5 and delivers the rest again, after a replay of what went before
        listener.onMessage(List.of(poll.get(6), record(mt("a", BOB, "one")), record(mt("c", BOB, "three"))));

        await(() -> gateway.mtSender().backlog() == 0 && textsTo(BOB).size() == 2 && textsTo(CAROL).size() == 2);
        assertThat(textsTo(BOB)).containsExactlyInAnyOrder("one", "three");
        assertThat(textsTo(CAROL)).containsExactlyInAnyOrder("two", "four");
        assertThat(TestPostgres.jdbc().queryForList("select request_id from smpp.mt_request order by request_id", String.class))
                .containsExactly("a", "b", "c", "d");
        assertThat(duplicates()).as("two in the poll, two replayed").isEqualTo(4);
    }

    @Test
    void anMtTheDatabaseRefusesIsNamedAndTheOthersOfItsPollAreSentOnce() throws Exception {
        TestPostgres.jdbc().update("delete from smpp.mt_request");
        MtBatchListener listener = start(new JdbcMtLedger(TestPostgres.jdbc()));
        // a valid SmsMt whose expiry PostgreSQL cannot store (timestamptz ends in 294276 AD): the poll's one insert fails
        SmsMt refused = SmsMt.of("far-future", "20123", BOB, "never", Instant.parse("+300000-01-01T00:00:00Z"), false, null);

        List<ConsumerRecord<String, SmsMt>> poll = List.of(record(mt("e", BOB, "five")), record(mt("f", CAROL, "six")),
                record(refused), record(mt("g", BOB, "seven")));
        assertThatThrownBy(() -> listener.onMessage(poll))
                .isInstanceOfSatisfying(BatchListenerFailedException.class, e -> {
                    assertThat(e.getIndex()).isEqualTo(2);
                    assertThat(e.getCause()).as("dead-lettered at once, not retried for ever").isInstanceOf(MalformedEvent.class)
                            .hasMessageContaining("out of range");
                });
        listener.onMessage(poll.subList(3, 4));

        await(() -> gateway.mtSender().backlog() == 0 && textsTo(BOB).size() == 2 && textsTo(CAROL).size() == 1);
        assertThat(textsTo(BOB)).containsExactlyInAnyOrder("five", "seven");
        assertThat(textsTo(CAROL)).containsExactly("six");
        assertThat(duplicates()).isZero();
    }

    @Test
    void theInMemoryLedgerTakesARequestIdOncePerPoll() throws Exception {
        MtBatchListener listener = start(new InMemoryMtLedger());
        listener.onMessage(List.of(record(mt("h", BOB, "eight")), record(mt("h", BOB, "eight")), record(mt("i", CAROL, "nine"))));
        listener.onMessage(List.of(record(mt("h", BOB, "eight"))));
        await(() -> gateway.mtSender().backlog() == 0 && textsTo(BOB).size() == 1 && textsTo(CAROL).size() == 1);
        assertThat(textsTo(BOB)).containsExactly("eight");
        assertThat(duplicates()).isEqualTo(2);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
