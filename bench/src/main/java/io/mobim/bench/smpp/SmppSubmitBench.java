package io.mobim.bench.smpp;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.mt.InMemoryMtLedger;
import io.mobim.smpp.simulator.SmscSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

/**
 * Load driver for the SMPP path over loopback, against the in-process SMS-C simulator.
 *
 * <ul>
 *   <li>{@code raw}: one jSMPP BIND_TRX session, {@code --threads} submitting threads (the send window),
 *       submit_sm → submit_sm_resp, no receipts: the ceiling of jSMPP plus the simulator on this machine.</li>
 *   <li>{@code commands}: the SMPP exchanges of SMS commands and nothing else: the simulator sends an MO
 *       (deliver_sm), the ESME answers it and submits one MT asking for a receipt (submit_sm), the simulator
 *       sends the receipt (deliver_sm) and the ESME answers it. No Kafka, no database, no command handling:
 *       the ceiling of the SMS channel's commands/s on this machine while the SMS-C shares it.
 *       {@code threads} is the number of commands outstanding at once.</li>
 *   <li>{@code gateway-jdbc}: the same with the PostgreSQL ledger ({@code JdbcMtLedger}) on an embedded PostgreSQL.</li>
 *   <li>{@code gateway}: the gateway core ({@code SmppGateway}: ledger in memory, splitting, window, rate limiter
 *       set out of the way, outcome sink) taking MTs and reporting ACCEPTED: MT/s and accept→ACCEPTED latency,
 *       without Kafka.</li>
 * </ul>
 * Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.smpp.SmppSubmitBench [raw|commands|gateway|both] [messages] [threads]}
 */
public final class SmppSubmitBench {

    private SmppSubmitBench() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "both";
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 32;
        System.out.println(machine());
        if (mode.equals("raw") || mode.equals("both")) {
            raw(Math.min(10_000, messages / 5), threads, false);
            raw(messages, threads, true);
        }
        if (mode.equals("commands")) {
            commands(Math.min(10_000, messages / 2), threads, false);
            commands(messages, threads, true);
        }
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 1_000;
        if (mode.equals("gateway") || mode.equals("both")) {
            gateway(Math.min(10_000, messages / 5), threads, 0, false, null);
            gateway(messages, threads, 0, true, null);
            gateway(Math.min(messages, rate * 15), threads, rate, true, null);
        }
        if (mode.equals("gateway-jdbc")) {
            try (io.zonky.test.db.postgres.embedded.EmbeddedPostgres pg =
                         io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder().start()) {
                // pooled, as in the application (the embedded server's own DataSource opens a connection per statement)
                com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource();
                pool.setDataSource(pg.getPostgresDatabase());
                pool.setMaximumPoolSize(20);
                org.springframework.jdbc.core.JdbcTemplate jdbc = new org.springframework.jdbc.core.JdbcTemplate(pool);
                // the product's migrations of the schema, as the application applies them
                new io.mobim.platform.schema.SchemaMigrations(pool, java.util.List.of("smpp")).afterPropertiesSet();
                gateway(Math.min(5_000, messages / 5), threads, 0, false, jdbc);
                gateway(messages, threads, 0, true, jdbc);
                gateway(Math.min(messages, rate * 15), threads, rate, true, jdbc);
                pool.close();
            }
        }
    }

    public static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch")
                + "; shared with other jobs, figures are noisy";
    }

    private static void raw(int messages, int threads, boolean print) throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0)) {
            SMPPSession session = bind(smsc, deliverSm -> { }); // no receipts asked for
            long[] latencies = new long[messages];
            AtomicInteger next = new AtomicInteger();
            AtomicLong errors = new AtomicLong();
            byte[] text = "1 Hello there".getBytes(StandardCharsets.ISO_8859_1);
            CountDownLatch done = new CountDownLatch(threads);
            long start = System.nanoTime();
            for (int t = 0; t < threads; t++) {
                Thread worker = new Thread(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < messages) {
                        long t0 = System.nanoTime();
                        try {
                            session.submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "20123",
                                    TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                                    "4477009" + String.format("%05d", i % 1000), new ESMClass(), (byte) 0, (byte) 1, null, null,
                                    new RegisteredDelivery(0), (byte) 0, DataCodings.ZERO, (byte) 0, text);
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[i] = System.nanoTime() - t0;
                    }
                    done.countDown();
                });
                worker.setDaemon(true);
                worker.start();
            }
            done.await();
            long elapsed = System.nanoTime() - start;
            session.unbindAndClose();
            if (print) {
                report("raw jSMPP submit_sm→resp, 1 TRX session, window " + threads, messages, elapsed, latencies,
                        errors.get());
            }
        }
    }

    private static void commands(int commands, int inFlight, boolean print) throws Exception {
        if (commands > 100_000) {
            throw new IllegalArgumentException("at most 100,000 commands: each has its own recipient number");
        }
        // the receipt comes 50 ms after the MT, as in SmsCommandBench (the simulator's default)
        try (SmscSimulator smsc = SmscSimulator.start(0)) {
            long[] startedAt = new long[commands];
            long[] latencies = new long[commands];
            CountDownLatch receipts = new CountDownLatch(commands);
            java.util.concurrent.Semaphore outstanding = new java.util.concurrent.Semaphore(inFlight);
            AtomicLong errors = new AtomicLong();
            // like the gateway: an MO is acknowledged first, its MT goes out from another thread
            java.util.concurrent.ExecutorService mtWorkers = java.util.concurrent.Executors.newFixedThreadPool(32);
            byte[] text = "A: Hello there".getBytes(StandardCharsets.ISO_8859_1);
            AtomicReference<SMPPSession> bound = new AtomicReference<>();
            SMPPSession session = bind(smsc, deliverSm -> {
                if (deliverSm.isSmscDeliveryReceipt()) {
                    int k = commandOf(deliverSm.getSourceAddr());
                    latencies[k] = System.nanoTime() - startedAt[k];
                    outstanding.release();
                    receipts.countDown();
                    return;
                }
                int k = Integer.parseInt(new String(deliverSm.getShortMessage(), StandardCharsets.ISO_8859_1).substring(2));
                mtWorkers.execute(() -> {
                    try {
                        bound.get().submitShortMessage("", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, "20123",
                                TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, recipient(k), new ESMClass(),
                                (byte) 0, (byte) 1, null, null, new RegisteredDelivery(1), (byte) 0, DataCodings.ZERO,
                                (byte) 0, text);
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                });
            });
            bound.set(session);
            java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long cpu0 = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
            long start = System.nanoTime();
            for (int k = 0; k < commands; k++) {
                outstanding.acquire();
                startedAt[k] = System.nanoTime();
                smsc.injectMo("+4477001" + String.format("%05d", k % 1000), "20123", "1 " + k);
            }
            boolean all = receipts.await(5, TimeUnit.MINUTES);
            long elapsed = System.nanoTime() - start;
            long cpu = ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime() - cpu0;
            session.unbindAndClose();
            mtWorkers.shutdownNow();
            if (print) {
                report("SMPP exchanges of a command alone (MO deliver_sm→resp, MT submit_sm→resp, receipt deliver_sm→resp; "
                        + "no Kafka, no database), " + inFlight + " outstanding, MO→receipt", commands, elapsed, latencies,
                        errors.get() + receipts.getCount());
                System.out.printf("  CPU of the JVM (ESME and SMS-C): %.3f ms per command, %.2f cores busy%s%n", cpu / 1e6 / commands,
                        cpu / (double) elapsed, all ? "" : " (NOT every receipt came back)");
            }
        }
    }

    /** A BIND_TRX session of an ESME to {@code smsc}, with {@code onDeliverSm} answering MOs and receipts. */
    private static SMPPSession bind(SmscSimulator smsc, Consumer<DeliverSm> onDeliverSm) throws java.io.IOException {
        SMPPSession session = new SMPPSession();
        session.setTransactionTimer(10_000);
        session.setPduProcessorDegree(16);
        session.setQueueCapacity(10_000);
        session.setMessageReceiverListener(new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm deliverSm) {
                onDeliverSm.accept(deliverSm);
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification alertNotification) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) {
                return null;
            }
        });
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, "bench", "pw", "",
                TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 5_000);
        return session;
    }

    private static String recipient(int command) {
        return "+4477002" + String.format("%05d", command);
    }

    private static int commandOf(String receiptSource) {
        String digits = receiptSource.startsWith("+") ? receiptSource.substring(1) : receiptSource;
        return Integer.parseInt(digits.substring(digits.length() - 5));
    }

    /** {@code rate} 0: all MTs at once (throughput); else paced at {@code rate} MT/s (latency below saturation). */
    private static void gateway(int messages, int threads, int rate, boolean print,
                                org.springframework.jdbc.core.JdbcTemplate jdbc) throws Exception {
        try (SmscSimulator smsc = SmscSimulator.start(0)) {
            long[] acceptedAt = new long[messages];
            long[] latencies = new long[messages];
            CountDownLatch outcomes = new CountDownLatch(messages);
            ConcurrentHashMap<String, Integer> index = new ConcurrentHashMap<>();
            SmppProperties.Smsc link = SmppProperties.Smsc.of("sim", "127.0.0.1", smsc.port(), "bench", "pw")
                    .withLimits(1_000_000, threads);
            SmppProperties.Mt mt = new SmppProperties.Mt(10, Duration.ofMillis(100), Duration.ofSeconds(2), 10_000, "bench", 1, Duration.ofMillis(100), 1_000, Duration.ofMillis(5), false, Duration.ofDays(14));
            try (SmppGateway gw = new SmppGateway(java.util.List.of(link), mt, SmppProperties.Mo.defaults(),
                    jdbc == null ? new InMemoryMtLedger() : new io.mobim.smpp.mt.JdbcMtLedger(jdbc),
                    mo -> CompletableFuture.completedFuture(null), dlr -> {
                        int i = index.get(dlr.requestId());
                        latencies[i] = System.nanoTime() - acceptedAt[i];
                        outcomes.countDown();
                        return CompletableFuture.completedFuture(null);
                    }, new SimpleMeterRegistry(), Clock.systemUTC()).start()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!gw.links().canTransmit() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                Instant expiry = Instant.now().plus(Duration.ofMinutes(10));
                long start = System.nanoTime();
                for (int i = 0; i < messages; i++) {
                    if (rate > 0) {
                        long due = start + (long) (i * (1e9 / rate));
                        while (System.nanoTime() < due) {
                            java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                        }
                    }
                    String id = "bench-" + print + "-" + rate + "-" + i;
                    index.put(id, i);
                    acceptedAt[i] = System.nanoTime();
                    gw.accept(SmsMt.of(id, "20123", "+4477009" + String.format("%05d", i % 1000), "Alice: Hello there",
                            expiry, false, null));
                }
                outcomes.await(5, TimeUnit.MINUTES);
                long elapsed = System.nanoTime() - start;
                if (print) {
                    report("gateway core accept→ACCEPTED (ledger " + (jdbc == null ? "in memory" : "in embedded PostgreSQL")
                            + ", no Kafka), window " + threads
                            + (rate > 0 ? ", offered " + rate + " MT/s" : ", all offered at once"), messages,
                            elapsed, latencies, messages - smsc.submitCount());
                }
            }
        }
    }

    private static void report(String what, int messages, long elapsedNanos, long[] latencies, long errors) {
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        double seconds = elapsedNanos / 1e9;
        System.out.printf("%s: %d messages in %.2f s = %.0f msg/s; latency p50 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms; errors %d%n",
                what, messages, seconds, messages / seconds, pct(sorted, 0.50), pct(sorted, 0.99), pct(sorted, 0.999),
                sorted[sorted.length - 1] / 1e6, errors);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
