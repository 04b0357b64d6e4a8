package io.mobim.bench.clearing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.bench.billing.BillingRatingBench;
import io.mobim.clearing.ClearingMetrics;
import io.mobim.clearing.agreement.AgreementJson;
import io.mobim.clearing.agreement.AgreementService;
import io.mobim.clearing.agreement.ExchangeRates;
import io.mobim.clearing.ingest.RecordSource;
import io.mobim.clearing.ingest.RecordStore;
import io.mobim.clearing.job.Progress;
import io.mobim.clearing.matching.MatchingService;
import io.mobim.clearing.settlement.SettlementService;
import io.mobim.clearing.settlement.Statement;
import io.mobim.clearing.settlement.StatementStore;
import io.mobim.events.interop.InteropChannel;
import io.mobim.events.interop.InteropRecord;
import io.mobim.events.interop.InteropSide;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records matched and settled per second by the clearing house's own code on a real PostgreSQL: {@code records}
 * inter-operator records (both sides of {@code records / 2} messages between {@code pairs} operator pairs, a month of
 * traffic, one terminating side in {@code 1/dropEvery} dropped and one originating side in {@code 1/dupEvery} sent
 * twice) are loaded through {@link RecordStore} (COPY into staging, then INSERT..SELECT, {@code chunk} records per
 * transaction), matched by one {@link MatchingService} run, and every pair's month is settled and closed by
 * {@link SettlementService}. Prints each phase's time and rate, and checks that the statements account for every
 * message: settled plus withheld equals what was sent.
 * Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.clearing.ClearingBench [key=value ...]}.
 */
public final class ClearingBench {

    private static final Instant START = Instant.parse("2026-10-01T00:00:00Z");
    private static final String[] OPERATORS = {"GBRVF", "FRAF1", "DEUD1", "ITAOM", "ESPTE", "PRTTM"};

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("records", "10000000", "pairs", "3", "chunk", "1000000",
                "dropEvery", "1000", "dupEvery", "2000", "sharedBuffers", "2GB", "workMem", "1GB", "workers", "2"));
        for (String a : args) {
            int eq = a.indexOf('=');
            opts.put(a.substring(0, eq), a.substring(eq + 1));
        }
        long records = Long.parseLong(opts.get("records"));
        int pairs = Integer.parseInt(opts.get("pairs"));
        int chunk = Integer.parseInt(opts.get("chunk"));
        long dropEvery = Long.parseLong(opts.get("dropEvery"));
        long dupEvery = Long.parseLong(opts.get("dupEvery"));
        BillingRatingBench.machine();
        System.out.println("options: " + opts);

        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("shared_buffers", opts.get("sharedBuffers")).setServerConfig("max_wal_size", "8GB")
                .setServerConfig("checkpoint_timeout", "30min").start();
             HikariDataSource ds = pool(pg)) {
            JdbcTemplate jdbc = new JdbcTemplate(ds);
            System.out.println("postgres: " + jdbc.queryForObject("select version()", String.class));
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "max_parallel_workers_per_gather"}) {
                System.out.println("  " + setting + " = " + jdbc.queryForObject("show " + setting, String.class));
            }
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
            Clock clock = Clock.fixed(Instant.parse("2026-12-06T00:00:00Z"), java.time.ZoneOffset.UTC);
            AgreementService agreements = new AgreementService(jdbc, tx, clock);
            for (int p = 0; p < pairs; p++) {
                agreements.addVersion(agreementId(p), AgreementJson.read(("""
                        {"partyA": "%s", "partyB": "%s", "validFrom": "2026-01-01", "chargingModel": "TERMINATION_FEE",
                         "rates": [{"direction": "A_TO_B", "price": "0.0149", "currency": "EUR"},
                                   {"direction": "B_TO_A", "price": "0.1234", "currency": "GBP"}],
                         "settlementCurrency": "EUR", "exchangeRates": {"GBP": "1.1537"}, "settlementPeriod": "MONTHLY",
                         "timeToleranceSeconds": 300, "netting": "BILATERAL"}""").formatted(OPERATORS[2 * p % OPERATORS.length],
                        OPERATORS[(2 * p + 1) % OPERATORS.length] + (p >= OPERATORS.length / 2 ? p : "")).getBytes(StandardCharsets.UTF_8)));
            }
            ClearingMetrics metrics = new ClearingMetrics(new SimpleMeterRegistry());
            RecordStore store = new RecordStore(jdbc);

            long t0 = System.nanoTime();
            Traffic traffic = new Traffic(records, pairs, dropEvery, dupEvery);
            long loaded = 0;
            while (traffic.hasNext()) {
                Iterator<InteropRecord> slice = traffic.slice(chunk);
                loaded += tx.execute(s -> store.insert(slice, RecordSource.KAFKA, null, clock.instant()));
            }
            jdbc.execute("analyze clearing.interop_record");
            // the load's pages written now, as a month of arrivals would have been by its checkpoints: matching and
            // settlement are timed without writing what the load left
            jdbc.execute("checkpoint");
            long t1 = System.nanoTime();
            report("load (COPY + INSERT..SELECT)", loaded, t1 - t0);

            MatchingService matching = new MatchingService(jdbc, tx, clock, Duration.ofHours(1), opts.get("workMem"),
                    Integer.parseInt(opts.get("workers")), metrics);
            MatchingService.Result run = matching.run(Instant.parse("2026-12-01T00:00:00Z"), progress());
            jdbc.execute("analyze clearing.message");
            long t2 = System.nanoTime();
            report("match", run.records(), t2 - t1);
            System.out.println("  messages " + run.messages() + ", one-sided disputes " + run.oneSided() + ", open " + run.open());

            SettlementService settlement = new SettlementService(jdbc, tx, agreements, new ExchangeRates(jdbc, tx, clock),
                    new StatementStore(jdbc), metrics, clock);
            long settled = 0;
            long withheld = 0;
            // as the API's settlement of a period without an agreement id: every agreement of the month at once
            for (Statement s : settlement.settleAll("2026-10", true, Progress.NONE)) {
                settled += s.controlTotals().messages();
                withheld += s.controlTotals().withheldMessages();
                System.out.printf("  %s: %d messages settled, %d withheld, gross %s / %s, net %s %s paid by %s%n", s.agreementId(),
                        s.controlTotals().messages(), s.controlTotals().withheldMessages(), s.grossAToB(), s.grossBToA(),
                        s.netAmount(), s.currency(), s.netPayer());
            }
            long t3 = System.nanoTime();
            report("settle (close every pair's month)", run.records(), t3 - t2);
            report("match + settle", run.records(), t3 - t1);
            report("load + match + settle", run.records(), t3 - t0);
            long messages = traffic.messages();
            System.out.printf("check: %d messages sent, %d settled + %d withheld = %d: %s%n", messages, settled, withheld,
                    settled + withheld, settled + withheld == messages ? "OK" : "MISMATCH");
            System.out.println("load average at end: " + BillingRatingBench.loadAverage());
        }
        System.exit(0);
    }

    private static Progress progress() {
        long start = System.nanoTime();
        return (phase, done, total) -> System.out.printf("  [%5.1f s] %s (%d/%d)%n", (System.nanoTime() - start) / 1e9, phase, done, total);
    }

    private static String agreementId(int p) {
        return "BENCH-" + p;
    }

    private static void report(String phase, long records, long nanos) {
        double s = nanos / 1e9;
        System.out.printf("%-36s %,12d records in %7.2f s = %,10.0f records/s%n", phase, records, s, records / s);
    }

    private static HikariDataSource pool(EmbeddedPostgres pg) {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("clearing").locations("classpath:db/migration/clearing")
                .load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /**
     * Both sides of a month of messages, generated as they are read (never all in memory): message m goes between
     * pair m % pairs, one way or the other, an SMS of 1..3 segments or a client message; record ids are name-based, as
     * the platforms mint them.
     */
    static final class Traffic implements Iterator<InteropRecord> {
        private final long records;
        private final int pairs;
        private final long dropEvery;
        private final long dupEvery;
        private final long spacingMicros;
        private long emitted;
        private long message;
        private int step;   // 0: originating, 1: terminating, 2: the originating side again (a duplicate)

        Traffic(long records, int pairs, long dropEvery, long dupEvery) {
            this.records = records;
            this.pairs = pairs;
            this.dropEvery = dropEvery;
            this.dupEvery = dupEvery;
            // 30 days for records / 2 messages: a few more messages than that (drops) still end in the month
            this.spacingMicros = Math.max(1, Duration.ofDays(30).toNanos() / 1000 / Math.max(1, records / 2));
        }

        /** Messages begun so far (the last one may have only its originating side). */
        long messages() {
            return message + (step == 0 ? 0 : 1);
        }

        @Override
        public boolean hasNext() {
            return emitted < records;
        }

        Iterator<InteropRecord> slice(int n) {
            long end = Math.min(records, emitted + n);
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return emitted < end;
                }

                @Override
                public InteropRecord next() {
                    return Traffic.this.next();
                }
            };
        }

        @Override
        public InteropRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long m = message;
            boolean again = step == 2;                          // the originating side's second copy
            InteropSide side;
            if (step == 0) {
                side = InteropSide.ORIGINATING;
                step = m % dropEvery == 7 ? 3 : 1;          // 3: the terminating side is dropped
            } else if (step == 1) {
                side = InteropSide.TERMINATING;
                step = m % dupEvery == 11 ? 2 : 3;
            } else {
                side = InteropSide.ORIGINATING;
                step = 3;
            }
            if (step == 3) {
                step = 0;
                message++;
            }
            emitted++;
            int p = (int) (m % pairs);
            String a = OPERATORS[2 * p % OPERATORS.length];
            String b = OPERATORS[(2 * p + 1) % OPERATORS.length] + (p >= OPERATORS.length / 2 ? p : "");
            boolean aToB = (m / pairs) % 3 != 0;
            boolean sms = m % 4 != 0;
            Instant at = START.plusNanos(m * spacingMicros * 1000 + (side == InteropSide.TERMINATING ? 15_000_000_000L : 0));
            String n = Long.toString(10_000_000L + m % 90_000_000L);
            String messageId = "m" + (1_000_000_000L + m);
            // minted as the platforms mint them (name-based, spread over the key space); the second copy of a side under
            // an id of its own, as a relay that sends a message again as a new one would
            UUID recordId = UUID.nameUUIDFromBytes((side + "/" + (aToB ? a : b) + "/" + messageId + (again ? "/again" : ""))
                    .getBytes(StandardCharsets.UTF_8));
            return InteropRecord.of(recordId, side, aToB ? a : b, aToB ? b : a, messageId, "+4477" + n,
                    "+3361" + n, at, sms ? InteropChannel.SMS : InteropChannel.CLIENT, sms ? 1 + (int) (m % 3) : 1);
        }
    }
}
