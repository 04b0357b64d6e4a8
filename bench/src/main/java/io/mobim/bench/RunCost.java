package io.mobim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What one measured run cost, per unit of work (an SMS command, a message): CPU of this JVM (split by thread group: listener threads, broker
 * threads, jSMPP, ...), CPU of the embedded PostgreSQL processes, PostgreSQL transactions and rows, and the
 * requests the in-process Kafka broker served (produce, fetch, offset commits). Counters are read from
 * {@code /proc}, {@link ThreadMXBean}, {@code pg_stat_database} and the broker's JMX metrics, before and after.
 */
public final class RunCost {

    private final JdbcClient jdbc;
    private final long postmaster;
    private final String unit;
    private final Snapshot start;

    /** Costs per SMS command, of the PostgreSQL whose data directory is under {@code dataRoot}. */
    public RunCost(JdbcClient jdbc, String dataRoot) {
        this(jdbc, PostgresProcesses.findPostmaster(dataRoot), "command");
    }

    /** Costs per {@code unit}, of the PostgreSQL postmaster {@code postmaster}. */
    public RunCost(JdbcClient jdbc, long postmaster, String unit) {
        this.jdbc = jdbc;
        this.postmaster = postmaster;
        this.unit = unit;
        this.start = snapshot();
    }

    /** The cost since construction, for {@code commands} units of work, as printable lines. */
    public String report(long commands, double wallSeconds) {
        Snapshot end = snapshot();
        double jvm = (end.jvmNanos - start.jvmNanos) / 1e6 / commands;
        double pg = (end.pgNanos - start.pgNanos) / 1e6 / commands;
        int cores = Runtime.getRuntime().availableProcessors();
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "  CPU per %s: %.3f ms (JVM %.3f + PostgreSQL %.3f); %.2f of %d cores busy for us;"
                        + " CPU-bound ceiling on %d idle cores ~%.0f %ss/s%n",
                unit, jvm + pg, jvm, pg, (jvm + pg) * commands / 1e3 / wallSeconds, cores, cores, cores * 1000 / (jvm + pg), unit));
        Map<String, Long> threads = new TreeMap<>();
        end.threadNanos.forEach((group, nanos) -> threads.merge(group, nanos - start.threadNanos.getOrDefault(group, 0L), Long::sum));
        // the JVM's own threads (JIT compilers, GC) are not Java threads: read from /proc; threads that ended are gone
        end.nativeNanos.forEach((group, nanos) -> threads.merge(group, nanos - start.nativeNanos.getOrDefault(group, 0L), Long::sum));
        long counted = threads.values().stream().mapToLong(Long::longValue).sum();
        threads.put("threads that ended", end.jvmNanos - start.jvmNanos - counted);
        out.append("  JVM CPU per ").append(unit).append(" by thread group (ms): ").append(threads.entrySet().stream()
                .filter(e -> e.getValue() * 1.0 / 1e6 / commands >= 0.005)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.3f", e.getKey(), e.getValue() / 1e6 / commands))
                .collect(Collectors.joining(", "))).append('\n');
        out.append(String.format(Locale.ROOT, "  PostgreSQL per %s: %.2f transactions, %.2f rows inserted, %.2f updated, %.2f deleted, %.1f returned%n", unit,
                (end.pgXacts - start.pgXacts) * 1.0 / commands, (end.pgInserted - start.pgInserted) * 1.0 / commands,
                (end.pgUpdated - start.pgUpdated) * 1.0 / commands, (end.pgDeleted - start.pgDeleted) * 1.0 / commands,
                (end.pgReturned - start.pgReturned) * 1.0 / commands));
        Map<String, Long> requests = new TreeMap<>();
        end.kafkaRequests.forEach((type, n) -> requests.put(type, n - start.kafkaRequests.getOrDefault(type, 0L)));
        out.append("  Kafka broker requests per ").append(unit).append(": ").append(requests.entrySet().stream()
                .filter(e -> e.getValue() * 1.0 / commands >= 0.01)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.2f", e.getKey(), e.getValue() * 1.0 / commands))
                .collect(Collectors.joining(", "))).append('\n');
        return out.toString();
    }

    private Snapshot snapshot() {
        Snapshot s = new Snapshot();
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        s.jvmNanos = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
        s.pgNanos = Math.max(0, PostgresProcesses.cpuNanos(postmaster));
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long cpu = threads.getThreadCpuTime(info.getThreadId());
            if (cpu > 0) {
                s.threadNanos.merge(group(info.getThreadName()), cpu, Long::sum);
            }
        }
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String kind = comm.startsWith("C1 ") || comm.startsWith("C2 ") ? "JIT compiler"
                            : comm.startsWith("GC ") || comm.startsWith("G1 ") ? "GC" : comm.startsWith("VM ") ? "VM thread" : null;
                    if (kind != null) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        s.nativeNanos.merge(kind, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10_000_000L, Long::sum);
                    }
                } catch (Exception gone) {
                    // ended meanwhile
                }
            }
        } catch (Exception e) {
            // no /proc: not split
        }
        jdbc.sql("select xact_commit + xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_returned "
                        + "from pg_stat_database where datname = current_database()")
                .query((java.sql.ResultSet rs) -> {
                    s.pgXacts = rs.getLong(1);
                    s.pgInserted = rs.getLong(2);
                    s.pgUpdated = rs.getLong(3);
                    s.pgDeleted = rs.getLong(4);
                    s.pgReturned = rs.getLong(5);
                });
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            for (ObjectName name : server.queryNames(new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                Object count = server.getAttribute(name, "Count");
                s.kafkaRequests.merge(name.getKeyProperty("request"), ((Number) count).longValue(), Long::sum);
            }
        } catch (Exception e) {
            // no broker metrics in this JVM: reported as empty
        }
        return s;
    }

    /** Thread names without their numbers, so that pools add up: "smpp-mt-12" becomes "smpp-mt-#". */
    private static String group(String name) {
        String g = name.replaceAll("\\d+", "#");
        if (g.startsWith("org.springframework.kafka.KafkaListenerEndpointContainer")) {
            return "im-listeners";
        }
        return g.length() > 48 ? g.substring(0, 48) : g;
    }

    private static final class Snapshot {
        long jvmNanos;
        long pgNanos;
        long pgXacts;
        long pgInserted;
        long pgUpdated;
        long pgDeleted;
        long pgReturned;
        final Map<String, Long> threadNanos = new HashMap<>();
        final Map<String, Long> kafkaRequests = new HashMap<>();
        final Map<String, Long> nativeNanos = new HashMap<>();
    }
}
