package io.mobim.bench.im;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import io.mobim.bench.PostgresProcesses;
import io.mobim.embedded.EmbeddedPostgresServer;
import io.mobim.embedded.FreePorts;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The least PostgreSQL work a durable store-and-forward message costs on this machine, as a yardstick for the IM
 * core ({@link ImCoreBench}): no application, no Kafka, only the statements any design must run, in batches.
 * Per message: one insert into a table with its key and a queue index of waiting messages per recipient (stored,
 * committed); a fetch of the recipient's waiting messages; one update marking it delivered (committed); and one
 * record of each of its two charging events in a one-row-per-transaction outbox, inserted and later deleted. Prints
 * the CPU of PostgreSQL's processes and of this JVM per message.
 *
 * <p>Run: {@code java -cp bench/target/benchmarks.jar io.mobim.bench.im.StoreAndForwardFloor [messages] [batch]}
 * (defaults 300000 and 100; the first third is warm-up, not counted).
 */
public final class StoreAndForwardFloor {

    private static final int RECIPIENTS = 2000;

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        System.out.println("Store-and-forward floor, " + java.time.Instant.now());
        System.out.println(ImCoreBench.machine());
        Path root = Files.createTempDirectory("floor-bench");
        int port = FreePorts.pick();
        try (EmbeddedPostgresServer pg = EmbeddedPostgresServer.start(root.resolve("postgres"), port, true);
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "")) {
            long postmaster = PostgresProcesses.findPostmaster(root.toString());
            try (var s = c.createStatement()) {
                s.execute("""
                        create table msg (id uuid primary key, recipient varchar(16) not null, sender varchar(16) not null,
                                          body text not null, delivered boolean not null, created_at timestamptz not null)""");
                s.execute("create index msg_waiting on msg (recipient, created_at) where not delivered");
                s.execute("""
                        create table outbox (id bigserial primary key, payloads bytea[] not null)""");
                s.execute("alter table outbox alter column payloads set storage external");
            }
            c.setAutoCommit(false);
            int warmup = messages / 3;
            round(c, warmup, batch);
            long pg0 = PostgresProcesses.cpuNanos(postmaster);
            long jvm0 = jvmCpu();
            long t0 = System.nanoTime();
            round(c, messages - warmup, batch);
            double secs = (System.nanoTime() - t0) / 1e9;
            int n = messages - warmup;
            double pgMs = (PostgresProcesses.cpuNanos(postmaster) - pg0) / 1e6 / n;
            double jvmMs = (jvmCpu() - jvm0) / 1e6 / n;
            System.out.printf(Locale.ROOT, "%d messages stored, fetched and marked delivered in batches of %d (after %d warm-up): %.0f/s on "
                    + "one connection%n", n, batch, warmup, n / secs);
            System.out.printf(Locale.ROOT, "CPU per message: PostgreSQL %.4f ms + this JVM (driver) %.4f ms = %.4f ms; on 2 idle cores at "
                    + "most ~%.0f messages/s%n", pgMs, jvmMs, pgMs + jvmMs, 2000 / (pgMs + jvmMs));
            System.out.println("load average: " + ImCoreBench.loadAverage());
        } finally {
            io.mobim.embedded.FileTrees.delete(root);
        }
    }

    /** {@code n} messages: stored a batch per transaction, then fetched per recipient and marked delivered a batch per transaction. */
    private static void round(Connection c, int n, int batch) throws Exception {
        NoArgGenerator ids = Generators.timeBasedEpochGenerator();
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        byte[] event = new byte[400];
        for (int done = 0; done < n; done += batch) {
            int b = Math.min(batch, n - done);
            UUID[] id = new UUID[b];
            String[] to = new String[b];
            String[] from = new String[b];
            String[] body = new String[b];
            for (int i = 0; i < b; i++) {
                id[i] = ids.generate();
                to[i] = "+44770090" + String.format("%04d", rnd.nextInt(RECIPIENTS));
                from[i] = "+44770090" + String.format("%04d", rnd.nextInt(RECIPIENTS));
                body[i] = "Hello there, message " + (done + i);
            }
            try (PreparedStatement p = c.prepareStatement("""
                    insert into msg (id, recipient, sender, body, delivered, created_at)
                    select x.id, x.recipient, x.sender, x.body, false, ? from unnest(?::uuid[], ?::varchar[], ?::varchar[], ?::text[])
                        as x(id, recipient, sender, body)""")) {
                p.setTimestamp(1, new Timestamp(System.currentTimeMillis()));
                p.setObject(2, id);
                p.setObject(3, to);
                p.setObject(4, from);
                p.setObject(5, body);
                p.executeUpdate();
            }
            outbox(c, b, event);
            c.commit();
            // the recipients' clients fetch what waits for them and confirm it
            List<UUID> fetched = new ArrayList<>(b);
            try (PreparedStatement p = c.prepareStatement("""
                    select m.id from unnest(?::varchar[]) as r(recipient)
                    cross join lateral (select id from msg where recipient = r.recipient and not delivered
                                        order by created_at limit 50) m""")) {
                p.setObject(1, java.util.Arrays.stream(to).distinct().toArray(String[]::new));
                try (ResultSet rs = p.executeQuery()) {
                    while (rs.next()) {
                        fetched.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            try (PreparedStatement p = c.prepareStatement("update msg set delivered = true where id = any(?) and not delivered")) {
                p.setObject(1, fetched.toArray(UUID[]::new));
                p.executeUpdate();
            }
            outbox(c, fetched.size(), event);
            c.commit();
            try (var s = c.createStatement()) {
                s.executeUpdate("delete from outbox");
            }
            c.commit();
        }
    }

    /** One outbox row holding {@code records} charging events of ~400 bytes. */
    private static void outbox(Connection c, int records, byte[] event) throws Exception {
        if (records == 0) {
            return;
        }
        byte[][] payloads = new byte[records][];
        java.util.Arrays.fill(payloads, event);
        try (PreparedStatement p = c.prepareStatement("insert into outbox (payloads) values (?::bytea[])")) {
            p.setObject(1, payloads);
            p.executeUpdate();
        }
    }

    private static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
