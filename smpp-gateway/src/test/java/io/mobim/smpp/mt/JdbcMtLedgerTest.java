package io.mobim.smpp.mt;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.codec.Segment;
import io.mobim.smpp.codec.SmsSplitter;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The PostgreSQL ledger against an embedded PostgreSQL with the module's own migration. */
class JdbcMtLedgerTest {

    private static final String BOB = "+447700900002";
    private static final Instant T0 = Instant.parse("2026-11-23T12:00:00Z");
    private static JdbcTemplate jdbc;
    private JdbcMtLedger ledger;

    @BeforeAll
    static void startPostgres() {
        jdbc = io.mobim.smpp.TestPostgres.jdbc();
    }

    @BeforeEach
    void clean() {
        jdbc.update("delete from smpp.mt_request");
        ledger = new JdbcMtLedger(jdbc);
    }

    private static SmsMt mt(String id, boolean receipt) {
        return SmsMt.of(id, "20123", BOB, "hello", T0.plus(Duration.ofHours(1)), receipt, "im.reply");
    }

    @Test
    void aRequestIdIsTakenOnce() {
        assertThat(ledger.register(mt("r1", true), T0)).isTrue();
        assertThat(ledger.register(mt("r1", true), T0)).isFalse();
        assertThat(ledger.open()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(MtLedger.State.PENDING);
            assertThat(o.mt()).isEqualTo(mt("r1", true));
        });
    }

    @Test
    void partsOutcomeAndReceiptsAreTracked() {
        ledger.register(mt("r2", true), T0);
        ledger.partAccepted("r2", 1, 2, "smsc0", "00ab", T0);
        assertThat(ledger.findPart("smsc0", List.of("00ab")).map(MtLedger.PartMatch::state)).contains(MtLedger.State.PENDING);
        ledger.partAccepted("r2", 2, 2, "smsc0", "00ac", T0);
        assertThat(ledger.acceptedParts("r2")).extracting(MtLedger.AcceptedPart::messageId).containsExactly("00ab", "00ac");
        assertThat(ledger.finish("r2", MtLedger.State.ACCEPTED, null, T0)).isTrue();
        assertThat(ledger.finish("r2", MtLedger.State.EXPIRED, null, T0)).isFalse();
        assertThat(ledger.open()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(MtLedger.State.ACCEPTED);
            assertThat(o.messageIds()).containsExactly("00ab", "00ac");
        });
        ledger.outcomePublished("r2");
        assertThat(ledger.open()).isEmpty();

        assertThat(ledger.findPart("other", List.of("00ab"))).isEmpty();
        MtLedger.PartMatch p2 = ledger.findPart("smsc0", List.of("nope", "00ac")).orElseThrow();
        assertThat(p2.seq()).isEqualTo(2);
        assertThat(p2.total()).isEqualTo(2);
        assertThat(p2.receiptWanted()).isTrue();
        assertThat(ledger.receipt("r2", 2, SmsDlr.Status.DELIVERED, "000", T0)).isEmpty();
        Optional<MtLedger.Aggregate> all = ledger.receipt("r2", 1, SmsDlr.Status.FAILED, "001", T0);
        assertThat(all).contains(new MtLedger.Aggregate(SmsDlr.Status.FAILED, "001", List.of("00ab", "00ac")));
        // a repeated receipt yields the same aggregate until it is published, then nothing
        assertThat(ledger.receipt("r2", 1, SmsDlr.Status.FAILED, "001", T0)).isPresent();
        ledger.receiptPublished("r2", SmsDlr.Status.FAILED, T0);
        assertThat(ledger.receipt("r2", 1, SmsDlr.Status.FAILED, "001", T0)).isEmpty();
    }

    @Test
    void aSinglePartMtIsAcceptedAndReceiptedInOneWriteEach() {
        ledger.register(mt("r3", true), T0);
        assertThat(ledger.lastPartAccepted("r3", 1, 1, "smsc0", "00ad", T0)).isTrue();
        assertThat(ledger.lastPartAccepted("r3", 1, 1, "smsc0", "00ad", T0)).as("no longer PENDING").isFalse();
        assertThat(ledger.open()).singleElement().satisfies(o -> {
            assertThat(o.state()).isEqualTo(MtLedger.State.ACCEPTED);
            assertThat(o.messageIds()).containsExactly("00ad");
        });
        ledger.outcomesPublished(List.of("r3", "unknown"));
        assertThat(ledger.open()).isEmpty();

        MtLedger.PartMatch part = ledger.findPart("smsc0", List.of("00ad")).orElseThrow();
        assertThat(part.total()).isEqualTo(1);
        assertThat(part.outcomePublished()).isTrue();
        Optional<MtLedger.Aggregate> done = ledger.receipt(part, SmsDlr.Status.FAILED, "001", T0);
        assertThat(done).contains(new MtLedger.Aggregate(SmsDlr.Status.FAILED, "001", List.of("00ad")));
        ledger.receiptPublished(part, done.orElseThrow(), T0);
        assertThat(jdbc.queryForObject("select receipt_status || ' ' || receipt_error from smpp.mt_part where request_id = 'r3'",
                String.class)).isEqualTo("FAILED 001");
        MtLedger.PartMatch again = ledger.findPart("smsc0", List.of("00ad")).orElseThrow();
        assertThat(again.receiptPublished()).isTrue();
        assertThat(ledger.receipt(again, SmsDlr.Status.FAILED, "001", T0)).as("published once").isEmpty();
    }

    @Test
    void aRestartResumesAtTheFirstPartNotAccepted() throws Exception {
        String text = "z".repeat(400);
        SmsMt mt = SmsMt.of("resume", "20123", BOB, text, Instant.now().plus(Duration.ofMinutes(5)), false, null);
        try (SmscSimulator smsc = SmscSimulator.start(0)) {
            // a previous run took the MT and had part 1 accepted, then died
            ledger.register(mt, Instant.now());
            List<Segment> parts = new SmsSplitter(10).split(text, SubmitSmFactory.reference("resume"), ConcatMode.UDH);
            ledger.partAccepted("resume", 1, parts.size(), "sim", "earlier-1", Instant.now());
            List<SmsDlr> dlrs = new CopyOnWriteArrayList<>();
            SmppProperties.Smsc link = SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "mobim", "pw");
            try (SmppGateway gateway = new SmppGateway(List.of(link), SmppProperties.Mt.defaults(), SmppProperties.Mo.defaults(),
                    ledger, mo -> CompletableFuture.completedFuture(null), d -> {
                        dlrs.add(d);
                        return CompletableFuture.completedFuture(null);
                    }, new SimpleMeterRegistry(), Clock.systemUTC()).start()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (dlrs.isEmpty()) {
                    assertThat(System.nanoTime()).isLessThan(deadline);
                    Thread.sleep(10);
                }
                assertThat(gateway.accept(mt)).as("still a duplicate after the restart").isFalse();
            }
            assertThat(smsc.submitsTo(BOB)).extracting(p -> p.seq()).containsExactly(2, 3);
            assertThat(new String(smsc.submitsTo(BOB).get(0).shortMessage(), 6, 153, StandardCharsets.US_ASCII))
                    .isEqualTo("z".repeat(153));
            assertThat(dlrs).singleElement().satisfies(d -> {
                assertThat(d.status()).isEqualTo(SmsDlr.Status.ACCEPTED);
                assertThat(d.smscMessageIds()).hasSize(3).startsWith("earlier-1");
            });
            assertThat(ledger.open()).isEmpty();
        }
    }

    @Test
    void anMtOverForLongerThanTheRetentionIsForgottenWithItsParts() {
        theRetentionForgetsOnlyWhatIsOver(ledger);
        assertThat(jdbc.queryForObject("select count(*) from smpp.mt_part where request_id = 'old'", Integer.class))
                .as("its parts go with it").isZero();
    }

    @Test
    void theInMemoryLedgerForgetsTheSame() {
        theRetentionForgetsOnlyWhatIsOver(new InMemoryMtLedger());
    }

    /** Taken at T0 unless said: stuck (PENDING), old (over), unpublished (final, outcome not on Kafka), recent (over). */
    private static void theRetentionForgetsOnlyWhatIsOver(MtLedger ledger) {
        Instant later = T0.plus(Duration.ofDays(20));
        ledger.register(mt("stuck", true), T0); // taken first: the retention reads past it
        ledger.register(mt("old", true), T0);
        ledger.partAccepted("old", 1, 1, "smsc0", "00f1", T0);
        ledger.finish("old", MtLedger.State.ACCEPTED, null, T0);
        ledger.outcomePublished("old");
        ledger.register(mt("unpublished", false), T0);
        ledger.finish("unpublished", MtLedger.State.REJECTED, "0x0000000b", T0);
        ledger.register(SmsMt.of("recent", "20123", BOB, "hello", later.plus(Duration.ofHours(1)), true, "im.reply"), later);
        ledger.partAccepted("recent", 1, 1, "smsc0", "00f2", later);
        ledger.finish("recent", MtLedger.State.ACCEPTED, null, later);
        ledger.outcomePublished("recent");

        var retention = new MtLedgerRetention(ledger, Duration.ofDays(14), new SimpleMeterRegistry(),
                Clock.fixed(later.plus(Duration.ofHours(2)), java.time.ZoneOffset.UTC));
        assertThat(retention.forgetOverdue()).isEqualTo(1);
        assertThat(retention.forgetOverdue()).as("nothing more to forget").isZero();
        retention.close();

        assertThat(ledger.findParts("smsc0", List.of("00f1"))).as("a receipt for it finds nothing").isEmpty();
        assertThat(ledger.findParts("smsc0", List.of("00f2"))).singleElement()
                .satisfies(p -> assertThat(p.requestId()).isEqualTo("recent"));
        assertThat(ledger.open()).extracting(o -> o.mt().requestId()).containsExactlyInAnyOrder("stuck", "unpublished");
        assertThat(ledger.register(mt("recent", true), later)).as("a replay within the retention is still a duplicate").isFalse();
    }
}
