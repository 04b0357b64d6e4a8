package io.mobim.bench.billing;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.billing.BillingMetrics;
import io.mobim.billing.account.AccountDirectory;
import io.mobim.billing.gateway.GatewayFact;
import io.mobim.billing.gateway.GatewayFactStore;
import io.mobim.billing.plan.PlanDefinitions;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.PlanStore;
import io.mobim.billing.rating.RatingEngine;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RejectedEventStore;
import io.mobim.billing.rating.UsageCounterStore;
import io.mobim.billing.reconciliation.MessageLogClient;
import io.mobim.billing.reconciliation.NearbyRatedSms;
import io.mobim.billing.reconciliation.ReconciliationProperties;
import io.mobim.billing.reconciliation.ReconciliationReport;
import io.mobim.billing.reconciliation.ReconciliationService;
import io.mobim.billing.reconciliation.ThreeWayReconciliation;
import io.mobim.billing.records.RatedRecordStore;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMo;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reconciliation's own costs, for a business day of {@code n} SMS messages (each a SENT leg by MO and a RECEIVED
 * leg by MT, both rated): (1) recording the gateway's MOs and receipts into {@code billing.gateway_fact}, batches of
 * 2,000 per transaction as the listener does (ACCEPTED then DELIVERED per MT: two upserts per MT); (2) building the
 * day's report (rated records, gateway facts of three days, the nearby rated SMS legs, the comparison) with a supplied
 * log of every leg. Wall clock and this thread's CPU time (PostgreSQL's own CPU is not in the latter).
 * Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.billing.ReconciliationBench [messages]}.
 */
public final class ReconciliationBench {

    private static final ZoneId ZONE = ZoneOffset.UTC;
    private static final LocalDate DAY = LocalDate.parse("2026-11-10");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        BillingRatingBench.machine();
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
             HikariDataSource ds = BillingRatingBench.billingPool(pg, 10)) {
            run(ds, n);
        }
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void run(HikariDataSource ds, int n) {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        PlanService plans = new PlanService(new PlanStore(jdbc), tx, PlanDefinitions.seeds(), Duration.ofSeconds(30));
        RatedRecordStore records = new RatedRecordStore(jdbc);
        RejectedEventStore rejections = new RejectedEventStore(jdbc);
        RatingService rating = new RatingService(tx, records, BillingRatingBench.partitions(ds, new RatingEngine(ZONE)), rejections, new UsageCounterStore(jdbc), new AccountDirectory(jdbc, 200_000),
                plans, new RatingEngine(ZONE), new BillingMetrics(new SimpleMeterRegistry()), Clock.systemUTC());

        Instant start = DAY.atStartOfDay(ZONE).toInstant().plusSeconds(60);
        List<ChargingEvent> events = new ArrayList<>(2 * n);
        List<GatewayFact> gateway = new ArrayList<>(3 * n);
        List<ThreeWayReconciliation.LogEntry> log = new ArrayList<>(2 * n);
        for (int i = 0; i < n; i++) {
            Instant at = start.plusMillis(i * 1_000L);
            String sender = "+4477" + String.format("%08d", i % 10_000);
            String recipient = "+4478" + String.format("%08d", i % 10_000);
            String message = "m-" + i;
            events.add(leg(message, sender, ChargedRole.ORIGINATOR, null, at));
            events.add(leg(message, recipient, ChargedRole.RECIPIENT, "MT-" + i, at.plusSeconds(5)));
            gateway.add(GatewayFact.of(SmsMo.of("mo-" + i, sender, "20123", "1 hi", at, "smsc-a", 1, null), ZONE));
            gateway.add(GatewayFact.of(SmsDlr.of("dlv-" + i, recipient, SmsDlr.Status.ACCEPTED, List.of("MT-" + i), null,
                    at.plusSeconds(1), "im.message"), ZONE));
            gateway.add(GatewayFact.of(SmsDlr.of("dlv-" + i, recipient, SmsDlr.Status.DELIVERED, List.of("MT-" + i), null,
                    at.plusSeconds(4), "im.message"), ZONE));
            log.add(new ThreeWayReconciliation.LogEntry(message, ChargedRole.ORIGINATOR.direction(), Channel.SMS, "mo-" + i));
            log.add(new ThreeWayReconciliation.LogEntry(message, ChargedRole.RECIPIENT.direction(), Channel.SMS, "dlv-" + i));
        }
        for (int from = 0; from < events.size(); from += 2_000) {
            rating.rate(events.subList(from, Math.min(from + 2_000, events.size())));
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        GatewayFactStore facts = new GatewayFactStore(jdbc);
        for (int round = 1; round <= 3; round++) {   // round 1 inserts, later rounds are replays (updates that change nothing)
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            for (int from = 0; from < gateway.size(); from += 2_000) {
                List<GatewayFact> batch = gateway.subList(from, Math.min(from + 2_000, gateway.size()));
                tx.executeWithoutResult(s -> facts.record(batch));
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("gateway facts, round %d%s: %,d reports in %.2f s = %,.0f reports/s (wall), this thread's CPU %.2f s%n",
                    round, round == 1 ? " (insert)" : " (replay)", gateway.size(), secs, gateway.size() / secs,
                    (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }

        ReconciliationProperties settings = new ReconciliationProperties(
                new ReconciliationProperties.Gateway(true, "billing-gateway", Set.of("im.message"), Duration.ofDays(36_500)),
                new ReconciliationProperties.MessageLog(null, false, null, null, Duration.ofSeconds(30), null));
        ReconciliationService service = new ReconciliationService(records, rejections, ZONE, facts, new NearbyRatedSms(jdbc),
                new MessageLogClient(settings.messageLog(), () -> -1, null), settings, true, Clock.systemUTC());
        for (int round = 1; round <= 3; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            ReconciliationReport report = service.report(DAY, log, null);
            double secs = (System.nanoTime() - t0) / 1e9;
            ThreeWayReconciliation.Result w = report.threeWay();
            System.out.printf("report, round %d: %,d rated legs, %,d gateway SMS, %,d log legs -> matched %,d, mismatches %d, "
                            + "in %.2f s wall, this thread's CPU %.2f s%n", round, w.ratedLegs(), w.gatewayAccepted(), w.logLegs(),
                    w.matched(), w.mismatches(), secs, (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
        }
        // where the time goes: each read of the report on its own
        phase("rated records of the day, streamed (RatedRecordStore.forEachCurrentOfDay)", () -> (int) records.forEachCurrentOfDay(DAY, r -> { }));
        phase("gateway facts of three days", () -> facts.ofDays(DAY.minusDays(1), DAY.plusDays(1)).size());
        phase("rated SMS legs of the days around", () -> new NearbyRatedSms(jdbc).ofDays(DAY.minusDays(1), DAY.plusDays(1)).size());
    }

    private static void phase(String name, java.util.function.IntSupplier work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int rows = work.getAsInt();
        System.out.printf("  %s: %,d rows in %.2f s wall, this thread's CPU %.2f s%n", name, rows, (System.nanoTime() - t0) / 1e9,
                (threads.getCurrentThreadCpuTime() - cpu0) / 1e9);
    }

    private static ChargingEvent leg(String message, String msisdn, ChargedRole role, String reference, Instant at) {
        return ChargingEvent.builder().eventId(UUID.nameUUIDFromBytes((message + role).getBytes())).eventTime(at)
                .origin("bench-recon", role == ChargedRole.ORIGINATOR ? 2L * Long.parseLong(message.substring(2)) + 1
                        : 2L * Long.parseLong(message.substring(2)) + 2)
                .kind(ChargingKind.MESSAGE).channel(Channel.SMS).charged(msisdn, role).tariffPlan("VODAFONE_UK")
                .messageId(message).other("+447700900999", null).sms(reference, 1).build();
    }

    private ReconciliationBench() {
    }
}
