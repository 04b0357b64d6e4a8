package io.mobim.smpp.mt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.embedded.FreePorts;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.TestPostgres;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The windowed MT dispatcher against the SMS-C simulator and the PostgreSQL ledger: order per handset with many
 * submits outstanding, a bounded number of MTs in memory with the rest paged in from the ledger, PENDING MTs resumed
 * by the next start, and ledger updates that stay HOT.
 */
class MtDispatchTest {

    private static final Duration AT_MOST = Duration.ofSeconds(90);

    private final JdbcTemplate jdbc = TestPostgres.jdbc();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final List<SmsDlr> dlrs = new CopyOnWriteArrayList<>();
    private SmscSimulator smsc;
    private SmppGateway gateway;
    private String ownDatabase;

    @AfterEach
    void tearDown() {
        if (gateway != null) {
            gateway.close();
        }
        if (smsc != null) {
            smsc.close();
        }
        if (ownDatabase != null) {
            TestPostgres.drop(ownDatabase);
        }
    }

    private SmppGateway gateway(int port, int window, int maxInMemory) {
        return gateway(jdbc, port, window, maxInMemory);
    }

    private SmppGateway gateway(JdbcTemplate ledger, int port, int window, int maxInMemory) {
        SmppProperties.Smsc link = SmppProperties.Smsc.of("sim", "127.0.0.1", port, "mobim", "pw")
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(300)).withLimits(0, window);
        SmppProperties.Mt mt = new SmppProperties.Mt(10, Duration.ofMillis(20), Duration.ofMillis(300), maxInMemory, "g", 1,
                Duration.ofMillis(100), 1_000, Duration.ofMillis(5), false, Duration.ofDays(14));
        return new SmppGateway(List.of(link), mt, SmppProperties.Mo.defaults(), new JdbcMtLedger(ledger),
                m -> CompletableFuture.completedFuture(null), d -> {
                    dlrs.add(d);
                    return CompletableFuture.completedFuture(null);
                }, new SimpleMeterRegistry(), Clock.systemUTC()).start();
    }

    /** This test's outcomes: the ledger is shared, and a start also resumes what other tests left PENDING. */
    private List<SmsDlr> ours() {
        return dlrs.stream().filter(d -> d.requestId().startsWith(run + "-")).toList();
    }

    private List<String> handsets(int n) {
        int base = (int) (Math.random() * 90_000);
        return IntStream.range(0, n).mapToObj(h -> "+4477008" + String.format("%05d", base + h)).toList();
    }

    /** {@code perHandset} MTs to each handset, interleaved as a busy chat would take them. */
    private List<SmsMt> conversation(List<String> handsets, int perHandset, boolean receipts) {
        List<SmsMt> out = new ArrayList<>();
        for (int i = 0; i < perHandset; i++) {
            for (String to : handsets) {
                out.add(SmsMt.of(run + "-" + to + "-" + i, "20123", to, "line " + i, Instant.now().plus(Duration.ofMinutes(10)),
                        receipts, "im.reply"));
            }
        }
        return out;
    }

    private static List<String> lines(int n) {
        return IntStream.range(0, n).mapToObj(i -> "line " + i).toList();
    }

    private void assertEachHandsetGotItsLinesOnceInOrder(List<String> handsets, int perHandset) {
        for (String h : handsets) {
            assertThat(smsc.messagesTo(h)).extracting(HandsetMessage::text).as("MTs to %s", h)
                    .containsExactlyElementsOf(lines(perHandset));
        }
    }

    @Test
    void mtsToOneHandsetArriveInOrderWhileOtherHandsetsShareTheWindow() {
        smsc = SmscSimulator.start(0);
        smsc.slowDown(Duration.ofMillis(15)); // a submit stays outstanding long enough for others to join it
        gateway = gateway(smsc.port(), 16, 10_000);
        List<String> handsets = handsets(6);
        int perHandset = 15;

        assertThat(gateway.acceptAll(conversation(handsets, perHandset, false))).isEqualTo(6 * perHandset);

        await().atMost(AT_MOST).until(() -> ours().size() == 6 * perHandset);
        assertEachHandsetGotItsLinesOnceInOrder(handsets, perHandset);
        // several submits were outstanding at once, but never two to the same handset
        assertThat(smsc.maxConcurrentSubmits()).isBetween(2, handsets.size());
    }

    @Test
    void moreMtsThanHeldInMemoryAllGoOutInOrder() {
        smsc = SmscSimulator.start(0);
        smsc.slowDown(Duration.ofMillis(2));
        gateway = gateway(smsc.port(), 8, 5);
        List<String> handsets = handsets(4);
        int perHandset = 12;
        List<SmsMt> all = conversation(handsets, perHandset, false);

        for (int from = 0; from < all.size(); from += 16) { // three polls, each larger than what may be held
            assertThat(gateway.acceptAll(all.subList(from, Math.min(all.size(), from + 16)))).isPositive();
            assertThat(gateway.mtSender().backlog()).isLessThanOrEqualTo(5);
        }

        await().atMost(AT_MOST).until(() -> ours().size() == all.size());
        assertEachHandsetGotItsLinesOnceInOrder(handsets, perHandset);
        assertThat(ours()).extracting(SmsDlr::status).containsOnly(SmsDlr.Status.ACCEPTED);
    }

    @Test
    void mtsTakenInsideACallersTransactionAreCommittedAndSentAtOnceAndOnceIfItRollsBack() {
        // as the outbox relay hands MTs over in the all-in-one: taken while the relay's transaction is open; the
        // relay rolling back (Kafka did not acknowledge the round) hands the same MTs again in its next round
        smsc = SmscSimulator.start(0);
        gateway = gateway(smsc.port(), 8, 10_000);
        TransactionTemplate relay = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        List<String> handsets = handsets(2);
        List<SmsMt> round = conversation(handsets, 3, false);
        relay.executeWithoutResult(status -> {
            assertThat(gateway.acceptAll(round)).isEqualTo(round.size());
            // sent and accepted, and the acceptances written to the ledger, while the caller's transaction is open
            await().atMost(AT_MOST).until(() -> ours().size() == round.size());
            status.setRollbackOnly();
        });
        assertThat(ours()).extracting(SmsDlr::status).containsOnly(SmsDlr.Status.ACCEPTED);
        assertThat(jdbc.queryForObject("select count(*) from smpp.mt_request where request_id like ? and state = 'ACCEPTED'",
                Integer.class, run + "-%")).isEqualTo(round.size());

        relay.executeWithoutResult(status -> assertThat(gateway.acceptAll(round)).as("the same MTs handed again").isZero());
        assertEachHandsetGotItsLinesOnceInOrder(handsets, 3);
    }

    @Test
    void pendingMtsLeftByAStoppedGatewayAreSentOnceByTheNextStart() {
        List<String> handsets = handsets(3);
        int perHandset = 10;
        List<SmsMt> all = conversation(handsets, perHandset, false);
        // the first run never reaches its SMS-C: everything it takes stays PENDING in the ledger
        SmppGateway first = gateway(FreePorts.pick(), 8, 4);
        assertThat(first.acceptAll(all)).isEqualTo(all.size());
        first.close();
        assertThat(pending()).isEqualTo(all.size());

        smsc = SmscSimulator.start(0);
        gateway = gateway(smsc.port(), 8, 4);

        await().atMost(AT_MOST).until(() -> ours().size() == all.size());
        assertEachHandsetGotItsLinesOnceInOrder(handsets, perHandset);
        assertThat(ours()).extracting(SmsDlr::requestId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(all.stream().map(SmsMt::requestId).toList());
        assertThat(pending()).isZero();
    }

    private int pending() {
        return jdbc.queryForObject("select count(*) from smpp.mt_request where request_id like ? and state = 'PENDING'",
                Integer.class, run + "-%");
    }

    @Test
    void theLedgersUpdatesAreHeapOnly() {
        // in a database of its own: a table's statistics count every session's updates, and a transaction open in
        // any session of the table's database (another test's) keeps the old row versions from being pruned, so
        // that the next versions find no room on their page
        ownDatabase = "mt_hot_" + run;
        JdbcTemplate own = TestPostgres.newDatabase(ownDatabase);
        Map<String, long[]> before = updates(own);
        smsc = SmscSimulator.start(SmscSimulator.Options.defaults().withReceiptDelay(Duration.ofMillis(1)));
        gateway = gateway(own, smsc.port(), 16, 10_000);
        List<String> handsets = handsets(20);
        List<SmsMt> all = conversation(handsets, 10, true);

        for (int from = 0; from < all.size(); from += 50) {
            gateway.acceptAll(all.subList(from, from + 50));
        }

        await().atMost(AT_MOST).until(() -> ours().stream().filter(d -> d.status() == SmsDlr.Status.DELIVERED).count() == all.size());
        // each MT: accepted, outcome published, receipt state; each part: its receipt (statistics arrive within seconds)
        await().atMost(AT_MOST).until(() -> delta(own, before, "mt_request")[0] >= 3L * all.size()
                && delta(own, before, "mt_part")[0] >= all.size());
        for (String table : List.of("mt_request", "mt_part")) {
            long[] d = delta(own, before, table);
            System.out.printf("smpp.%s: %d updates, %d HOT%n", table, d[0], d[1]);
            assertThat(d[1]).as("HOT updates of smpp.%s out of %d", table, d[0]).isGreaterThanOrEqualTo(d[0] * 95 / 100);
        }
    }

    private static long[] delta(JdbcTemplate db, Map<String, long[]> before, String table) {
        long[] now = updates(db).get(table);
        return new long[] {now[0] - before.get(table)[0], now[1] - before.get(table)[1]};
    }

    /** n_tup_upd and n_tup_hot_upd of the ledger's tables. */
    private static Map<String, long[]> updates(JdbcTemplate db) {
        Map<String, long[]> out = new java.util.HashMap<>();
        db.query("select relname, n_tup_upd, n_tup_hot_upd from pg_stat_user_tables where schemaname = 'smpp'",
                (org.springframework.jdbc.core.RowCallbackHandler) rs -> out.put(rs.getString(1),
                        new long[] {rs.getLong(2), rs.getLong(3)}));
        return out;
    }
}
