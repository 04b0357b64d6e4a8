package io.mobim.bench.sms;

import io.mobim.bench.RunCost;

import io.mobim.bench.smpp.SmppSubmitBench;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.contacts.Contacts;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.smpp.simulator.SmscSimulator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMS commands end to end, the way a subscriber's {@code 1 Hello there} travels: the SMS-C simulator sends
 * {@code deliver_sm} → the SMPP gateway acknowledges once Kafka has the MO → the IM core handles the command
 * (message stored, delivery routed to SMS, MT in the outbox) → the outbox relay → Kafka → the gateway's
 * {@code submit_sm} → the recipient's handset in the simulator → the delivery receipt back to the IM core, which
 * marks the delivery DELIVERED. The whole application runs in-process (roles im and smpp, embedded PostgreSQL
 * and Kafka); then, in the same run, the raw jSMPP submit rate over loopback as the ceiling.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.sms.SmsCommandBench [commands] [pairs] [inFlight]
 * [paced/s] [--app.setting=value ...]} (defaults 5000, 500, 200, 0). With a paced rate, a second measured run offers
 * commands at that rate (below saturation its latencies are the path's, not queueing). {@code -Dsms.warmup=N} sets
 * the unmeasured warm-up (default half the commands, at most 3000). Prints: commands/s from the first deliver_sm to the last handset arrival; latency
 * deliver_sm → deliver_sm_resp (MO durable) and deliver_sm → MT on the handset (p50/p99/max); the time until
 * every receipt has marked its delivery DELIVERED; a check that each command produced exactly one MT; and the cost
 * per command ({@link RunCost}: CPU of the JVM by thread group and of PostgreSQL, SQL transactions, broker requests).
 */
public final class SmsCommandBench {

    private static final String MARK = "bench ";

    private SmsCommandBench() {
    }

    public static void main(String[] args) throws Exception {
        int commands = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int pairs = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int inFlight = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int paced = args.length > 3 && !args[3].startsWith("--") ? Integer.parseInt(args[3]) : 0;
        System.out.println(SmppSubmitBench.machine());
        System.out.printf("load average at start: %s%n", loadAverage());

        // command-line arguments, not builder defaults: the jar's application.properties would override those
        List<String> appArgs = new ArrayList<>(List.of(
                "--mobim.embedded.ephemeral=true", "--mobim.roles=im,smpp", "--server.port=0", "--mobim.admin.password=bench",
                "--mobim.smpp.simulator.port=0", "--mobim.messaging.send-limit=1000000",
                "--logging.level.root=WARN", "--logging.level.org.jsmpp=OFF", "--logging.level.io.mobim=WARN"));
        // further --key=value arguments go to the application (to try a setting without rebuilding)
        Arrays.stream(args).filter(a -> a.startsWith("--")).forEach(appArgs::add);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(MobimApplication.class).run(appArgs.toArray(String[]::new));
        try {
            Subscribers subscribers = app.getBean(Subscribers.class);
            Contacts contacts = app.getBean(Contacts.class);
            SmscSimulator smsc = app.getBean(SmscSimulator.class);
            JdbcClient jdbc = app.getBean(JdbcClient.class);

            List<Msisdn> senders = new ArrayList<>();
            for (int i = 0; i < pairs; i++) {
                Msisdn sender = Msisdn.of(String.format("+4477001%05d", i));
                Msisdn recipient = Msisdn.of(String.format("+4477002%05d", i));
                subscribers.register(sender, "s" + i, new SubscriberChanges(null, null, null, "VODAFONE_UK", null, null, null));
                subscribers.register(recipient, "r" + i, new SubscriberChanges(null, null, null, "VODAFONE_UK", null, null, null));
                contacts.add(sender, recipient, null, null); // recipient is contact 1 of sender
                senders.add(sender);
            }

            // long enough for the JIT to settle: C2 compiling the Kafka broker, Hibernate and jSMPP paths otherwise shows as cost
            int warmup = Integer.getInteger("sms.warmup", Math.min(3_000, commands / 2));
            String dataRoot = app.getEnvironment().getProperty("mobim.embedded.data-root");
            run(smsc, senders, warmup, inFlight, 0, null, jdbc);
            run(smsc, senders, commands, inFlight, 0, new RunCost(jdbc, dataRoot), jdbc);
            if (paced > 0) {
                run(smsc, senders, commands, inFlight, paced, new RunCost(jdbc, dataRoot), jdbc);
            }
        } finally {
            app.close();
        }
        System.out.println("-- ceiling in the same run: raw jSMPP over loopback --");
        SmppSubmitBench.main(new String[] {"raw", "20000", "32"});
        System.out.println("-- ceiling in the same run: the SMPP exchanges of a command alone (no Kafka, no database) --");
        SmppSubmitBench.main(new String[] {"commands", "20000", "500"});
    }

    /** One run of {@code commands} commands; prints its figures and its cost when {@code cost} is given (the measured run). */
    private static void run(SmscSimulator smsc, List<Msisdn> senders, int commands, int inFlight, int perSecond, RunCost cost,
                            JdbcClient jdbc)
            throws Exception {
        long runId = System.nanoTime();
        String prefix = MARK + Long.toHexString(runId) + "-";
        long[] sentAt = new long[commands];
        long[] moAckNanos = new long[commands];
        long[] arrivalNanos = new long[commands];
        ConcurrentHashMap<Integer, Integer> arrivals = new ConcurrentHashMap<>();
        CountDownLatch allArrived = new CountDownLatch(commands);
        AtomicLong duplicates = new AtomicLong();
        smsc.onHandsetMessage(m -> {
            int at = m.text().indexOf(prefix);
            if (at < 0) {
                return;
            }
            int k = Integer.parseInt(m.text().substring(at + prefix.length()).trim());
            if (arrivals.merge(k, 1, Integer::sum) == 1) {
                arrivalNanos[k] = System.nanoTime() - sentAt[k];
                allArrived.countDown();
            } else {
                duplicates.incrementAndGet();
            }
        });

        System.out.printf("%s run of %d commands%s starts at %s%n", cost == null ? "warm-up" : "measured", commands,
                perSecond > 0 ? " paced at " + perSecond + "/s" : "", java.time.Instant.now());
        Semaphore window = new Semaphore(inFlight);
        List<CompletableFuture<Void>> acks = new ArrayList<>(commands);
        long start = System.nanoTime();
        for (int k = 0; k < commands; k++) {
            window.acquire();
            if (perSecond > 0) {
                long due = start + k * 1_000_000_000L / perSecond;
                while (System.nanoTime() < due) {
                    java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                }
            }
            Msisdn from = senders.get(k % senders.size());
            int index = k;
            sentAt[k] = System.nanoTime();
            acks.add(smsc.injectMo(from.value(), "20123", "1 " + prefix + k).whenComplete((ok, e) -> {
                moAckNanos[index] = System.nanoTime() - sentAt[index];
                window.release();
            }));
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
        boolean complete = allArrived.await(10, TimeUnit.MINUTES);
        long elapsed = System.nanoTime() - start;

        // every receipt back: each delivery of this run DELIVERED
        long receiptsStart = System.nanoTime();
        long delivered = 0;
        long progressAt = receiptsStart;
        // gives up once no receipt has arrived for 30 s: lost receipts show as a shortfall, not as a hang
        while (System.nanoTime() - progressAt < TimeUnit.SECONDS.toNanos(30)) {
            long now = jdbc.sql("select count(*) from im.delivery d join im.message m on m.id = d.message_id "
                    + "where m.body like ? and d.status = 'DELIVERED'").param(prefix + "%").query(Long.class).single();
            if (now > delivered) {
                delivered = now;
                progressAt = System.nanoTime();
            }
            if (delivered >= commands) {
                break;
            }
            Thread.sleep(50);
        }
        long untilReceipts = System.nanoTime() - start;
        if (cost == null) {
            System.out.printf("warm-up: %d commands, %d deliveries DELIVERED after %.2f s%n", commands, delivered, untilReceipts / 1e9);
            return;
        }
        double seconds = elapsed / 1e9;
        System.out.printf("SMS commands end to end%s: %d commands in %.2f s = %.0f commands/s (in flight at most %d)%s%n",
                perSecond > 0 ? " paced at " + perSecond + "/s" : "", commands, seconds, commands / seconds, inFlight,
                complete ? "" : " INCOMPLETE");
        System.out.printf("  deliver_sm -> deliver_sm_resp (MO durable in Kafka): %s%n", percentiles(moAckNanos));
        System.out.printf("  deliver_sm -> MT on the recipient's handset:         %s%n", percentiles(arrivalNanos));
        System.out.printf("  every receipt back (deliveries DELIVERED %d of %d) after %.2f s%n", delivered, commands, untilReceipts / 1e9);
        System.out.printf("  check: %d commands, %d distinct MTs arrived, %d duplicates%n", commands, arrivals.size(), duplicates.get());
        System.out.print(cost.report(commands, untilReceipts / 1e9));
        System.out.printf("load average at end: %s%n", loadAverage());
    }

    private static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms", pct(sorted, 0.50), pct(sorted, 0.99), sorted[sorted.length - 1] / 1e6);
    }

    private static double pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
