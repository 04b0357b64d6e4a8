package io.mobim.smpp.mo;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestPostgres;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.codec.Segment;
import io.mobim.smpp.codec.SmsSplitter;
import io.mobim.smpp.codec.SmsTextDecoder;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mt.InMemoryMtLedger;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Parts of long MOs in PostgreSQL: durable before the SMS-C is acknowledged. */
class JdbcMoPartStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private JdbcTemplate jdbc;
    private JdbcMoPartStore store;

    @BeforeEach
    void setUp() {
        jdbc = TestPostgres.jdbc();
        jdbc.update("delete from smpp.mo_part");
        store = new JdbcMoPartStore(jdbc, Duration.ofMinutes(5));
    }

    private static List<Reassembler.Part> parts(String text, int ref) {
        List<Reassembler.Part> out = new ArrayList<>();
        for (Segment s : new SmsSplitter(10).split(text, ref, ConcatMode.SAR)) {
            out.add(new Reassembler.Part("smsc0", "+447700900001", "20123", s.reference(), s.total(), s.seq(),
                    s.encoding().dataCoding(), s.shortMessage(), null));
        }
        return out;
    }

    private static String text(Reassembler.Assembled a) {
        return SmsTextDecoder.decode(a.dataCoding(), a.octets(), SmsTextDecoder.DefaultAlphabet.GSM7);
    }

    @Test
    void outOfOrderAndDuplicatePartsCompleteOnce() {
        String text = "Ünïcödé ☺ ".repeat(20);
        List<Reassembler.Part> ps = new ArrayList<>(parts(text, 7));
        Collections.reverse(ps);
        assertThat(store.offer(ps.get(0), T0)).isEmpty();
        assertThat(store.offer(ps.get(0), T0)).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(1);
        Optional<Reassembler.Assembled> done = Optional.empty();
        for (int i = 1; i < ps.size(); i++) {
            done = store.offer(ps.get(i), T0);
        }
        assertThat(done).map(JdbcMoPartStoreTest::text).contains(text);
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void restoreKeepsAllButTheRefusedPartAndOldPartsExpire() {
        List<Reassembler.Part> ps = parts("a".repeat(400), 9);
        ps.forEach(p -> store.offer(p, T0));
        Reassembler.Assembled whole = Reassembler.join(ps.toArray(Reassembler.Part[]::new));
        store.restore(whole, 3, T0);
        assertThat(jdbc.queryForObject("select count(*) from smpp.mo_part", Integer.class)).isEqualTo(2);
        assertThat(store.offer(ps.get(2), T0)).map(JdbcMoPartStoreTest::text).contains("a".repeat(400));

        store.offer(ps.get(0), T0);
        assertThat(store.expire(T0.plus(Duration.ofMinutes(4)))).isZero();
        assertThat(store.expire(T0.plus(Duration.ofMinutes(6)))).isEqualTo(1);
        assertThat(store.pendingCount()).isZero();
    }

    @Test
    void aLongMoThroughTheGatewayWithItsPartsInPostgres() throws Exception {
        List<SmsMo> mos = new CopyOnWriteArrayList<>();
        AtomicInteger failOnce = new AtomicInteger(1);
        try (SmscSimulator smsc = SmscSimulator.start(0);
             SmppGateway gateway = new SmppGateway(List.of(SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "m", "p")),
                     SmppProperties.Mt.defaults(), SmppProperties.Mo.defaults(), new InMemoryMtLedger(), store, mo -> {
                         if (failOnce.getAndDecrement() > 0) {
                             return CompletableFuture.failedFuture(new IllegalStateException("Kafka is down"));
                         }
                         mos.add(mo);
                         return CompletableFuture.completedFuture(null);
                     }, d -> CompletableFuture.completedFuture(null), new SimpleMeterRegistry(), Clock.systemUTC()).start()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!gateway.links().canTransmit()) {
                assertThat(System.nanoTime()).isLessThan(deadline);
                Thread.sleep(10);
            }
            String text = "5 " + "долгое сообщение ".repeat(10);
            smsc.injectMo("+447700900001", "20123", text).get(30, TimeUnit.SECONDS);
            assertThat(mos).singleElement().satisfies(mo -> {
                assertThat(mo.text()).isEqualTo(text);
                assertThat(mo.segments()).isEqualTo(3);
            });
            assertThat(store.pendingCount()).isZero();
        }
    }
}
