package io.mobim.platform.allinone;

import io.mobim.embedded.DataDirectoryLock;
import io.mobim.embedded.FreePorts;
import io.mobim.embedded.PostgresLeftovers;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * kill -9 of the all-in-one in the middle of an SMS burst, then a restart on the same data, as an operator lives it:
 * an external SMS-C (the simulator, in this JVM, so that it outlives the platform and redelivers what was not
 * acknowledged, as a real one does) sends MOs {@code 1 <text>} from subscribers to their contact, provisioned through
 * the admin API. The platform is killed once a share of the burst is acknowledged, started again on the same
 * {@code ./data}, and the counts are taken at the end: MOs acknowledged, messages handled, MTs on the handsets,
 * deliveries, charging events, node ids. Used by {@code AllInOneKillNineTest} and by the bench's fault-injection run.
 */
public final class KillNineScenario {

    private static final String SHORT_CODE = "20123";
    private static final String ADMIN_PASSWORD = "kill-nine-admin";

    /**
     * @param pairs sender/recipient pairs (each sender has its recipient as contact 1)
     * @param messages MOs in the burst, spread over the senders
     * @param perSecond the SMS-C's sending rate during the burst
     * @param killAfter the burst's MOs acknowledged when the platform is killed
     * @param stageTimeout how long each stage may take at most
     */
    public record Plan(int pairs, int messages, int perSecond, int killAfter, Duration stageTimeout) {
    }

    /**
     * What an operator would count afterwards.
     *
     * @param acknowledgedAtKill MOs the platform had acknowledged to the SMS-C when it was killed
     * @param unacknowledgedAtKill MOs sent to it but not yet acknowledged when it was killed (the SMS-C redelivers them)
     * @param acknowledged MOs acknowledged in the end (of {@link Plan#messages()})
     * @param handled messages the platform stored for the burst (one per MO, more for an MO handled twice)
     * @param received MTs of the burst on the recipients' handsets; {@code distinct} different ones
     * @param delivered deliveries of the burst's messages closed as DELIVERED by the SMS-C's receipt
     * @param chargesByRole rated charging events of the burst's messages, by charged role
     * @param nodeIds the node ids on every rated charging event of the run
     * @param secondOnLiveData what a second platform started on the data of the live one said as it exited
     * @param resentAcrossKill duplicate MTs whose first copy reached the handset before the kill and the next after it
     */
    public record Result(int acknowledgedAtKill, int unacknowledgedAtKill, int acknowledged, int handled, int received,
                         int distinct, long delivered, Map<String, Long> chargesByRole, List<String> nodeIds,
                         Duration firstStart, Duration restart, Duration killToFirstMtAfter, Duration burstToLastMt,
                         String secondOnLiveData, int resentAcrossKill) {

        public int duplicates() {
            return received - distinct;
        }

        public String summary() {
            return "acknowledged at kill " + acknowledgedAtKill + ", unacknowledged at kill " + unacknowledgedAtKill
                    + "; acknowledged " + acknowledged + ", handled " + handled + ", MTs received " + received + " (distinct "
                    + distinct + ", duplicates " + duplicates() + ", resent across the kill " + resentAcrossKill + "), delivered "
                    + delivered + ", charges " + chargesByRole
                    + ", node ids " + nodeIds + "; first start " + secs(firstStart) + ", restart to ready " + secs(restart)
                    + ", kill to first MT after it " + secs(killToFirstMtAfter) + ", burst start to last MT " + secs(burstToLastMt);
        }

        private static String secs(Duration d) {
            return String.format("%.1f s", d.toMillis() / 1000.0);
        }
    }

    private final AllInOneProcess.Launch launch;
    private final Path dataDir;
    private final Path log;
    private final PrintStream out;
    private final HttpClient http = HttpClient.newHttpClient();

    public KillNineScenario(AllInOneProcess.Launch launch, Path dataDir, Path log, PrintStream out) {
        this.launch = launch;
        this.dataDir = dataDir;
        this.log = log;
        this.out = out;
    }

    public Result run(Plan plan) throws Exception {
        int httpPort = FreePorts.pick();
        int postgresPort = FreePorts.pick();
        SmscSimulator.Options options = new SmscSimulator.Options("127.0.0.1", 0, "mobim", "secret", Duration.ofMillis(50),
                plan.stageTimeout().multipliedBy(4), 10);
        try (SmscSimulator smsc = SmscSimulator.start(options)) {
            List<String> args = List.of("--mobim.embedded.data-dir=" + dataDir, "--mobim.embedded.postgres-port=" + postgresPort,
                    "--mobim.smpp.smsc[0].host=127.0.0.1", "--mobim.smpp.smsc[0].port=" + smsc.port(),
                    "--mobim.smpp.smsc[0].system-id=mobim", "--mobim.smpp.smsc[0].password=secret",
                    "--mobim.admin.user=admin", "--mobim.admin.password=" + ADMIN_PASSWORD,
                    // a burst sends far more per subscriber than a person would: the per-sender limit would refuse most
                    "--mobim.messaging.send-limit=1000000",
                    "--logging.level.root=WARN", "--logging.level.io.mobim=INFO");
            String run = Long.toString(System.nanoTime() % 100_000, 36);
            Map<String, Instant> firstSeen = new ConcurrentHashMap<>();
            Map<String, List<Instant>> arrivals = new ConcurrentHashMap<>();
            AtomicInteger burstMts = new AtomicInteger();
            smsc.onHandsetMessage(m -> {
                String token = token(m);
                if (token != null) {
                    Instant now = Instant.now();
                    firstSeen.putIfAbsent(token, now);
                    arrivals.computeIfAbsent(token, t -> java.util.Collections.synchronizedList(new ArrayList<>())).add(now);
                    burstMts.incrementAndGet();
                }
            });

            Duration firstStart;
            Duration restart;
            Instant burstStart;
            Instant killedAt;
            int ackedAtKill;
            int unackedAtKill;
            List<CompletableFuture<Void>> mos = new ArrayList<>();
            AllInOneProcess second;
            String secondOnLiveData;
            try (AllInOneProcess first = AllInOneProcess.start(launch, httpPort, args, log)) {
                firstStart = first.awaitReady(plan.stageTimeout());
                awaitBound(smsc, plan.stageTimeout());
                out.printf("first start ready in %.1f s (pid %d)%n", firstStart.toMillis() / 1000.0, first.pid());
                secondOnLiveData = intrude(args, plan.stageTimeout());
                first.awaitReady(plan.stageTimeout());
                List<String[]> pairs = provision(first, plan.pairs(), run, smsc, plan.stageTimeout());

                AtomicInteger acked = new AtomicInteger();
                AtomicInteger sent = new AtomicInteger();
                burstStart = Instant.now();
                Thread sender = Thread.ofPlatform().name("sms-c-burst").start(() -> {
                    long interval = 1_000_000_000L / plan.perSecond();
                    long next = System.nanoTime();
                    for (int i = 0; i < plan.messages(); i++) {
                        String[] pair = pairs.get(i % pairs.size());
                        CompletableFuture<Void> mo = smsc.injectMo(pair[0], SHORT_CODE, "1 " + token(run, i));
                        mo.thenRun(acked::incrementAndGet);
                        synchronized (mos) {
                            mos.add(mo);
                        }
                        sent.incrementAndGet();
                        next += interval;
                        long pause = next - System.nanoTime();
                        if (pause > 0) {
                            try {
                                Thread.sleep(Duration.ofNanos(pause));
                            } catch (InterruptedException e) {
                                return;
                            }
                        }
                    }
                });
                long deadline = System.nanoTime() + plan.stageTimeout().toNanos();
                while (acked.get() < plan.killAfter() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                first.killHard();
                killedAt = Instant.now();
                ackedAtKill = acked.get();
                unackedAtKill = sent.get() - ackedAtKill;
                out.printf("killed (kill -9) after %d MOs acknowledged, %d sent but not acknowledged%n", ackedAtKill, unackedAtKill);
                sender.join();
            }
            // the burst goes on from the SMS-C's side: it retries what was not acknowledged until the platform is back
            second = AllInOneProcess.start(launch, httpPort, args, log);
            try (AllInOneProcess ignored = second) {
                restart = second.awaitReady(plan.stageTimeout());
                out.printf("restarted on the same data, ready in %.1f s (pid %d)%n", restart.toMillis() / 1000.0, second.pid());
                CompletableFuture<Void> all;
                synchronized (mos) {
                    all = CompletableFuture.allOf(mos.toArray(CompletableFuture[]::new));
                }
                all.get(plan.stageTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                awaitAllMts(firstSeen, plan);
                Instant last = firstSeen.values().stream().max(Instant::compareTo).orElseThrow();
                Duration killToFirstAfter = firstSeen.values().stream().filter(t -> t.isAfter(killedAt)).min(Instant::compareTo)
                        .map(t -> Duration.between(killedAt, t)).orElse(Duration.ZERO);
                int acknowledged = (int) mos.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
                Counts counts = awaitCounts(postgresPort, run, plan);
                Result result = new Result(ackedAtKill, unackedAtKill, acknowledged, counts.handled(), burstMts.get(), firstSeen.size(),
                        counts.delivered(), counts.chargesByRole(), counts.nodeIds(), firstStart, restart, killToFirstAfter,
                        Duration.between(burstStart, last), secondOnLiveData, resentAcrossKill(arrivals, killedAt));
                out.println(result.summary());
                return result;
            }
        } finally {
            clearLeftovers(dataDir);
        }
    }

    /**
     * Starts a second platform on the data of the running one: it must refuse, and touch nothing. Returns its exit
     * status and the line of its output that names the data directory in use, or what it printed last.
     */
    private String intrude(List<String> args, Duration timeout) throws Exception {
        Path intruderLog = log.resolveSibling(log.getFileName() + ".second");
        java.nio.file.Files.deleteIfExists(intruderLog);
        try (AllInOneProcess intruder = AllInOneProcess.start(launch, FreePorts.pick(), args, intruderLog)) {
            int status = intruder.awaitExit(timeout);
            List<String> lines = java.nio.file.Files.readAllLines(intruderLog);
            String said = lines.stream().filter(l -> l.contains("is in use by another mobim")).findFirst()
                    .orElse(lines.isEmpty() ? "" : lines.getLast());
            out.printf("a second platform on the same data exited with status %d: %s%n", status, said.strip());
            return "exit " + status + ": " + said.strip();
        }
    }

    /** Stops whatever a failed run left on the data (an orphaned PostgreSQL), as the next start would. */
    public static void clearLeftovers(Path dataDir) throws Exception {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir)) {
            PostgresLeftovers.withDefaults().clear(lock, dataDir.resolve("postgres"));
        }
    }

    /** Duplicates of an MT that first arrived before the kill and again after it: the gateway's crash window. */
    private static int resentAcrossKill(Map<String, List<Instant>> arrivals, Instant killedAt) {
        int resent = 0;
        for (List<Instant> times : arrivals.values()) {
            synchronized (times) {
                if (times.size() > 1 && times.getFirst().isBefore(killedAt)) {
                    resent += (int) times.stream().skip(1).filter(t -> t.isAfter(killedAt)).count();
                }
            }
        }
        return resent;
    }

    private static String token(String run, int i) {
        return "bx" + run + "x" + i + "x";
    }

    /** The burst token in an MT ({@code <nick>: bx<run>x<i>x}), or null for another MT. */
    private static String token(HandsetMessage m) {
        int at = m.text().indexOf("bx");
        return at < 0 ? null : m.text().substring(at);
    }

    private static void awaitAllMts(Map<String, Instant> firstSeen, Plan plan) throws InterruptedException {
        long deadline = System.nanoTime() + plan.stageTimeout().toNanos();
        while (firstSeen.size() < plan.messages() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        // a duplicate would come right after its original: give it a moment to show
        Thread.sleep(2_000);
    }

    /** Subscribers provisioned through the admin API, each sender with its recipient accepted as contact 1. */
    private List<String[]> provision(AllInOneProcess platform, int pairs, String run, SmscSimulator smsc, Duration wait) throws Exception {
        List<String[]> result = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            String sender = TestNumbers.next().value();
            String recipient = TestNumbers.next().value();
            create(platform, sender, "s" + run + p);
            create(platform, recipient, "r" + run + p);
            smsc.injectMo(sender, SHORT_CODE, "ADD " + recipient + " r" + p).join();
            awaitSms(smsc, sender, "is contact 1", wait);
            smsc.injectMo(recipient, SHORT_CODE, "ACCEPT 1").join();
            awaitSms(smsc, sender, "accepted you", wait);
            result.add(new String[] {sender, recipient});
        }
        return result;
    }

    private void create(AllInOneProcess platform, String msisdn, String nick) throws Exception {
        String body = "{\"msisdn\":\"%s\",\"nickname\":\"%s\",\"tariffPlan\":\"VODAFONE_UK\"}".formatted(msisdn, nick);
        String auth = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(platform.uri("/api/v1/subscribers"))
                .header("Content-Type", "application/json").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("provisioning " + nick + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void awaitSms(SmscSimulator smsc, String msisdn, String containing, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (smsc.messagesTo(msisdn).stream().noneMatch(m -> m.text().contains(containing))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no SMS containing '" + containing + "' reached " + msisdn + " within " + wait);
            }
            Thread.sleep(50);
        }
    }

    private static void awaitBound(SmscSimulator smsc, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (smsc.boundSessions() == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the gateway did not bind to the SMS-C within " + wait);
            }
            Thread.sleep(50);
        }
    }

    private record Counts(int handled, long delivered, Map<String, Long> chargesByRole, List<String> nodeIds) {
    }

    /** The database's counts, once billing has rated a charging event for every delivered message of the burst. */
    private static Counts awaitCounts(int postgresPort, String run, Plan plan) throws Exception {
        long deadline = System.nanoTime() + plan.stageTimeout().toNanos();
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres", "postgres", "")) {
            while (true) {
                Counts counts = counts(c, run);
                boolean settled = counts.delivered() == counts.handled()
                        && !counts.chargesByRole().isEmpty()
                        && counts.chargesByRole().values().stream().allMatch(n -> n >= counts.delivered());
                if (settled || System.nanoTime() > deadline) {
                    return counts;
                }
                Thread.sleep(250);
            }
        }
    }

    private static Counts counts(Connection c, String run) throws Exception {
        String burst = "%bx" + run + "x%";
        int handled = single(c, "select count(*) from im.message where body like ?", burst);
        long delivered = single(c, """
                select count(*) from im.delivery d join im.message m on m.id = d.message_id
                where m.body like ? and d.status = 'DELIVERED'""", burst);
        Map<String, Long> charges = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement("""
                select r.charged_role, count(*) from billing.rated_record r
                where r.current and r.message_id in (select id::text from im.message where body like ?) group by 1""")) {
            s.setString(1, burst);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    charges.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        TreeSet<String> nodes = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement("select distinct node_id from billing.rated_record");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                nodes.add(rs.getString(1));
            }
        }
        return new Counts(handled, delivered, charges, List.copyOf(nodes));
    }

    private static int single(Connection c, String sql, String param) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, param);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
