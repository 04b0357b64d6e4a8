package io.mobim.bench.im;

import io.mobim.bench.PostgresProcesses;
import io.mobim.bench.RunCost;
import io.mobim.events.sms.SmsDlr;
import io.mobim.platform.MobimApplication;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.ClientDeliveries;
import io.mobim.platform.messaging.ClientDelivery;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.Origin;
import io.mobim.platform.messaging.GroupCommit;
import io.mobim.platform.messaging.SendRequest;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.messaging.SmsOutcomes;
import io.mobim.platform.messaging.Target;
import io.mobim.platform.presence.Availability;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.presence.PresenceView;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver of the IM core through its domain API ({@link Subscribers}, {@link Contacts}, {@link PresenceService},
 * {@link MessageSender}, {@link ClientDeliveries}), with the real application started in-process: embedded PostgreSQL and Kafka (a temporary
 * directory, deleted at exit), role {@code im}, the outbox relay publishing to Kafka as in production.
 *
 * <ul>
 *   <li>{@code messages}: {@code subscribers} subscribers with live client sessions; {@code threads} threads send
 *       {@code messages} one-to-one messages (random sender, random other recipient; after {@code warmup} unmeasured
 *       ones): accepted/s and per-send latency. Then {@code threads} threads fetch ({@code fetch(session, 50)}) and
 *       acknowledge every delivery: delivered/s.</li>
 *   <li>{@code mixed}: the same subscribers send {@code messages} messages while their clients poll at the same time
 *       ({@code fetch(session, 50)}, one acknowledge per fetch, a pause of {@code pollPause} ms after a round of
 *       their sessions that found nothing), as a live platform runs: messages/s from the first send to the last
 *       acknowledgement, and the cost of a message's whole cycle. Needs the grouped mode.</li>
 *   <li>{@code sms}: the same senders write {@code smsMessages} messages to {@code smsRecipients} subscribers with no
 *       live session: each becomes an SMS MT in the outbox. accepted/s, latency, the time the relay needs to empty
 *       the outbox, and the rate at which DELIVERED receipts ({@link SmsOutcomes#onSmsOutcome}) close the deliveries.</li>
 *   <li>{@code presence}: one presentity with {@code watchers} accepted watchers, each with a live session:
 *       {@code updates} timed {@link PresenceService#update} calls (each returns after its commit, from which on every
 *       watcher's next poll returns it); then the watchers' side: rounds of one update and one poll
 *       ({@code changesFor}) per watcher, each of which must return exactly the latest state, and polls with nothing new.</li>
 * </ul>
 * At the end the deliveries are counted by status: every message sent must be DELIVERED exactly once.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.im.ImCoreBench [key=value ...]} (or
 * {@code -Dim.key=value}); keys and defaults: {@code phases=messages,sms,presence subscribers=2000 threads=8
 * messages=50000 warmup=5000 smsRecipients=500 smsMessages=10000 watchers=1000 updates=200 sqlProfile=false}.
 * {@code sqlProfile=true} counts and times every JDBC round trip per phase (costs a little; headline figures are
 * measured without it). {@code pgStatements=true} loads {@code pg_stat_statements} into the embedded PostgreSQL and
 * prints each phase's statements by the time PostgreSQL spent on them, per message. {@code mixedWarmup=N} runs N
 * messages of the mixed phase first, not counted; after each warm-up the {@code im} tables are analyzed.
 * {@code rate=N} paces the mixed phase's senders to N messages/s in all and reports whether deliveries kept pace;
 * {@code progress=S} prints, every S seconds of it, the rates sent and delivered and the messages waiting for a poll.
 * {@code set.<setting>=<value>} passes any application setting (e.g. {@code set.mobim.messaging.group-commit.committers=1}).
 */
public final class ImCoreBench {

    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();
    /** An argument {@code set.<name>=<value>} passes an application setting, e.g. {@code set.mobim.messaging.sweep-interval=10s}. */
    private static final String SETTING_PREFIX = "set.";

    static {
        DEFAULTS.put("phases", "messages,sms,presence");
        DEFAULTS.put("subscribers", "2000");
        DEFAULTS.put("threads", "8");
        DEFAULTS.put("messages", "50000");
        DEFAULTS.put("warmup", "5000");
        DEFAULTS.put("smsRecipients", "500");
        DEFAULTS.put("smsMessages", "10000");
        DEFAULTS.put("watchers", "1000");
        DEFAULTS.put("updates", "200");
        DEFAULTS.put("sqlProfile", "false");
        // true: the embedded PostgreSQL loads pg_stat_statements and each phase prints its statements' cost per message
        DEFAULTS.put("pgStatements", "false");
        DEFAULTS.put("ack", "each"); // each: acknowledge(session, id) per message; batch: acknowledge(session, ids) per fetch
        DEFAULTS.put("pool", ""); // spring.datasource.hikari.maximum-pool-size; empty: the application's default
        // direct: MessageSender.send, one transaction per send; grouped: GroupCommit.send, concurrent sends committed together
        DEFAULTS.put("send", "grouped");
        // false: an ephemeral PostgreSQL without fsync (zonky's default); true: a durable one (fsync, synchronous_commit,
        // full_page_writes on, as in production and the all-in-one's ./data) in a temporary directory deleted at the end
        DEFAULTS.put("durable", "false");
        DEFAULTS.put("pollPause", "20"); // mixed phase: ms a client waits after a round of its sessions found nothing
        // mixed phase: 0 polls round after round (pollPause after an empty one); > 0: each session polls once per this
        // many ms, as a Wireless Village client polls at the interval the server gives it, and again at once after a
        // full fetch (50)
        DEFAULTS.put("pollInterval", "0");
        DEFAULTS.put("progress", "0"); // mixed phase: a line of rates and waiting messages every this many seconds (0: none)
        DEFAULTS.put("mixedWarmup", "0"); // mixed phase: messages sent and delivered the same way first, not counted
        // mixed phase: 0 sends as fast as the senders can; > 0 paces the senders to this many messages/s in all, to
        // see whether deliveries keep up with a sustained rate (polling clients answer a burst only at their next poll)
        DEFAULTS.put("rate", "0");
        DEFAULTS.put("senders", "256"); // concurrent callers of GroupCommit.send in the grouped mode (virtual threads)
        DEFAULTS.put("clients", "256"); // in the grouped mode, sessions fetching and acknowledging at once (virtual threads)
    }

    private final Map<String, String> params;
    private final int threads;
    private ConfigurableApplicationContext ctx;
    private Subscribers subscribers;
    private Contacts contacts;
    private PresenceService presence;
    private ClientSessions clientSessions;
    private MessageSender sender;
    private ClientDeliveries clientDeliveries;
    private SmsOutcomes smsOutcomes;
    private GroupCommit groupCommit;
    private JdbcClient jdbc;
    private SqlProfile sqlProfile;
    private long postmasterPid;

    /** Every message id sent to a client recipient, and every one sent as SMS: checked at the end. */
    private final ConcurrentLinkedQueue<UUID> clientMessages = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<UUID> smsMessages = new ConcurrentLinkedQueue<>();
    private final AtomicLong acknowledged = new AtomicLong();
    /** Messages accepted so far by {@link #send}, for the progress lines of the mixed phase. */
    private final AtomicLong accepted = new AtomicLong();
    /** Messages/s the senders are paced to (the mixed phase's {@code rate}); 0: as fast as they can. */
    private volatile int pacedRate;
    private final AtomicLong receiptsApplied = new AtomicLong();

    private ImCoreBench(Map<String, String> params) {
        this.params = params;
        this.threads = intParam("threads");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> params = new HashMap<>(DEFAULTS);
        DEFAULTS.keySet().forEach(k -> {
            String v = System.getProperty("im." + k);
            if (v != null) {
                params.put(k, v);
            }
        });
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0 || !DEFAULTS.containsKey(a.substring(0, eq)) && !a.startsWith(SETTING_PREFIX)) {
                System.err.println("unknown argument '" + a + "'; keys: " + DEFAULTS.keySet() + ", or " + SETTING_PREFIX
                        + "<application setting>");
                System.exit(2);
            }
            params.put(a.substring(0, eq), a.substring(eq + 1));
        }
        new ImCoreBench(params).run();
        System.exit(0);
    }

    private void run() throws Exception {
        System.out.println("IM core benchmark, " + Instant.now());
        System.out.println(machine());
        System.out.println("load average at start: " + loadAverage()
                + " (the machine is shared with other work: figures are noisy, compare runs with care)");
        System.out.println("parameters: " + new java.util.TreeMap<>(params));
        long t0 = System.nanoTime();
        start();
        System.out.printf(Locale.ROOT, "application started in %.1f s (embedded PostgreSQL and Kafka, role im)%n", (System.nanoTime() - t0) / 1e9);
        try {
            List<String> phases = Arrays.asList(params.get("phases").split(","));
            List<Msisdn> online = List.of();
            List<UUID> sessions = List.of();
            if (phases.contains("messages") || phases.contains("mixed") || phases.contains("sms")) {
                int n = intParam("subscribers");
                online = register("+4477009", n, true);
                sessions = openSessions(online);
            }
            if (phases.contains("messages")) {
                messages(online, sessions);
            }
            if (phases.contains("mixed")) {
                mixed(online, sessions);
            }
            if (phases.contains("sms")) {
                sms(online);
            }
            if (phases.contains("presence")) {
                presence();
            }
            verify();
            System.out.println("load average at end: " + loadAverage());
        } finally {
            ctx.close();
        }
    }

    /**
     * Brings the planner's statistics of the tables the warm-up filled up to date, as autovacuum keeps them on a
     * platform that has run for a while. The bench starts from empty tables: statements prepared in its first
     * seconds keep plans made for tables of a few rows (a scan of every waiting delivery per acknowledgement batch)
     * until autovacuum, which wakes once a minute, analyzes them; the measured phase is the running platform's.
     */
    private void refreshStatistics() {
        long t0 = System.nanoTime();
        jdbc.sql("analyze im.message, im.delivery, im.client_session, im.subscriber, im.outbox_transaction").update();
        System.out.printf(Locale.ROOT, "statistics of the im tables refreshed (analyze) in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    // --- the application ---

    private void start() {
        Map<String, Object> props = new LinkedHashMap<>();
        if (Boolean.parseBoolean(params.get("durable"))) {
            try {
                java.nio.file.Path root = java.nio.file.Files.createTempDirectory("mobim-bench-durable");
                props.put("mobim.embedded.ephemeral", "false");
                props.put("mobim.embedded.data-dir", root.toString());
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        io.mobim.embedded.FileTrees.delete(root);
                    } catch (java.io.IOException e) {
                        System.err.println("could not delete " + root + ": " + e);
                    }
                }));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } else {
            props.put("mobim.embedded.ephemeral", "true");
        }
        props.put("mobim.roles", "im");
        props.put("server.port", "0");
        props.put("mobim.admin.password", "bench");
        props.put("mobim.messaging.send-limit", "1000000");
        props.put("spring.main.banner-mode", "off");
        props.put("logging.level.root", "WARN");
        props.put("logging.level.io.mobim", "WARN");
        props.put("logging.level.kafka", "ERROR");
        props.put("logging.level.org.apache.kafka", "ERROR");
        props.put("logging.level.org.apache.zookeeper", "ERROR");
        props.put("logging.level.io.zonky", "WARN");
        if (Boolean.parseBoolean(params.get("pgStatements"))) {
            props.put("mobim.embedded.postgres-settings.shared_preload_libraries", "pg_stat_statements");
            props.put("mobim.embedded.postgres-settings[pg_stat_statements.track_planning]", "on");
        }
        if (!params.get("pool").isBlank()) {
            props.put("spring.datasource.hikari.maximum-pool-size", params.get("pool"));
        }
        // any application setting, e.g. set.mobim.messaging.group-commit.committers=1
        params.forEach((k, v) -> {
            if (k.startsWith(SETTING_PREFIX)) {
                props.put(k.substring(SETTING_PREFIX.length()), v);
            }
        });
        // SpringApplicationBuilder.properties(...) sets *default* properties, which the jar's application.properties
        // overrides (it sets mobim.roles to all four roles): the same settings also go in as command-line arguments,
        // which take precedence over it.
        String[] args = props.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        SpringApplicationBuilder b = new SpringApplicationBuilder(MobimApplication.class).properties(props);
        if (Boolean.parseBoolean(params.get("sqlProfile"))) {
            sqlProfile = new SqlProfile();
            b.initializers(c -> c.getBeanFactory().addBeanPostProcessor(sqlProfile));
        }
        ctx = b.run(args);
        subscribers = ctx.getBean(Subscribers.class);
        contacts = ctx.getBean(Contacts.class);
        presence = ctx.getBean(PresenceService.class);
        clientSessions = ctx.getBean(ClientSessions.class);
        sender = ctx.getBean(MessageSender.class);
        clientDeliveries = ctx.getBean(ClientDeliveries.class);
        smsOutcomes = ctx.getBean(SmsOutcomes.class);
        groupCommit = ctx.getBean(GroupCommit.class);
        jdbc = ctx.getBean(JdbcClient.class);
        postmasterPid = findPostmaster();
        System.out.println("embedded PostgreSQL postmaster pid: " + postmasterPid + " ("
                + jdbc.sql("select version()").query(String.class).single() + "; fsync "
                + jdbc.sql("show fsync").query(String.class).single() + ", synchronous_commit "
                + jdbc.sql("show synchronous_commit").query(String.class).single() + ")");
    }

    // --- messages to live client sessions ---

    private void messages(List<Msisdn> online, List<UUID> sessions) throws Exception {
        int warmup = intParam("warmup");
        int n = intParam("messages");
        System.out.println();
        System.out.println("== messages: " + online.size() + " subscribers with live client sessions, "
                + ("grouped".equals(params.get("send")) ? params.get("senders") + " concurrent GroupCommit.send callers" : threads + " threads calling MessageSender.send")
                + "; deliveries: " + threads + " threads ==");
        if (warmup > 0) {
            send(online, online, warmup, clientMessages, SendResult.Route.CLIENT);
            deliver(sessions);
            System.out.println("warm-up: " + warmup + " messages sent, fetched and acknowledged");
            refreshStatistics();
        }
        profileReset();
        Cpu cpu = new Cpu();
        RunCost cost = new RunCost(jdbc, postmasterPid, "message");
        Latencies sent = send(online, online, n, clientMessages, SendResult.Route.CLIENT);
        System.out.println(sent.line("send (accepted)", n));
        System.out.println(cpu.line(n, "message"));
        System.out.print(cost.report(n, sent.elapsedNanos / 1e9));
        if ("grouped".equals(params.get("send"))) {
            io.micrometer.core.instrument.DistributionSummary batches =
                    ctx.getBean(io.micrometer.core.instrument.MeterRegistry.class).summary("mobim.messaging.group-commit.batch", "operation", "send");
            System.out.printf(Locale.ROOT, "  group commit since start: %d batches, %.1f sends per batch on average, largest %.0f%n",
                    batches.count(), batches.mean(), batches.max());
        }
        System.out.println("  load average: " + loadAverage() + ", outbox backlog after the phase: " + outboxBacklog());
        profileReport(n, "message");

        profileReset();
        long before = acknowledged.get();
        Cpu dcpu = new Cpu();
        RunCost dcost = new RunCost(jdbc, postmasterPid, "delivery");
        long t0 = System.nanoTime();
        deliver(sessions);
        double secs = (System.nanoTime() - t0) / 1e9;
        long delivered = acknowledged.get() - before;
        boolean grouped = "grouped".equals(params.get("send"));
        System.out.printf(Locale.ROOT, "fetch + acknowledge: %d delivered in %.2f s = %.0f delivered/s (fetch(session, 50), then %s; %s)%n",
                delivered, secs, delivered / secs, grouped || "batch".equals(params.get("ack")) ? "one acknowledge of all 50" : "acknowledge each",
                grouped ? params.get("clients") + " clients through GroupCommit" : threads + " threads calling ClientDeliveries");
        System.out.println(dcpu.line(delivered, "delivery"));
        System.out.print(dcost.report(delivered, secs));
        System.out.println("  load average: " + loadAverage() + ", outbox backlog after the phase: " + outboxBacklog());
        profileReport(delivered, "delivery");
    }

    /** Senders and polling clients at once: a message counts when its recipient's client has acknowledged it. */
    private void mixed(List<Msisdn> online, List<UUID> sessions) throws Exception {
        if (!"grouped".equals(params.get("send"))) {
            throw new IllegalArgumentException("the mixed phase drives GroupCommit: send=grouped");
        }
        int n = intParam("messages");
        int clients = intParam("clients");
        long pause = intParam("pollPause");
        long interval = intParam("pollInterval");
        System.out.println();
        System.out.println("== mixed: " + n + " messages sent by " + params.get("senders") + " GroupCommit callers while "
                + clients + " clients poll " + sessions.size() + " sessions ("
                + (interval > 0 ? "each session every " + interval + " ms, again at once after a full fetch"
                                : "round after round, a pause of " + pause + " ms after an empty round") + ") ==");
        int warmup = intParam("mixedWarmup");
        if (warmup > 0) {
            // the mixed paths (fetches and acknowledgements between sends) compile anew: a round not counted first
            long t0 = System.nanoTime();
            mixedRound(online, sessions, warmup);
            System.out.printf(Locale.ROOT, "warm-up: %d messages sent and delivered in %.1f s, not counted%n", warmup, (System.nanoTime() - t0) / 1e9);
            refreshStatistics();
        }
        profileReset();
        Cpu cpu = new Cpu();
        RunCost cost = new RunCost(jdbc, postmasterPid, "message");
        int rate = intParam("rate");
        pacedRate = rate;
        long t0 = System.nanoTime();
        long base = acknowledged.get();
        // deliveries counted once a polling interval has passed (before it, a message may wait up to a whole
        // interval for its recipient's poll) until the last send: in a steady state they keep pace with the sends
        long settled = t0 + Math.max(interval, 1000) * 1_000_000L;
        long[] atSettled = {-1, 0};
        Thread sampler = Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(Math.max(0, (settled - System.nanoTime()) / 1_000_000L));
                atSettled[0] = acknowledged.get();
                atSettled[1] = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread progress = progressLines(t0, accepted.get(), base, intParam("progress"));
        MixedRound round = mixedRound(online, sessions, n);
        pacedRate = 0;
        sampler.interrupt();
        progress.interrupt();
        progress.join();
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.println(round.sent().line("send (accepted), while clients poll" + (rate > 0 ? ", paced to " + rate + "/s" : ""), n));
        System.out.printf(Locale.ROOT, "sent and delivered: %d messages in %.2f s = %.0f messages/s, first send to last acknowledgement"
                + " (%d polls, %d of them empty)%n", n, secs, n / secs, round.polls(), round.emptyPolls());
        double sendSecs = round.sent().elapsedNanos / 1e9;
        long deliveredBySendEnd = round.acknowledgedAtSendEnd() - base;
        if (atSettled[0] >= 0 && round.sendEndNanos() > atSettled[1]) {
            double window = (round.sendEndNanos() - atSettled[1]) / 1e9;
            System.out.printf(Locale.ROOT, "  while sending: %.0f sent/s; delivered %.0f/s from %.0f s after the first send to the last send"
                            + " (%.1f s); %d of %d waiting for a poll when the last was sent, all delivered %.1f s later%n",
                    n / sendSecs, (round.acknowledgedAtSendEnd() - atSettled[0]) / window, Math.max(interval, 1000) / 1e3, window,
                    n - deliveredBySendEnd, n, secs - sendSecs);
        }
        System.out.println(cpu.line(n, "message"));
        System.out.print(cost.report(n, secs));
        System.out.println("  load average: " + loadAverage() + ", outbox backlog after the phase: " + outboxBacklog());
        profileReport(n, "message");
    }

    /**
     * Every {@code seconds}, a line of what was sent and delivered in that interval, how many were waiting for a poll
     * at its end, and the cores we used: whether the deliveries keep pace (the waiting stay bounded) or fall behind.
     */
    private Thread progressLines(long t0, long sentBase, long deliveredBase, int seconds) {
        return Thread.ofPlatform().name("bench-progress").daemon().start(() -> {
            if (seconds <= 0) {
                return;
            }
            long sent = 0;
            long delivered = 0;
            long cpu = jvmNanos() + pgNanos();
            long at = t0;
            try {
                while (true) {
                    Thread.sleep(seconds * 1000L);
                    long now = System.nanoTime();
                    long s = accepted.get() - sentBase;
                    long d = acknowledged.get() - deliveredBase;
                    long c = jvmNanos() + pgNanos();
                    double secs = (now - at) / 1e9;
                    System.out.printf(Locale.ROOT, "  %5.0f s: sent %6.0f/s, delivered %6.0f/s, %6d waiting for a poll, %.2f cores busy for us%n",
                            (now - t0) / 1e9, (s - sent) / secs, (d - delivered) / secs, s - d, (c - cpu) / 1e9 / secs);
                    sent = s;
                    delivered = d;
                    cpu = c;
                    at = now;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private record MixedRound(Latencies sent, long polls, long emptyPolls, long acknowledgedAtSendEnd, long sendEndNanos) {
    }

    /** {@code n} messages sent while the clients poll; returns once the last one is acknowledged. */
    private MixedRound mixedRound(List<Msisdn> online, List<UUID> sessions, int n) throws Exception {
        int clients = intParam("clients");
        long pause = intParam("pollPause");
        long interval = intParam("pollInterval");
        long target = acknowledged.get() + n;
        AtomicLong polls = new AtomicLong();
        AtomicLong emptyPolls = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<Exception> clientFailure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread receivers = Thread.ofPlatform().name("mixed-clients").daemon().start(() -> {
            try {
                parallel(clients, true, t -> () -> {
                    if (interval > 0) {
                        // each session polls once per interval (a client spread over the interval from the start);
                        // a fetch that came back full is followed by another at once, as a client told "more" would
                        long next = System.nanoTime() + ThreadLocalRandom.current().nextLong(interval * 1_000_000L);
                        while (acknowledged.get() < target) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
                            }
                            next = Math.max(next + interval * 1_000_000L, System.nanoTime());
                            for (int i = t; i < sessions.size(); i += clients) {
                                UUID session = sessions.get(i);
                                int got;
                                do {
                                    got = pollOnce(session, polls, emptyPolls);
                                } while (got == 50);
                            }
                        }
                        return null;
                    }
                    while (acknowledged.get() < target) {
                        boolean found = false;
                        for (int i = t; i < sessions.size(); i += clients) {
                            found |= pollOnce(sessions.get(i), polls, emptyPolls) > 0;
                        }
                        if (!found) {
                            Thread.sleep(pause);
                        }
                    }
                    return null;
                });
            } catch (Exception e) {
                clientFailure.set(e);
            }
        });
        Latencies sent = send(online, online, n, clientMessages, SendResult.Route.CLIENT);
        long sendEnd = System.nanoTime();
        long acknowledgedAtSendEnd = acknowledged.get();
        receivers.join();
        if (clientFailure.get() != null) {
            throw new IllegalStateException("a polling client failed", clientFailure.get());
        }
        return new MixedRound(sent, polls.get(), emptyPolls.get(), acknowledgedAtSendEnd, sendEnd);
    }

    /** One poll of a session in the mixed phase: fetch up to 50, acknowledge what came with one call; returns how many. */
    private int pollOnce(UUID session, AtomicLong polls, AtomicLong emptyPolls) {
        List<ClientDelivery> batch = groupCommit.fetch(session, 50);
        polls.incrementAndGet();
        if (batch.isEmpty()) {
            emptyPolls.incrementAndGet();
            return 0;
        }
        List<UUID> ids = batch.stream().map(ClientDelivery::messageId).toList();
        List<UUID> confirmed = groupCommit.acknowledge(session, ids);
        if (confirmed.size() != ids.size()) {
            List<UUID> refused = ids.stream().filter(id -> !confirmed.contains(id)).toList();
            List<String> rows = jdbc.sql("""
                    select d.message_id || ' ' || d.recipient || ' ' || d.status || ' ' || coalesce(d.channel, '-') || ' claimed '
                           || coalesce(d.claimed_at::text, '-') || ' by ' || coalesce(d.session_id::text, '-')
                    from im.delivery d where d.message_id = any(?)""").param(refused.toArray(UUID[]::new)).query(String.class).list();
            throw new IllegalStateException("session " + session + ": acknowledge refused for " + refused.size() + " of "
                    + ids.size() + " fetched messages; their deliveries now: " + rows);
        }
        acknowledged.addAndGet(ids.size());
        return ids.size();
    }

    /** {@code n} messages from random senders to random other recipients, {@code threads} at a time; returns per-send latencies. */
    private Latencies send(List<Msisdn> senders, List<Msisdn> recipients, int n, ConcurrentLinkedQueue<UUID> ids,
                           SendResult.Route expected) throws Exception {
        Latencies lat = new Latencies(n);
        AtomicLong next = new AtomicLong();
        boolean grouped = "grouped".equals(params.get("send"));
        long t0 = System.nanoTime();
        // paced: one thread hands out the messages' slots as they fall due (every millisecond, the ones due by then),
        // rather than each sender sleeping until its own: a timed sleep per message cost the driver 0.007 ms
        Semaphore due = pacedRate > 0 ? new Semaphore(0) : null;
        Thread pacer = due == null ? null : Thread.ofPlatform().name("bench-pacer").daemon().start(() -> {
            long released = 0;
            while (released < n) {
                long dueNow = Math.min(n, (long) ((System.nanoTime() - t0) / 1e9 * pacedRate) + 1);
                if (dueNow > released) {
                    due.release((int) (dueNow - released));
                    released = dueNow;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L);
            }
        });
        parallel(grouped ? intParam("senders") : threads, grouped, t -> () -> {
            ThreadLocalRandom rnd = ThreadLocalRandom.current();
            long i;
            while ((i = next.getAndIncrement()) < n) {
                if (due != null) {
                    due.acquire(); // message i's slot of the paced rate (not sooner; later if behind)
                }
                Msisdn from = senders.get(rnd.nextInt(senders.size()));
                Msisdn to;
                do {
                    to = recipients.get(rnd.nextInt(recipients.size()));
                } while (to.equals(from));
                long s = System.nanoTime();
                String body = "Hello there, message " + i;
                SendResult r = grouped
                        ? groupCommit.send(new SendRequest(from, Target.subscriber(to), body, Origin.client(), null, false))
                        : sender.send(from, Target.subscriber(to), body, Origin.client(), null, false);
                lat.record((int) i, System.nanoTime() - s);
                if (r.recipients().size() != 1 || r.recipients().getFirst().route() != expected) {
                    throw new IllegalStateException("unexpected outcome " + r.recipients());
                }
                ids.add(r.messageId());
                accepted.incrementAndGet();
            }
            return null;
        });
        lat.elapsedNanos = System.nanoTime() - t0;
        if (pacer != null) {
            pacer.join();
        }
        return lat;
    }

    /** Every session fetches (50 at a time) and acknowledges until nothing is left for it. Sessions are split among the threads. */
    private void deliver(List<UUID> sessions) throws Exception {
        boolean grouped = "grouped".equals(params.get("send"));
        boolean batchAck = grouped || "batch".equals(params.get("ack"));
        int clients = grouped ? intParam("clients") : threads;
        parallel(clients, grouped, t -> () -> {
            for (int s = t; s < sessions.size(); s += clients) {
                UUID session = sessions.get(s);
                while (true) {
                    List<ClientDelivery> batch = grouped ? groupCommit.fetch(session, 50) : clientDeliveries.fetch(session, 50);
                    if (batch.isEmpty()) {
                        break;
                    }
                    if (batchAck) {
                        List<UUID> ids = batch.stream().map(ClientDelivery::messageId).toList();
                        List<UUID> confirmed = grouped ? groupCommit.acknowledge(session, ids) : clientDeliveries.acknowledge(session, ids);
                        if (confirmed.size() != batch.size()) {
                            throw new IllegalStateException("acknowledge refused for fetched messages");
                        }
                        acknowledged.addAndGet(confirmed.size());
                        continue;
                    }
                    for (ClientDelivery d : batch) {
                        if (!clientDeliveries.acknowledge(session, d.messageId())) {
                            throw new IllegalStateException("acknowledge refused for a fetched message");
                        }
                        acknowledged.incrementAndGet();
                    }
                }
            }
            return null;
        });
    }

    // --- messages to subscribers with no live session: SMS fallback through the outbox ---

    private void sms(List<Msisdn> senders) throws Exception {
        int n = intParam("smsMessages");
        List<Msisdn> offline = register("+4477006", intParam("smsRecipients"), true);
        System.out.println();
        System.out.println("== SMS fallback: " + offline.size() + " recipients without a client session, " + threads + " threads ==");
        send(senders, offline, Math.min(2_000, n / 5), smsMessages, SendResult.Route.SMS); // warm-up
        awaitOutboxEmpty(120);
        profileReset();
        Cpu cpu = new Cpu();
        Latencies sent = send(senders, offline, n, smsMessages, SendResult.Route.SMS);
        System.out.println(sent.line("send (accepted, routed to SMS)", n));
        System.out.println(cpu.line(n, "message"));
        long backlog = outboxBacklog();
        long t0 = System.nanoTime();
        boolean drained = awaitOutboxEmpty(300);
        System.out.printf(Locale.ROOT, "  outbox backlog at the end of the phase: %d records (an SMS MT and a charging event per message); relay emptied it %s %.1f s later%n",
                backlog, drained ? "" : "NOT (timed out)", (System.nanoTime() - t0) / 1e9);
        System.out.println("  load average: " + loadAverage());
        profileReport(n, "message");

        // the SMS gateway's DELIVERED receipts, applied as the sms.dlr.v1 listener does
        List<Object[]> open = jdbc.sql("select d.id, d.recipient from im.delivery d where d.channel = 'SMS' and d.status = 'IN_FLIGHT'")
                .query((rs, i) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2)}).list();
        profileReset();
        Cpu rcpu = new Cpu();
        AtomicLong next = new AtomicLong();
        long r0 = System.nanoTime();
        parallel(t -> () -> {
            int i;
            while ((i = (int) next.getAndIncrement()) < open.size()) {
                Object[] d = open.get(i);
                SmsDlr dlr = SmsDlr.of("dlv-" + d[0], (String) d[1], SmsDlr.Status.DELIVERED, List.of("smsc-" + i), null, Instant.now(), "im.message");
                if (smsOutcomes.onSmsOutcome(dlr)) {
                    receiptsApplied.incrementAndGet();
                }
            }
            return null;
        });
        double secs = (System.nanoTime() - r0) / 1e9;
        System.out.printf(Locale.ROOT, "DELIVERED receipts: %d applied in %.2f s = %.0f/s%n", open.size(), secs, open.size() / secs);
        System.out.println(rcpu.line(open.size(), "receipt"));
        profileReport(open.size(), "receipt");
    }

    // --- presence fan-out ---

    private void presence() throws Exception {
        int w = intParam("watchers");
        int updates = intParam("updates");
        System.out.println();
        System.out.println("== presence fan-out: 1 presentity, " + w + " accepted watchers with live sessions ==");
        Msisdn presentity = register("+4477007", 1, true).getFirst();
        List<Msisdn> watchers = register("+4477008", w, true);
        parallel(t -> () -> {
            for (int i = t; i < watchers.size(); i += threads) {
                contacts.add(watchers.get(i), presentity, null, null);
                if (!contacts.accept(presentity, watchers.get(i))) {
                    throw new IllegalStateException("authorisation not accepted");
                }
            }
            return null;
        });
        List<UUID> sessions = openSessions(watchers);
        pollAll(sessions, threads); // every session's first poll reads its contacts: from here on, polls return changes only
        Availability[] states = {Availability.BUSY, Availability.AWAY, Availability.AVAILABLE};
        for (int i = 0; i < 20; i++) { // warm-up
            presence.update(presentity, states[i % states.length], "warm-up " + i, null);
        }
        pollAll(sessions, threads);

        // the fan-out: presence.update returns after its commit, and from the commit on every watcher's next poll
        // returns the change (checked below); so its latency is the time until all watchers can see it
        profileReset();
        Cpu cpu = new Cpu();
        Latencies lat = new Latencies(updates);
        for (int i = 0; i < updates; i++) {
            long s = System.nanoTime();
            presence.update(presentity, states[i % states.length], "status " + i, "cell " + i);
            lat.record(i, System.nanoTime() - s);
        }
        System.out.println(lat.line("presence.update (fan-out to " + w + " watchers; returns after its commit)", 0));
        System.out.println(cpu.line(updates, "update"));
        profileReport(updates, "update");

        // the watchers' side, so that nobody can say the work was just moved: after each update every watcher polls
        // once and must get exactly the presentity's latest state; then every watcher polls again and must get nothing
        int rounds = Math.max(1, Math.min(5, updates));
        for (int readers : new int[] {1, threads}) {
            profileReset();
            Cpu rcpu = new Cpu();
            Latencies reads = new Latencies(rounds * sessions.size());
            long ok = 0;
            long r0 = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                Availability expected = states[round % states.length];
                String text = "read round " + round + " by " + readers;
                presence.update(presentity, expected, text, null);
                ok += pollAll(sessions, readers, reads, round * sessions.size(), v -> v.size() == 1 && v.getFirst().msisdn().equals(presentity)
                        && v.getFirst().availability() == expected && text.equals(v.getFirst().statusText()));
            }
            reads.elapsedNanos = System.nanoTime() - r0;
            long expectedOk = (long) rounds * sessions.size();
            System.out.printf(Locale.ROOT, "%d rounds of (update, then each of %d watchers polls once; %d thread%s): %.1f ms per round for all %d polls; per poll p50 %.2f ms, p99 %.2f ms; "
                            + "got exactly the latest state: %d/%d%s%n",
                    rounds, sessions.size(), readers, readers == 1 ? "" : "s", reads.elapsedNanos / 1e6 / rounds, sessions.size(), reads.pct(50), reads.pct(99),
                    ok, expectedOk, ok == expectedOk ? " (OK)" : " (FAILED)");
            System.out.println(rcpu.line(expectedOk, "poll with a change"));
            profileReport(expectedOk, "poll");
        }
        profileReset();
        Cpu ecpu = new Cpu();
        Latencies empty = new Latencies(sessions.size());
        long t0 = System.nanoTime();
        long none = pollAll(sessions, threads, empty, 0, List::isEmpty);
        empty.elapsedNanos = System.nanoTime() - t0;
        System.out.printf(Locale.ROOT, "%d polls with nothing new (%d threads): %.1f ms for all; per poll p50 %.2f ms, p99 %.2f ms; empty: %d/%d%s%n",
                sessions.size(), threads, empty.elapsedNanos / 1e6, empty.pct(50), empty.pct(99), none, sessions.size(), none == sessions.size() ? " (OK)" : " (FAILED)");
        System.out.println(ecpu.line(sessions.size(), "empty poll"));
        profileReport(sessions.size(), "poll");
    }

    private void pollAll(List<UUID> sessions, int readers) throws Exception {
        pollAll(sessions, readers, new Latencies(sessions.size()), 0, v -> true);
    }

    /** Every session polls once ({@code changesFor}), {@code readers} at a time; returns how many results passed {@code check}. */
    private long pollAll(List<UUID> sessions, int readers, Latencies lat, int offset,
                         java.util.function.Predicate<List<PresenceView>> check) throws Exception {
        AtomicLong ok = new AtomicLong();
        parallel(readers, t -> () -> {
            for (int i = t; i < sessions.size(); i += readers) {
                long s = System.nanoTime();
                List<PresenceView> seen = presence.changesFor(sessions.get(i));
                lat.record(offset + i, System.nanoTime() - s);
                if (check.test(seen)) {
                    ok.incrementAndGet();
                }
            }
            return null;
        });
        return ok.get();
    }

    // --- the end check ---

    private void verify() {
        System.out.println();
        System.out.println("== check ==");
        Map<String, Long> byStatus = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) from im.delivery group by status").query((rs, i) -> byStatus.put(rs.getString(1), rs.getLong(2))).list();
        System.out.println("im.delivery by status: " + byStatus);
        checkDelivered("client messages", clientMessages, acknowledged.get());
        checkDelivered("SMS messages", smsMessages, receiptsApplied.get());
    }

    private void checkDelivered(String what, ConcurrentLinkedQueue<UUID> ids, long confirmations) {
        if (ids.isEmpty()) {
            return;
        }
        UUID[] all = ids.toArray(UUID[]::new);
        record Counts(long deliveries, long delivered, long messages, long messagesWithOneDelivery) {
        }
        Counts c = jdbc.sql("""
                select count(*), count(*) filter (where d.status = 'DELIVERED'), count(distinct d.message_id),
                       (select count(*) from (select message_id from im.delivery where message_id = any(?) group by message_id having count(*) = 1) x)
                from im.delivery d where d.message_id = any(?)""")
                .params(all, all).query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
        boolean ok = c.deliveries() == all.length && c.delivered() == all.length && c.messages() == all.length
                && c.messagesWithOneDelivery() == all.length && confirmations == all.length;
        System.out.printf(Locale.ROOT, "%s: %d sent, %d delivery rows, %d DELIVERED, %d with exactly one delivery, %d confirmations accepted (acknowledge/receipt returned true): %s%n",
                what, all.length, c.deliveries(), c.delivered(), c.messagesWithOneDelivery(), confirmations, ok ? "OK, every message DELIVERED exactly once" : "FAILED");
    }

    // --- set-up helpers ---

    private List<Msisdn> register(String prefix, int n, boolean smsFallback) throws Exception {
        List<Msisdn> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(Msisdn.of(prefix + String.format(Locale.ROOT, "%05d", i)));
        }
        parallel(t -> () -> {
            for (int i = t; i < n; i += threads) {
                subscribers.register(out.get(i), "u" + prefix.substring(prefix.length() - 1) + i,
                        new SubscriberChanges(null, null, null, "BENCH", null, smsFallback, null));
            }
            return null;
        });
        return out;
    }

    private List<UUID> openSessions(List<Msisdn> who) throws Exception {
        UUID[] ids = new UUID[who.size()];
        parallel(t -> () -> {
            for (int i = t; i < who.size(); i += threads) {
                ids[i] = clientSessions.openSession(who.get(i));
            }
            return null;
        });
        return List.of(ids);
    }

    private long outboxBacklog() {
        return jdbc.sql("select coalesce(sum(cardinality(topics)), 0) from im.outbox_transaction").query(Long.class).single(); // records, a row per transaction
    }

    private boolean awaitOutboxEmpty(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (outboxBacklog() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private void parallel(IntFunction<java.util.concurrent.Callable<Void>> task) throws Exception {
        parallel(threads, task);
    }

    private static void parallel(int n, IntFunction<java.util.concurrent.Callable<Void>> task) throws Exception {
        parallel(n, false, task);
    }

    /** {@code n} tasks at once, on platform threads or (for hundreds of blocked callers) on virtual threads. */
    private static void parallel(int n, boolean virtual, IntFunction<java.util.concurrent.Callable<Void>> task) throws Exception {
        ExecutorService pool = virtual ? Executors.newVirtualThreadPerTaskExecutor() : Executors.newFixedThreadPool(n);
        try {
            // in the order they end: the first task that fails ends the phase (the others are interrupted) instead of
            // leaving the rest waiting for work it would have done
            java.util.concurrent.CompletionService<Void> done = new java.util.concurrent.ExecutorCompletionService<>(pool);
            for (int t = 0; t < n; t++) {
                done.submit(task.apply(t));
            }
            for (int t = 0; t < n; t++) {
                done.take().get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void profileReset() {
        if (Boolean.parseBoolean(params.get("pgStatements"))) {
            jdbc.sql("create extension if not exists pg_stat_statements").update();
            jdbc.sql("select pg_stat_statements_reset()").query(rs -> { });
        }
        if (sqlProfile != null) {
            sqlProfile.reset();
            tableStats = tableStats();
        }
    }

    private void profileReport(long units, String unit) {
        if (Boolean.parseBoolean(params.get("pgStatements")) && units > 0) {
            System.out.println("  pg_stat_statements per " + unit + " (calls, execution ms, planning ms, rows, buffers hit, buffers dirtied,"
                    + " WAL bytes; times are wall time in PostgreSQL, waiting for a core included):");
            jdbc.sql("""
                    select calls, total_exec_time, total_plan_time, rows, shared_blks_hit, shared_blks_dirtied, wal_bytes,
                           left(regexp_replace(query, '\\s+', ' ', 'g'), 110)
                    from pg_stat_statements order by total_exec_time + total_plan_time desc limit 12""").query(rs -> {
                System.out.printf(Locale.ROOT, "    %7.3f %8.4f %8.4f %7.2f %7.2f %6.3f %8.1f  %s%n", rs.getLong(1) / (double) units,
                        rs.getDouble(2) / units, rs.getDouble(3) / units, rs.getLong(4) / (double) units,
                        rs.getLong(5) / (double) units, rs.getLong(6) / (double) units, rs.getDouble(7) / units, rs.getString(8));
            });
        }
        if (sqlProfile != null && units > 0) {
            sqlProfile.report(units, unit).forEach(System.out::println);
            Map<String, long[]> end = tableStats();
            System.out.println("  im tables and indexes per " + unit + " (pg_stat_user_tables/indexes; heap: ins upd hot-upd del; index: scans, entries read)");
            end.forEach((name, v) -> {
                long[] b = tableStats.getOrDefault(name, new long[v.length]);
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-34s", name));
                boolean any = false;
                for (int i = 0; i < v.length; i++) {
                    double d = (v[i] - b[i]) / (double) units;
                    any |= d >= 0.005;
                    line.append(String.format(Locale.ROOT, " %8.2f", d));
                }
                if (any) {
                    System.out.println(line);
                }
            });
        }
    }

    /** Before/after counters of the im schema's tables and indexes, for {@code sqlProfile=true}: where the rows go. */
    private Map<String, long[]> tableStats = Map.of();

    private Map<String, long[]> tableStats() {
        Map<String, long[]> stats = new java.util.TreeMap<>();
        jdbc.sql("select pg_stat_force_next_flush()").query(rs -> { });
        jdbc.sql("select relname, n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del from pg_stat_user_tables where schemaname = 'im'")
                .query(rs -> {
                    stats.put("heap " + rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        jdbc.sql("select indexrelname, idx_scan, idx_tup_read from pg_stat_user_indexes where schemaname = 'im'")
                .query(rs -> {
                    stats.put("index " + rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return stats;
    }

    private int intParam(String key) {
        return Integer.parseInt(params.get(key).trim());
    }

    // --- the machine ---

    static String machine() {
        String cpu = "unknown CPU";
        String mem = "unknown";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse(mem);
        } catch (Exception ignored) {
            // not Linux
        }
        return "machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + cpu + ", " + mem + " RAM, JDK "
                + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + "), max heap "
                + Runtime.getRuntime().maxMemory() / 1024 / 1024 + " MiB, " + System.getProperty("os.name") + " " + System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /**
     * CPU time used by this JVM (the driver, the application and the in-process Kafka broker) and by the embedded
     * PostgreSQL (postmaster and backends), from /proc. Less sensitive to other load on a shared machine than wall
     * time: CPU per operation gives the rate the two cores could sustain if the run had them to itself.
     */
    private final class Cpu {
        private final long jvm0 = jvmNanos();
        private final long pg0 = pgNanos();
        private final long wall0 = System.nanoTime();

        String line(long units, String unit) {
            long jvm = jvmNanos() - jvm0;
            long pg = pgNanos() - pg0;
            if (jvm < 0 || pg < 0 || units <= 0) {
                return "  CPU: not measurable here";
            }
            double perUnit = (jvm + pg) / 1e6 / units;
            double wall = (System.nanoTime() - wall0) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format(Locale.ROOT, "  CPU: %.3f ms per %s (JVM %.3f + PostgreSQL %.3f); %.2f of %d cores busy for us during the phase; "
                            + "CPU-bound ceiling on %d idle cores: ~%.0f %ss/s",
                    perUnit, unit, jvm / 1e6 / units, pg / 1e6 / units, (jvm + pg) / 1e9 / wall, cores, cores, cores * 1000 / perUnit, unit);
        }
    }

    private static long jvmNanos() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private long pgNanos() {
        return PostgresProcesses.cpuNanos(postmasterPid);
    }

    private long findPostmaster() {
        return PostgresProcesses.findPostmaster(ctx.getEnvironment().getProperty("mobim.embedded.data-root"));
    }

    /** Latencies in nanoseconds, one slot per operation. */
    private static final class Latencies {
        private final long[] nanos;
        long elapsedNanos;
        private long[] sorted;

        Latencies(int n) {
            nanos = new long[n];
        }

        void record(int i, long ns) {
            nanos[i] = ns;
        }

        private long[] sorted() {
            if (sorted == null) {
                sorted = nanos.clone();
                Arrays.sort(sorted);
            }
            return sorted;
        }

        double pct(double p) {
            long[] s = sorted();
            int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
            return s[Math.max(0, Math.min(s.length - 1, idx))] / 1e6;
        }

        double max() {
            long[] s = sorted();
            return s[s.length - 1] / 1e6;
        }

        String line(String what, int n) {
            String rate = n > 0 ? String.format(Locale.ROOT, "%d in %.2f s = %.0f/s; ", n, elapsedNanos / 1e9, n / (elapsedNanos / 1e9)) : "";
            return String.format(Locale.ROOT, "%s: %slatency p50 %.2f ms, p99 %.2f ms, max %.2f ms", what, rate, pct(50), pct(99), max());
        }
    }
}
