package io.mobim.smpp.esme;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mt.InMemoryMtLedger;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.jsmpp.SMPPConstant;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The gateway's core against the SMS-C simulator over real jSMPP sessions on loopback. Kafka is replaced
 * by lists behind {@code MoSink} and {@code DlrSink}; nothing of jSMPP is mocked.
 */
class SmppGatewayLoopbackTest {

    private static final String ALICE = "+447700900001";
    private static final String BOB = "+447700900002";

    private SmscSimulator smsc;
    private SmppGateway gateway;
    private SimpleMeterRegistry registry;
    private final List<SmsMo> mos = new CopyOnWriteArrayList<>();
    private final List<SmsDlr> dlrs = new CopyOnWriteArrayList<>();
    private final AtomicInteger moFailuresToInject = new AtomicInteger();

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
    }

    private SmppProperties.Smsc link() {
        return SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "mobim", "pw")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300))
                .withTransactionTimeout(Duration.ofSeconds(3));
    }

    private void startGateway(SmppProperties.Smsc... links) throws InterruptedException {
        registry = new SimpleMeterRegistry();
        SmppProperties.Mt mt = new SmppProperties.Mt(10, Duration.ofMillis(20), Duration.ofMillis(300), 10_000, "g", 1, Duration.ofMillis(100), 1_000, Duration.ofMillis(5), false, Duration.ofDays(14));
        SmppProperties.Mo mo = new SmppProperties.Mo(Duration.ofSeconds(5), Duration.ofMinutes(5), 4096, Duration.ofSeconds(2),
                SmppProperties.Admission.defaults());
        gateway = new SmppGateway(List.of(links), mt, mo, new InMemoryMtLedger(),
                m -> {
                    if (moFailuresToInject.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        return CompletableFuture.failedFuture(new IllegalStateException("Kafka is down"));
                    }
                    mos.add(m);
                    return CompletableFuture.completedFuture(null);
                },
                d -> {
                    dlrs.add(d);
                    return CompletableFuture.completedFuture(null);
                },
                registry, Clock.systemUTC()).start();
        await(() -> gateway.links().links().stream().allMatch(SmscLink::fullyBound));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met in time").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static SmsMt mt(String id, String to, String text, boolean receipt) {
        return SmsMt.of(id, "20123", to, text, Instant.now().plus(Duration.ofMinutes(5)), receipt, "im.reply");
    }

    private List<SmsDlr> dlrsFor(String requestId) {
        return dlrs.stream().filter(d -> d.requestId().equals(requestId)).toList();
    }

    private double counter(String name, String tag, String value) {
        var c = registry.find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void aConversationReachesEachHandsetInTheOrderItWasSent() throws Exception {
        // a chat read out of order makes no sense: MTs to one handset are submitted one after the other, while
        // MTs to different handsets still go out side by side
        smsc = SmscSimulator.start(0);
        startGateway(link());
        List<String> handsets = IntStream.range(0, 4).mapToObj(h -> "+4477009100" + String.format("%02d", h)).toList();
        int perHandset = 40;
        List<SmsMt> poll = new java.util.ArrayList<>();
        for (int i = 0; i < perHandset; i++) {
            for (String to : handsets) {
                poll.add(mt("order-" + to + "-" + i, to, "Alice: line " + i, false));
            }
        }
        assertThat(gateway.acceptAll(poll)).isEqualTo(poll.size());

        await(() -> handsets.stream().allMatch(h -> smsc.messagesTo(h).size() == perHandset));
        for (String h : handsets) {
            assertThat(smsc.messagesTo(h)).extracting(HandsetMessage::text)
                    .containsExactlyElementsOf(IntStream.range(0, perHandset).mapToObj(i -> "Alice: line " + i).toList());
        }
    }

    @Test
    void mtIsSubmittedStoredPerHandsetAndItsReceiptMatched() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());

        assertThat(gateway.accept(mt("r1", BOB, "Alice says: Hello there", true))).isTrue();

        await(() -> dlrsFor("r1").size() == 2);
        HandsetMessage m = smsc.messagesTo(BOB).get(0);
        assertThat(m.text()).isEqualTo("Alice says: Hello there");
        assertThat(m.from()).isEqualTo("20123");
        assertThat(dlrsFor("r1")).extracting(SmsDlr::status).containsExactly(SmsDlr.Status.ACCEPTED, SmsDlr.Status.DELIVERED);
        assertThat(dlrsFor("r1").get(1).smscMessageIds()).isEqualTo(m.messageIds());
        assertThat(dlrsFor("r1").get(1).service()).isEqualTo("im.reply");
        // counted once the outcome's publication is confirmed, which may come just after the record is on the topic
        await(() -> counter("mobim.smpp.receipts", "outcome", "published") == 1);
        assertThat(counter("mobim.smpp.submits", "outcome", "accepted")).isEqualTo(1);
        assertThat(gateway.links().links().get(0).currentThroughputLimit()).as("no limit of the gateway's own by default").isZero();
        assertThat(registry.find("mobim.smpp.submit.latency").timer().count()).isEqualTo(1);
    }

    @Test
    void aLongUcs2MessageArrivesWholeAndInOrder() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        String text = IntStream.range(0, 400).mapToObj(i -> String.valueOf((char) ('А' + i % 32))).reduce("", String::concat);

        gateway.accept(mt("long", BOB, text, true));

        await(() -> dlrsFor("long").size() == 2);
        assertThat(smsc.messagesTo(BOB)).singleElement().satisfies(m -> {
            assertThat(m.text()).isEqualTo(text);
            assertThat(m.parts()).isEqualTo(6);
            assertThat(m.dataCoding()).isEqualTo((byte) 0x08);
        });
        assertThat(smsc.submitsTo(BOB)).extracting(p -> p.seq()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(dlrsFor("long").get(1).status()).isEqualTo(SmsDlr.Status.DELIVERED);
        assertThat(dlrsFor("long").get(1).smscMessageIds()).hasSize(6);
    }

    @Test
    void aBinaryMtReachesTheSmscAsEightBitDataWithItsPortsInTheHeader() throws Exception {
        smsc = SmscSimulator.start(0);
        // even on a link that ties long texts together with sar_ TLVs: the ports need the header in every part
        startGateway(link().withConcatenation(ConcatMode.SAR));
        byte[] small = "WVCI 1.2 cookie-7".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] large = new byte[200];
        java.util.Arrays.fill(large, (byte) 0xC6);
        Instant expires = Instant.now().plus(Duration.ofMinutes(5));

        gateway.accept(SmsMt.binary("bin-1", "20123", BOB, new SmsMt.Binary(small, 2948, 9200), expires, true, "wv.cir"));
        gateway.accept(SmsMt.binary("bin-2", "20123", ALICE, new SmsMt.Binary(large, 3716, 3716), expires, false, "wv.cir"));

        await(() -> dlrsFor("bin-1").size() == 2 && smsc.submitsTo(ALICE).size() == 2);
        assertThat(smsc.submitsTo(BOB)).singleElement().satisfies(p -> {
            assertThat(p.dataCoding()).as("8-bit data").isEqualTo((byte) 0x04);
            assertThat(p.esmClass() & 0x40).as("UDHI").isEqualTo(0x40);
            assertThat(java.util.Arrays.copyOf(p.shortMessage(), 7)).as("ports 2948 from 9200")
                    .containsExactly(0x06, 0x05, 0x04, 0x0B, 0x84, 0x23, 0xF0);
            assertThat(java.util.Arrays.copyOfRange(p.shortMessage(), 7, p.shortMessage().length)).containsExactly(small);
        });
        assertThat(dlrsFor("bin-1").get(1).status()).isEqualTo(SmsDlr.Status.DELIVERED);
        List<io.mobim.smpp.simulator.SubmittedPart> parts = smsc.submitsTo(ALICE);
        java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream();
        for (io.mobim.smpp.simulator.SubmittedPart p : parts) {
            assertThat(p.dataCoding()).isEqualTo((byte) 0x04);
            assertThat(p.esmClass() & 0x40).isEqualTo(0x40);
            io.mobim.smpp.codec.UserDataHeader udh = io.mobim.smpp.codec.UserDataHeader.parse(p.shortMessage());
            assertThat(udh.total()).isEqualTo(2);
            assertThat(java.util.Arrays.copyOfRange(p.shortMessage(), 1, 7)).as("ports in part %d", udh.seq())
                    .containsExactly(0x05, 0x04, 0x0E, 0x84, 0x0E, 0x84);
            joined.write(p.shortMessage(), udh.headerLength(), p.shortMessage().length - udh.headerLength());
        }
        assertThat(joined.toByteArray()).containsExactly(large);
    }

    @Test
    void sarConcatenationIsReassembledByTheSmsc() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link().withConcatenation(ConcatMode.SAR));
        String text = "x".repeat(200) + "€";
        gateway.accept(mt("sar", BOB, text, false));
        await(() -> !smsc.messagesTo(BOB).isEmpty());
        assertThat(smsc.messagesTo(BOB).get(0).text()).isEqualTo(text);
        assertThat(smsc.messagesTo(BOB).get(0).parts()).isEqualTo(2);
    }

    @Test
    void aRequestIdIsNeverSentTwice() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        SmsMt once = mt("dup", BOB, "only once", false);
        assertThat(gateway.accept(once)).isTrue();
        assertThat(gateway.accept(once)).isFalse();
        await(() -> dlrsFor("dup").size() == 1);
        gateway.accept(once);
        gateway.accept(mt("after", BOB, "marker", false));
        await(() -> smsc.messagesTo(BOB).size() == 2);
        assertThat(smsc.messagesTo(BOB)).extracting(HandsetMessage::text).containsExactly("only once", "marker");
        assertThat(counter("mobim.smpp.mt", "outcome", "duplicate")).isEqualTo(2);
    }

    @Test
    void throttledSubmitsAreRetriedLaterAndDeliveredOnce() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link().withLimits(1000, 4));
        smsc.throttleNext(25);

        for (int i = 0; i < 20; i++) {
            gateway.accept(mt("t" + i, BOB, "msg " + i, false));
        }

        await(() -> dlrs.size() == 20);
        assertThat(dlrs).extracting(SmsDlr::status).containsOnly(SmsDlr.Status.ACCEPTED);
        assertThat(smsc.messagesTo(BOB)).extracting(HandsetMessage::text).hasSize(20).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, 20).mapToObj(i -> "msg " + i).toList());
        assertThat(smsc.rejectedCount()).isEqualTo(25);
        assertThat(counter("mobim.smpp.submits", "outcome", "throttled")).isEqualTo(25);
        // the gateway slowed down: the limit was halved and has not yet recovered to the configured 1000/s
        assertThat(gateway.links().links().get(0).currentThroughputLimit()).isLessThan(1000);
    }

    @Test
    void receiptsOfEarlyPartsCountWhileALaterPartIsThrottled() throws Exception {
        smsc = SmscSimulator.start(SmscSimulator.Options.defaults().withReceiptDelay(Duration.ofMillis(1)));
        startGateway(link());
        smsc.failWhere(p -> p.seq() == 3, SMPPConstant.STAT_ESME_RTHROTTLED, 3);

        gateway.accept(mt("three", BOB, "y".repeat(400), true));

        await(() -> dlrsFor("three").size() == 2);
        assertThat(dlrsFor("three")).extracting(SmsDlr::status).containsExactly(SmsDlr.Status.ACCEPTED, SmsDlr.Status.DELIVERED);
        assertThat(smsc.messagesTo(BOB)).singleElement().satisfies(m -> assertThat(m.parts()).isEqualTo(3));
        assertThat(smsc.submitsTo(BOB)).extracting(p -> p.seq()).containsExactly(1, 2, 3);
        assertThat(counter("mobim.smpp.receipts", "outcome", "unmatched")).isZero();
        assertThat(counter("mobim.smpp.receipts", "outcome", "matched")).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theSendWindowBoundsSubmitsAwaitingTheirResponse() throws Exception {
        smsc = SmscSimulator.start(0);
        smsc.slowDown(Duration.ofMillis(20));
        startGateway(link().withLimits(1000, 3));
        for (int i = 0; i < 30; i++) { // to 30 handsets: MTs to one handset go one after the other anyway
            gateway.accept(mt("w" + i, "+4477009200" + String.format("%02d", i), "window " + i, false));
        }
        await(() -> dlrs.size() == 30);
        assertThat(smsc.maxConcurrentSubmits()).isBetween(2, 3);
        assertThat(smsc.submitCount()).isEqualTo(30);
    }

    @Test
    void aPermanentErrorRejectsTheMt() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        smsc.failNext(1, SMPPConstant.STAT_ESME_RINVDSTADR);
        gateway.accept(mt("bad", BOB, "never arrives", true));
        await(() -> dlrsFor("bad").size() == 1);
        assertThat(dlrsFor("bad").get(0).status()).isEqualTo(SmsDlr.Status.REJECTED);
        assertThat(dlrsFor("bad").get(0).errorCode()).isEqualTo("0x0000000B");
        assertThat(smsc.messagesTo(BOB)).isEmpty();
    }

    @Test
    void anMtPastItsExpiryIsReportedExpired() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        gateway.accept(SmsMt.of("old", "20123", BOB, "too late", Instant.now().minusSeconds(1), true, null));
        await(() -> dlrsFor("old").size() == 1);
        assertThat(dlrsFor("old").get(0).status()).isEqualTo(SmsDlr.Status.EXPIRED);
        assertThat(smsc.messagesTo(BOB)).isEmpty();
    }

    @Test
    void aFailedReceiptIsReportedFailed() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        smsc.unreachable(BOB, DeliveryReceiptState.UNDELIV);
        gateway.accept(mt("lost", BOB, "phone off", true));
        await(() -> dlrsFor("lost").size() == 2);
        assertThat(dlrsFor("lost").get(1).status()).isEqualTo(SmsDlr.Status.FAILED);
    }

    @Test
    void droppedMidBurstEveryMtIsDeliveredExactlyOnce() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link().withLimits(2000, 8));
        int n = 300;
        Thread burst = new Thread(() -> IntStream.range(0, n)
                .forEach(i -> gateway.accept(mt("b" + i, "+4477009" + String.format("%05d", i % 7), "burst " + i, false))));
        burst.start();
        await(() -> smsc.submitCount() >= 60);
        smsc.refuseBinds(true);
        smsc.dropConnections();
        await(() -> smsc.refusedBinds() >= 2); // the gateway keeps trying while the SMS-C is down
        smsc.refuseBinds(false);
        burst.join();

        await(() -> dlrs.size() == n);
        List<String> delivered = smsc.handsets().stream()
                .flatMap(h -> smsc.messagesTo(h).stream()).map(HandsetMessage::text).toList();
        assertThat(delivered).hasSize(n).doesNotHaveDuplicates();
        assertThat(dlrs).extracting(SmsDlr::status).containsOnly(SmsDlr.Status.ACCEPTED);
        assertThat(registry.find("mobim.smpp.binds").gauge().value()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void killedAbruptlyMidBurstNothingIsLostAndOnlyUnansweredSubmitsCanRepeat() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link().withLimits(2000, 8));
        int n = 300;
        Thread burst = new Thread(() -> IntStream.range(0, n)
                .forEach(i -> gateway.accept(mt("k" + i, "+4477009" + String.format("%05d", i % 7), "kill " + i, false))));
        burst.start();
        await(() -> smsc.submitCount() >= 60);
        smsc.killConnections();
        burst.join();

        await(() -> dlrs.size() == n);
        List<String> delivered = smsc.handsets().stream()
                .flatMap(h -> smsc.messagesTo(h).stream()).map(HandsetMessage::text).toList();
        assertThat(delivered.stream().distinct()).hasSize(n);
        // a repeat is only possible for a submit whose answer was lost with the connection
        assertThat(delivered.size() - n).isLessThanOrEqualTo((int) counter("mobim.smpp.mt.retries", "reason", "NO_RESPONSE"));
    }

    @Test
    void moIsPublishedBeforeTheSmscIsAcknowledged() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        moFailuresToInject.set(2);

        smsc.injectMo(ALICE, "20123", "1 Hello there").get(30, TimeUnit.SECONDS);

        // the first two deliveries were refused (sink failed) and retried by the SMS-C; one MO came out
        assertThat(mos).singleElement().satisfies(mo -> {
            assertThat(mo.from()).isEqualTo(ALICE);
            assertThat(mo.to()).isEqualTo("20123");
            assertThat(mo.text()).isEqualTo("1 Hello there");
            assertThat(mo.smscId()).isEqualTo("sim");
            assertThat(mo.segments()).isEqualTo(1);
        });
        assertThat(counter("mobim.smpp.mo", "outcome", "retry-requested")).isEqualTo(2);
    }

    @Test
    void longMosAreReassembledFromUdhAndSarParts() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link());
        String udhText = "2 " + "Ünïcödé wörds ☺ ".repeat(12);
        String sarText = "3 " + "plain words and {braces} ".repeat(10);
        moFailuresToInject.set(1); // the last part of the first message is refused once: the SMS-C resends it

        smsc.injectMo(ALICE, "20123", udhText, ConcatMode.UDH).get(30, TimeUnit.SECONDS);
        smsc.injectMo(ALICE, "20123", sarText, ConcatMode.SAR).get(30, TimeUnit.SECONDS);

        assertThat(mos).extracting(SmsMo::text).containsExactly(udhText, sarText);
        assertThat(mos.get(0).segments()).isGreaterThan(1);
        assertThat(mos.get(1).segments()).isGreaterThan(1);
    }

    @Test
    void transmitterAndReceiverBindsWorkToo() throws Exception {
        smsc = SmscSimulator.start(0);
        startGateway(link().withBindType(SmppProperties.BindMode.TRANSMITTER_RECEIVER));
        gateway.accept(mt("txrx", BOB, "two sessions", true));
        smsc.injectMo(ALICE, "20123", "4 hi").get(30, TimeUnit.SECONDS);
        await(() -> dlrsFor("txrx").size() == 2);
        assertThat(dlrsFor("txrx").get(1).status()).isEqualTo(SmsDlr.Status.DELIVERED);
        assertThat(mos).extracting(SmsMo::text).containsExactly("4 hi");
        assertThat(smsc.boundSessions()).isEqualTo(2);
    }
}
