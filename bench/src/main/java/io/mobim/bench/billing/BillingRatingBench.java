package io.mobim.bench.billing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.billing.BillingMetrics;
import io.mobim.billing.account.AccountDirectory;
import io.mobim.billing.plan.PlanDefinitions;
import io.mobim.billing.plan.PlanService;
import io.mobim.billing.plan.PlanStore;
import io.mobim.billing.plan.TariffCatalog;
import io.mobim.billing.rating.RatingEngine;
import io.mobim.billing.rating.RatingOutcome;
import io.mobim.billing.rating.RatingService;
import io.mobim.billing.rating.RejectedEventStore;
import io.mobim.billing.rating.UsageCounterStore;
import io.mobim.billing.rating.UsageCounters;
import io.mobim.billing.records.RatedRecordStore;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing rating throughput, three figures:
 * <ol>
 * <li>the pure rating engine (events rated per second, one thread, no I/O);</li>
 * <li>events rated and committed per second into PostgreSQL (embedded PostgreSQL 17, same machine): JSON bytes as
 *     they come off the topic → {@link JsonEventSerde} → {@link RatingService#rate(List)}, one transaction per poll
 *     batch, as the Kafka listener does, with N listener threads (one per partition). The broker fetch itself is
 *     not included.</li>
 * <li>Kafka to PostgreSQL through the real consumer path ({@link KafkaToPostgres}).</li>
 * </ol>
 * Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.billing.BillingRatingBench [key=value ...]}, keys
 * {@code phases} (engine,db,kafka), {@code events}, {@code batch}, {@code threads} (DB-only phase), {@code kafkaEvents},
 * {@code partitions}, {@code maxPoll}, {@code warmup} (Kafka phase: events committed before the steady-state figures
 * start, default half of them; the whole run is reported too), {@code history} (Kafka phase: rated records of the month
 * before written first, as a table in production holds them; default 0) and any {@code spring.*} or {@code mobim.*} application setting.
 */
public final class BillingRatingBench {

    private static final String[] PLANS = {"VODAFONE_UK", "ORANGE_UK", "ORANGE_FR_CHAT", "BOUYGUES_FR", "O2_DE"};
    /** Each run and each partition get their own subscribers, as Kafka's keying by MSISDN gives them. */
    private static int runs;
    private static final Instant START = Instant.parse("2026-11-01T00:00:00Z");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>(Map.of("phases", "engine,db,kafka", "events", "400000", "batch", "2000",
                "threads", "2", "kafkaEvents", "1000000", "partitions", "2", "maxPoll", "2000", "pgStats", "false"));
        opts.put("warmup", "half");
        opts.put("history", "0");
        Map<String, String> appArgs = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("arguments are key=value: " + a);
            }
            String key = a.substring(0, eq);
            if (opts.containsKey(key)) {
                opts.put(key, a.substring(eq + 1));
            } else if (key.startsWith("spring.") || key.startsWith("mobim.")) {
                appArgs.put(key, a.substring(eq + 1));
            } else {
                throw new IllegalArgumentException("unknown key " + key + "; keys: " + opts.keySet() + ", spring.*, mobim.*");
            }
        }
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        machine();
        System.out.println("load average at start: " + loadAverage() + "; options " + opts + " " + appArgs);
        List<String> phases = List.of(opts.get("phases").split(","));
        int events = Integer.parseInt(opts.get("events"));
        int batch = Integer.parseInt(opts.get("batch"));
        int threads = Integer.parseInt(opts.get("threads"));

        if (phases.contains("engine")) {
            engineOnly(2_000_000);
        }
        if (phases.contains("db")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                 HikariDataSource ds = billingPool(pg, threads + 1)) {
                intoPostgres(ds, events / 4, batch, threads, "warm-up");
                intoPostgres(ds, events, batch, threads, "measured");
            }
        }
        if (phases.contains("kafka")) {
            int kafkaEvents = Integer.parseInt(opts.get("kafkaEvents"));
            int warmup = opts.get("warmup").equals("half") ? kafkaEvents / 2 : Integer.parseInt(opts.get("warmup"));
            KafkaToPostgres.run(kafkaEvents, warmup, Integer.parseInt(opts.get("history")), Integer.parseInt(opts.get("partitions")),
                    Integer.parseInt(opts.get("maxPoll")), Boolean.parseBoolean(opts.get("pgStats")), appArgs);
        }
        System.out.println("load average at end: " + loadAverage());
        System.exit(0);
    }

    /** The 1, 5 and 15 minute load averages, as uptime prints them. */
    public static String loadAverage() {
        try {
            return String.join(" ", java.util.Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    public static void machine() throws Exception {
        String cpu = "unknown";
        Path info = Path.of("/proc/cpuinfo");
        if (Files.exists(info)) {
            cpu = Files.readAllLines(info).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse(cpu);
        }
        System.out.printf("machine: %d cores, %s, JDK %s (%s), %s %s%n", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.arch"));
        System.out.println("note: the machine is shared with other builds; figures are noisy");
    }

    /** A realistic mix: one subscriber per plan cycles through messages, sessions and daily access. */
    static List<ChargingEvent> traffic(int n, int subscribers, String node, int firstSubscriber) {
        List<ChargingEvent> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = firstSubscriber + i % subscribers;
            String plan = PLANS[s % PLANS.length];
            String msisdn = "+4477" + String.format("%08d", s);
            Instant at = START.plusSeconds((i / subscribers) * 20L);
            ChargingEvent.Builder b = ChargingEvent.builder().eventId(UUID.randomUUID()).eventTime(at)
                    .origin(node, i + 1L).tariffPlan(plan);
            if (plan.equals("O2_DE")) {
                if (i % 3 == 0) {
                    b.kind(ChargingKind.DAILY_ACCESS).channel(Channel.CLIENT).charged(msisdn, ChargedRole.SUBSCRIBER);
                } else {
                    b.kind(ChargingKind.SESSION_DATA).channel(Channel.CLIENT).charged(msisdn, ChargedRole.SUBSCRIBER)
                            .bytes(1_000L + (i * 7919L) % 60_000);
                }
            } else {
                ChargedRole role = i % 2 == 0 ? ChargedRole.ORIGINATOR : ChargedRole.RECIPIENT;
                b.kind(ChargingKind.MESSAGE).channel(Channel.SMS).charged(msisdn, role).messageId("m-" + i)
                        .other("+447700900999", null).sms("SMSC-" + i, 1 + i % 2);
            }
            out.add(b.build());
        }
        return out;
    }

    static void engineOnly(int n) {
        List<ChargingEvent> events = traffic(n, 10_000, "bench-engine", 0);
        TariffCatalog catalog = new TariffCatalog(PlanDefinitions.seeds());
        RatingEngine engine = new RatingEngine(ZoneId.of("Europe/London"));
        for (int round = 0; round < 3; round++) {
            UsageCounters counters = new UsageCounters();
            long t0 = System.nanoTime();
            long cents = 0;
            for (ChargingEvent e : events) {
                cents += engine.rate(e, catalog.inForce(e.tariffPlan(), e.eventTime()).orElseThrow(), counters).amount().unscaledValue().longValue();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            System.out.printf("engine only, round %d: %,d events in %.2f s = %,.0f events/s (checksum %d)%n", round + 1, n,
                    secs, n / secs, cents);
        }
    }

    static void intoPostgres(HikariDataSource ds, int n, int batch, int threads, String label) throws Exception {
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        RatingEngine engine = new RatingEngine(ZoneId.of("Europe/London"));
        PlanService plans = new PlanService(new PlanStore(jdbc), tx, PlanDefinitions.seeds(), java.time.Duration.ofSeconds(30));
        RatingService rating = new RatingService(tx, new RatedRecordStore(jdbc), partitions(ds, engine),
                new RejectedEventStore(jdbc), new UsageCounterStore(jdbc, 200_000), new AccountDirectory(jdbc, 200_000), plans, engine,
                new BillingMetrics(new SimpleMeterRegistry()), Clock.systemUTC());
        plans.catalog();

        // each thread owns a partition: its own subscribers (Kafka keys by MSISDN) and its own records
        JsonEventSerde<ChargingEvent> serde = new JsonEventSerde<>(ChargingEvent.class);
        List<List<byte[]>> partitions = new ArrayList<>();
        int runBase = runs++ * 1_000_000;
        for (int p = 0; p < threads; p++) {
            List<byte[]> bytes = new ArrayList<>();
            for (ChargingEvent e : traffic(n / threads, 5_000, label + "-" + p + "-" + UUID.randomUUID(), runBase + p * 100_000)) {
                bytes.add(serde.serialize(Topics.CHARGING, e));
            }
            partitions.add(bytes);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Path dataDir = Path.of(jdbc.queryForObject("show data_directory", String.class));
        long[] cpu0 = KafkaToPostgres.cpu(dataDir);
        long t0 = System.nanoTime();
        List<Future<Long>> done = new ArrayList<>();
        for (List<byte[]> partition : partitions) {
            done.add(pool.submit(() -> {
                long rated = 0;
                for (int from = 0; from < partition.size(); from += batch) {
                    List<ChargingEvent> poll = new ArrayList<>(batch);
                    for (byte[] record : partition.subList(from, Math.min(from + batch, partition.size()))) {
                        poll.add(serde.deserialize(Topics.CHARGING, record));
                    }
                    RatingOutcome o = rating.rate(poll);
                    rated += o.rated();
                }
                return rated;
            }));
        }
        long rated = 0;
        for (Future<Long> f : done) {
            rated += f.get();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long[] cpu1 = KafkaToPostgres.cpu(dataDir);
        pool.shutdown();
        Long rows = jdbc.queryForObject("select count(*) from billing.rated_record", Long.class);
        System.out.printf("%s: JSON -> rated -> committed in PostgreSQL: %,d events, batch %d, %d threads, %.2f s = %,.0f events/s "
                + "(rated_record rows now %,d), load average %s%n", label, rated, batch, threads, secs, rated / secs, rows, loadAverage());
        double jvm = (cpu1[0] - cpu0[0]) / 1e9;
        double postgres = (cpu1[1] - cpu0[1]) / 1e9;
        System.out.printf(java.util.Locale.ROOT, "  CPU: JVM %.2f s + PostgreSQL %.2f s = %.1f µs per event (JVM %.1f, PostgreSQL %.1f); "
                        + "CPU-bound ceiling on 2 idle cores ~%,.0f events/s%n", jvm, postgres, (jvm + postgres) * 1e6 / rated,
                jvm * 1e6 / rated, postgres * 1e6 / rated, 2 * rated / (jvm + postgres));
    }

    private BillingRatingBench() {
    }

    /** The rated records' partitions as the billing role keeps them (this month and two ahead, the rest on demand). */
    static io.mobim.billing.records.RatedRecordPartitions partitions(HikariDataSource ds, RatingEngine engine) {
        var partitions = new io.mobim.billing.records.RatedRecordPartitions(new JdbcTemplate(ds),
                new DataSourceTransactionManager(ds), engine.businessZone(), 2, Clock.systemUTC());
        partitions.ensureAhead();
        return partitions;
    }

    /** A pool on {@code pg} with the billing schema migrated, as the role's Flyway leaves it. */
    static HikariDataSource billingPool(EmbeddedPostgres pg, int maxPoolSize) {
        Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("billing")
                .locations("classpath:db/migration/billing").load().migrate();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        config.setUsername("postgres");
        config.setMaximumPoolSize(maxPoolSize);
        return new HikariDataSource(config);
    }
}
