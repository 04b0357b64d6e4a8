package io.mobim.bench.billing;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.EmbeddedPostgresServer;
import io.mobim.embedded.FreePorts;
import io.mobim.events.JsonEventSerde;
import io.mobim.events.Topics;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.platform.MobimApplication;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Kafka to PostgreSQL, as production runs it: {@code events} charging events are first written to
 * {@code charging.v1} on a real in-process KRaft broker ({@link EmbeddedKafkaBroker}, {@code partitions} partitions),
 * then the application starts with role {@code billing} only ({@link MobimApplication}, its own Flyway migrations,
 * the billing auto-configuration's listener container and consumer settings, {@code concurrency} = partitions),
 * against an {@link EmbeddedPostgresServer}. Timed from the first record the consumer receives (a consumer
 * interceptor notes it) to the moment every event is rated and committed (billing's own counter of committed
 * ratings, then the rows of {@code billing.rated_record} are counted). CPU of this JVM (application and broker),
 * of the listener threads alone, and of the PostgreSQL processes is read from /proc and the JVM.
 */
final class KafkaToPostgres {

    /** Set by the interceptor on the first poll that returns records. */
    static final AtomicLong FIRST_CONSUMED_NANOS = new AtomicLong();
    static volatile long[] cpuAtFirstConsumed;
    static volatile Map<String, Long> threadCpuAtFirstConsumed;
    static volatile Map<String, Long> pgAtFirstConsumed = Map.of();
    static volatile Path pgDataDir;
    private static double halfRated;

    /** Registered through {@code spring.kafka.consumer.properties.interceptor.classes}: notes the first record. */
    public static final class FirstRecord implements ConsumerInterceptor<Object, Object> {
        @Override
        public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
            if (!records.isEmpty() && FIRST_CONSUMED_NANOS.compareAndSet(0, System.nanoTime())) {
                cpuAtFirstConsumed = cpu();
                threadCpuAtFirstConsumed = threadCpu();
                pgAtFirstConsumed = postgresCpuByKind(pgDataDir);
            }
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        }

        @Override
        public void close() {
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }
    }

    private KafkaToPostgres() {
    }

    /**
     * @param appArgs extra application settings ({@code key=value}, e.g. {@code spring.kafka.consumer.properties.fetch.min.bytes=65536})
     */
    static void run(int events, int partitions, int maxPollRecords, boolean pgStats, Map<String, String> appArgs) throws Exception {
        run(events, events / 2, 0, partitions, maxPollRecords, pgStats, appArgs);
    }

    /**
     * @param warmup events committed before the steady-state figures start (rated like the others, not counted in
     *               them): the JIT has compiled the hot path by then and the tables hold that many rows
     * @param history rated records of the month before (October 2026, 50,000 subscribers) written into
     *                {@code billing.rated_record} before the application starts, as a table in production holds them
     */
    static void run(int events, int warmup, int history, int partitions, int maxPollRecords, boolean pgStats, Map<String, String> appArgs) throws Exception {
        if (warmup < 0 || warmup >= events) {
            throw new IllegalArgumentException("warmup must be at least 0 and fewer than the events: " + warmup);
        }
        Path root = Files.createTempDirectory("billing-bench");
        int pgPort = FreePorts.pick();
        pgDataDir = root.resolve("postgres");
        System.out.println();
        System.out.printf(Locale.ROOT, "== Kafka -> rated -> committed in PostgreSQL: %,d events (steady state after %,d), %d partitions, "
                + "max.poll.records %d ==%n", events, warmup, partitions, maxPollRecords);
        Map<String, String> pgSettings = pgStats ? Map.of("shared_preload_libraries", "pg_stat_statements") : Map.of();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(pgDataDir, pgPort, true, pgSettings);
             EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(root.resolve("kafka"), FreePorts.pick(), partitions, true)) {
            if (history > 0) {
                writeHistory(jdbcUrl(pgPort), history);
            }
            kafka.createTopics(Map.of(Topics.CHARGING, partitions, Topics.deadLetter(Topics.CHARGING), 1));
            long t0 = System.nanoTime();
            preload(kafka.bootstrapServers(), events);
            System.out.printf(Locale.ROOT, "pre-loaded %,d events into %s in %.1f s%n", events, Topics.CHARGING, (System.nanoTime() - t0) / 1e9);

            Map<String, String> props = new LinkedHashMap<>();
            props.put("mobim.roles", "billing");
            props.put("mobim.embedded.enabled", "false");
            props.put("spring.datasource.url", jdbcUrl(pgPort));
            props.put("spring.datasource.username", "postgres");
            props.put("spring.kafka.bootstrap-servers", kafka.bootstrapServers());
            props.put("spring.kafka.consumer.properties.interceptor.classes", FirstRecord.class.getName());
            props.put("mobim.billing.consumer.concurrency", Integer.toString(partitions));
            props.put("mobim.billing.consumer.max-poll-records", Integer.toString(maxPollRecords));
            props.put("mobim.billing.business-zone", "Europe/London");
            props.put("mobim.kafka.partitions", Integer.toString(partitions));
            // MobimApplication scans every module's entities; with role billing alone the IM tables are not migrated
            props.put("spring.jpa.hibernate.ddl-auto", "none");
            // nor are the IM core's outbox relay and sweepers bound to role im: without their tables they fail every few ms
            props.put("mobim.outbox.interval", "1h");
            props.put("mobim.messaging.sweep-interval", "1h");
            props.put("mobim.presence.sweep-interval", "1h");
            props.put("server.port", "0");
            props.put("mobim.admin.password", "bench");
            props.put("spring.main.banner-mode", "off");
            props.put("logging.level.root", "WARN");
            props.put("logging.level.kafka", "ERROR");
            props.put("logging.level.org.apache.kafka", "ERROR");
            props.put("logging.level.io.zonky", "WARN");
            props.putAll(appArgs);
            // command-line arguments: they take precedence over the jar's application.properties
            String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
            System.out.println("application settings: " + props);
            if (pgStats) {
                try (var con = java.sql.DriverManager.getConnection(jdbcUrl(pgPort), "postgres", "")) {
                    con.createStatement().execute("create extension if not exists pg_stat_statements");
                }
            }
            t0 = System.nanoTime();
            try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(MobimApplication.class).run(args)) {
                System.out.printf(Locale.ROOT, "application (role billing) started in %.1f s%n", (System.nanoTime() - t0) / 1e9);
                MeterRegistry meters = ctx.getBean(MeterRegistry.class);
                long deadline = System.nanoTime() + 1_800_000_000_000L;
                double rated;
                long halfNanos = 0;
                Map<String, Long> threadCpuHalf = Map.of();
                Map<String, Long> pgHalf = Map.of();
                long[] cpuHalf = null;
                while ((rated = meters.counter("billing.events.rated").count()) < events) {
                    if (halfNanos == 0 && rated >= Math.max(1, warmup)) {
                        halfNanos = System.nanoTime();
                        cpuHalf = cpu();
                        threadCpuHalf = threadCpu();
                        pgHalf = postgresCpuByKind(pgDataDir);
                        halfRated = rated;
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + rated + " of " + events + " events rated after 30 min");
                    }
                    Thread.sleep(5);
                }
                long end = System.nanoTime();
                long[] cpuEnd = cpu();
                Map<String, Long> threadCpuEnd = threadCpu();
                Map<String, Long> pgEnd = postgresCpuByKind(pgDataDir);
                double secs = (end - FIRST_CONSUMED_NANOS.get()) / 1e9;
                JdbcTemplate jdbc = ctx.getBean(JdbcTemplate.class);
                Long rows = jdbc.queryForObject("select count(*) from billing.rated_record where event_time >= '2026-11-01'", Long.class);
                Long rejected = jdbc.queryForObject("select count(*) from billing.rejected_event", Long.class);
                double jvm = (cpuEnd[0] - cpuAtFirstConsumed[0]) / 1e9;
                double postgres = (cpuEnd[1] - cpuAtFirstConsumed[1]) / 1e9;
                System.out.printf(Locale.ROOT, "first record consumed -> last committed: %,d events in %.2f s = %,.0f events/s "
                        + "(rated_record rows %,d, rejected %,d)%n", events, secs, events / secs, rows, rejected);
                String groups = groups(threadCpuAtFirstConsumed, threadCpuEnd);
                System.out.printf(Locale.ROOT, "  whole run: CPU JVM %.2f s (%s), PostgreSQL %.2f s (%s); %.1f µs per event; %.2f cores busy; load average %s%n",
                        jvm, groups, postgres, groups(pgAtFirstConsumed, pgEnd), (jvm + postgres) * 1e6 / events, (jvm + postgres) / secs,
                        BillingRatingBench.loadAverage());
                System.out.printf(Locale.ROOT, "  CPU-bound ceiling on 2 idle cores: ~%,.0f events/s%n", 2 * events / (jvm + postgres));
                if (cpuHalf != null) {
                    // the second half: the JIT has compiled the hot path, the tables are as large as they get in this run
                    double n2 = events - halfRated;
                    double s2 = (end - halfNanos) / 1e9;
                    double jvm2 = (cpuEnd[0] - cpuHalf[0]) / 1e9;
                    double pg2 = (cpuEnd[1] - cpuHalf[1]) / 1e9;
                    System.out.printf(Locale.ROOT, "  steady state (after the first %,.0f events, not measured): %,.0f events in %.2f s = %,.0f events/s; "
                                    + "CPU JVM %.2f s + PostgreSQL %.2f s = %.1f µs per event (JVM %.1f: %s; PostgreSQL %.1f: %s); "
                                    + "CPU-bound ceiling on 2 idle cores ~%,.0f events/s%n",
                            halfRated, n2, s2, n2 / s2, jvm2, pg2, (jvm2 + pg2) * 1e6 / n2, jvm2 * 1e6 / n2, groups(threadCpuHalf, threadCpuEnd),
                            pg2 * 1e6 / n2, groups(pgHalf, pgEnd), 2 * n2 / (jvm2 + pg2));
                }
                // the table and its partitions, if any (the statistics may lag the last commits by a moment)
                jdbc.query("select count(*), sum(n_tup_ins), sum(autovacuum_count), sum(autoanalyze_count) from pg_stat_user_tables "
                        + "where schemaname = 'billing' and relname like 'rated\\_record%'", rs -> {
                            System.out.printf(Locale.ROOT, "  rated_record (%d tables): %,d rows inserted, autovacuum %d, autoanalyze %d%n",
                                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
                        });
                if (pgStats) {
                    System.out.println("  PostgreSQL statements by total time (pg_stat_statements):");
                    jdbc.query("select calls, total_exec_time, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 150) q "
                            + "from pg_stat_statements order by total_exec_time desc limit 12", rs -> {
                                System.out.printf(Locale.ROOT, "    %8.0f ms %7d calls %9d rows  %s%n", rs.getDouble(2),
                                        rs.getLong(1), rs.getLong(3), rs.getString(4));
                            });
                }
                if (rows == null || rows + rejected != events) {
                    throw new IllegalStateException("expected " + events + " records, found " + rows + " rated + " + rejected + " rejected");
                }
            }
        } finally {
            io.mobim.embedded.FileTrees.delete(root);
        }
    }

    /** Migrates the billing schema as the application would, then writes {@code n} rated records of October 2026. */
    private static void writeHistory(String url, int n) throws Exception {
        long t0 = System.nanoTime();
        org.flywaydb.core.Flyway.configure().dataSource(url, "postgres", "").schemas("billing").defaultSchema("billing")
                .createSchemas(true).locations("classpath:db/migration/billing").load().migrate();
        try (var con = java.sql.DriverManager.getConnection(url, "postgres", ""); var st = con.createStatement()) {
            try (var rs = st.executeQuery("select to_regprocedure('billing.create_rated_record_partition(date)') is not null")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    st.execute("select billing.create_rated_record_partition('2026-10-01')");
                }
            }
            st.execute(("insert into billing.rated_record (event_id, version, current, node_id, sequence, event_time, business_day, period, "
                    + "msisdn, charged_role, kind, channel, direction, service, event_plan, message_id, other_party, other_operator, "
                    + "smsc_reference, segments, bytes, plan_id, plan_version, charged_units, allowance_units, amount, "
                    + "pass_through_amount, currency, rule, rated_at, rating_reason) "
                    + "select gen_random_uuid(), 1, true, 'bench-history', i, t, (t at time zone 'Europe/London')::date, "
                    + "to_char(t at time zone 'Europe/London', 'YYYY-MM'), '+4477' || lpad((i %% 50000)::text, 8, '0'), 'ORIGINATOR', "
                    + "'MESSAGE', 'SMS', 'SENT', false, 'VODAFONE_UK', 'm-' || i, '+447700900999', null, 'SMSC-' || i, 1, null, "
                    + "'VODAFONE_UK', 1, 1, 0, 0.12, 0, 'GBP', 'SMS_SENT 1 x 0.12', t, 'RATED' "
                    + "from generate_series(1, %d) i, lateral (select timestamptz '2026-10-01 00:00Z' + (i::bigint * 2600000 / %d) * interval '1 second' t) x")
                    .formatted(n, n));
            st.execute("vacuum analyze billing.rated_record");
        }
        System.out.printf(Locale.ROOT, "wrote %,d rated records of October 2026 (history) in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    }

    private static void preload(String bootstrap, int n) throws Exception {
        JsonEventSerde<ChargingEvent> serde = new JsonEventSerde<>(ChargingEvent.class);
        Map<String, Object> config = Map.of("bootstrap.servers", bootstrap, "acks", "all", "enable.idempotence", "true",
                "linger.ms", "20", "batch.size", Integer.toString(256 * 1024));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            int chunk = 100_000;
            for (int from = 0; from < n; from += chunk) {
                // many subscribers (50,000), the five seed plans in turn; a fresh node name each chunk keeps sequences unique
                for (ChargingEvent e : BillingRatingBench.traffic(Math.min(chunk, n - from), 50_000, "bench-kafka-" + UUID.randomUUID(), 0)) {
                    producer.send(new ProducerRecord<>(Topics.CHARGING, e.key(), serde.serialize(Topics.CHARGING, e)));
                }
            }
            producer.flush();
        }
    }

    /** {JVM CPU ns, PostgreSQL CPU ns}. */
    static long[] cpu() {
        return cpu(pgDataDir);
    }

    /** {JVM CPU ns, CPU ns of the PostgreSQL server whose data directory is given}. */
    static long[] cpu(Path dataDir) {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        long jvm = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        return new long[] {jvm, postgresCpuNanos(dataDir)};
    }

    /** CPU of this JVM's threads by kind, from /proc/self/task (GC and JIT threads included, which the JVM does not list). */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    out.merge(group(name), (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum);
                } catch (Exception gone) {
                    // the thread ended while being read
                }
            }
        } catch (Exception e) {
            return out;
        }
        return out;
    }

    private static String groups(Map<String, Long> from, Map<String, Long> to) {
        StringBuilder out = new StringBuilder();
        to.forEach((group, ns) -> out.append(String.format(Locale.ROOT, "%s%s %.2f s", out.isEmpty() ? "" : ", ", group,
                Math.max(0, ns - from.getOrDefault(group, 0L)) / 1e9)));
        return out.toString();
    }

    private static String group(String thread) {
        if (thread.startsWith("billing-chargin")) {
            return "listeners";
        }
        if (thread.startsWith("GC ") || thread.startsWith("G1 ")) {
            return "GC";
        }
        if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
            return "JIT";
        }
        if (thread.startsWith("kafka") || thread.startsWith("data-plane") || thread.startsWith("broker") || thread.startsWith("controller")
                || thread.startsWith("ExpirationReap") || thread.startsWith("raft") || thread.startsWith("LogDirFail")) {
            return "broker";
        }
        return "other";
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    /** The postmaster (first line of postmaster.pid) and its children: utime + stime, plus reaped children's. */
    private static long postgresCpuNanos(Path dataDir) {
        return postgresCpuByKind(dataDir).values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * PostgreSQL's CPU by kind of process, in ns: "backends" (client sessions), "autovacuum" (live workers and
     * launcher), "background" (WAL writer, checkpointer, background writer...), "exited" (the postmaster itself and
     * the children it reaped: mostly autovacuum workers that finished a table). Empty if not measurable.
     */
    static Map<String, Long> postgresCpuByKind(Path dataDir) {
        Map<String, Long> out = new java.util.TreeMap<>();
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
            List<Path> procs;
            try (var list = Files.list(Path.of("/proc"))) {
                procs = new ArrayList<>(list.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList());
            }
            for (Path p : procs) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(p.getFileName().toString());
                    if (pid == postmaster) {
                        out.merge("exited", (Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13])
                                + Long.parseLong(f[14])) * 10_000_000L, Long::sum);
                    } else if (Long.parseLong(f[1]) == postmaster) {
                        String title = new String(Files.readAllBytes(p.resolve("cmdline")), java.nio.charset.StandardCharsets.UTF_8);
                        String kind = title.contains("autovacuum") ? "autovacuum"
                                : title.contains("127.0.0.1") || title.contains("[local]") ? "backends" : "background";
                        out.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum); // USER_HZ = 100
                    }
                } catch (Exception gone) {
                    // the process ended while being read
                }
            }
            return out;
        } catch (Exception e) {
            return Map.of();
        }
    }
}
