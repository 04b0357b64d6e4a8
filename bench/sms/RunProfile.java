// Where the CPU of p1's measured commands goes: run by p1-profile.sh after the measured run, with the snapshots it
// took before and after it. Prints the JVM's CPU per command by thread group (from /proc/<pid>/task/*/stat), the
// PostgreSQL processes' CPU, rows written per 1,000 commands by table (pg_stat_user_tables) and, given the JFR
// recording of the run, the JIT's compile time in the measured window by library.
//   java RunProfile.java <run dir> <commands>
// The run dir holds threads0/threads1 ("<tid> <utime> <stime> <name>" per thread, clock ticks), pgcpu0/pgcpu1 (ticks),
// pg0/pg1 (psql -At output: table, inserted, updated, HOT-updated, deleted), window ("<start> <end>", epoch
// seconds) and, optionally, run.jfr.
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

public class RunProfile {

    private static final long MICROS_PER_TICK = 10_000; // USER_HZ 100

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long commands = Long.parseLong(args[1]);
        threads(dir, commands);
        long pg = Long.parseLong(Files.readString(dir.resolve("pgcpu1")).trim()) - Long.parseLong(Files.readString(dir.resolve("pgcpu0")).trim());
        System.out.printf("PostgreSQL processes: %d µs per command%n", pg * MICROS_PER_TICK / commands);
        rows(dir, commands);
        if (Files.exists(dir.resolve("run.jfr"))) {
            compilations(dir);
        }
    }

    /** CPU per command by thread group: a thread's name without its numbers. */
    private static void threads(Path dir, long commands) throws Exception {
        Map<String, Long> before = ticks(dir.resolve("threads0")), after = ticks(dir.resolve("threads1"));
        Map<String, Long> groups = new HashMap<>();
        long total = 0;
        for (var e : after.entrySet()) {
            long used = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            String name = e.getKey().substring(e.getKey().indexOf(' ') + 1);
            groups.merge(name.replaceAll("[0-9]+", "#"), used, Long::sum);
            total += used;
        }
        System.out.printf("JVM: %d µs per command; by thread group:%n", total * MICROS_PER_TICK / commands);
        groups.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .filter(e -> e.getValue() * MICROS_PER_TICK / commands > 0).limit(20)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue() * MICROS_PER_TICK / commands, e.getKey()));
    }

    /** "<tid> <name>" to its user plus system ticks, from lines "<tid> <utime> <stime> <name>". */
    private static Map<String, Long> ticks(Path file) throws Exception {
        Map<String, Long> ticks = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split(" ", 4);
            if (f.length == 4) {
                ticks.put(f[0] + " " + f[3], Long.parseLong(f[1]) + Long.parseLong(f[2]));
            }
        }
        return ticks;
    }

    private static void rows(Path dir, long commands) throws Exception {
        if (!Files.exists(dir.resolve("pg1"))) {
            return;
        }
        Map<String, long[]> before = tables(dir.resolve("pg0")), after = tables(dir.resolve("pg1"));
        System.out.println("rows per 1,000 commands (pg_stat_user_tables: inserted, updated, of which HOT, deleted):");
        for (var e : new TreeMap<>(after).entrySet()) {
            long[] b = before.getOrDefault(e.getKey(), new long[4]);
            long[] d = new long[4];
            for (int i = 0; i < 4; i++) {
                d[i] = (e.getValue()[i] - b[i]) * 1_000 / commands;
            }
            if (d[0] + d[1] + d[3] > 0) {
                System.out.printf("  %-36s %6d %6d %6d %6d%n", e.getKey(), d[0], d[1], d[2], d[3]);
            }
        }
    }

    private static Map<String, long[]> tables(Path file) throws Exception {
        Map<String, long[]> tables = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\\|");
            if (f.length == 5) {
                tables.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4])});
            }
        }
        return tables;
    }

    /** Compile time (JFR jdk.Compilation) that started inside the measured window, by library. */
    private static void compilations(Path dir) throws Exception {
        String[] window = Files.readString(dir.resolve("window")).trim().split(" ");
        Instant start = instant(window[0]), end = instant(window[1]);
        Map<String, double[]> byLibrary = new LinkedHashMap<>();
        double total = 0;
        int count = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(dir.resolve("run.jfr"))) {
            if (!e.getEventType().getName().equals("jdk.Compilation") || e.getStartTime().isBefore(start) || e.getStartTime().isAfter(end)) {
                continue;
            }
            double seconds = e.getDuration().toNanos() / 1e9;
            double[] sum = byLibrary.computeIfAbsent(library(e.getValue("method.type.name")), k -> new double[2]);
            sum[0] += seconds;
            sum[1]++;
            total += seconds;
            count++;
        }
        System.out.printf("JIT: %d compilations started in the measured window, %.2f s of compile time; by library:%n", count, total);
        byLibrary.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(15)
                .forEach(e -> System.out.printf("  %5.2f s %5d  %s%n", e.getValue()[0], (long) e.getValue()[1], e.getKey()));
    }

    private static Instant instant(String epochSeconds) {
        double s = Double.parseDouble(epochSeconds);
        return Instant.ofEpochSecond((long) s, (long) ((s - (long) s) * 1e9));
    }

    private static final List<Map.Entry<String, String>> LIBRARIES = List.of(
            Map.entry("org.postgresql.", "PostgreSQL driver"), Map.entry("com.zaxxer.", "Hikari"),
            Map.entry("org.apache.kafka.clients.", "Kafka clients"), Map.entry("org.apache.kafka.common.", "Kafka common"),
            Map.entry("org.apache.kafka.", "Kafka broker"), Map.entry("kafka.", "Kafka broker"), Map.entry("scala.", "Kafka broker"),
            Map.entry("org.springframework.kafka.", "Spring Kafka"), Map.entry("org.springframework.", "Spring"),
            Map.entry("tools.jackson.", "Jackson"), Map.entry("org.jsmpp.", "jSMPP"), Map.entry("io.micrometer.", "Micrometer"),
            Map.entry("org.hibernate.", "Hibernate"), Map.entry("io.mobim.", "mobim"),
            Map.entry("java.", "JDK"), Map.entry("jdk.", "JDK"), Map.entry("sun.", "JDK"));

    private static String library(String type) {
        String name = type.replace('/', '.');
        String[] parts = name.split("\\.");
        return LIBRARIES.stream().filter(l -> name.startsWith(l.getKey())).map(Map.Entry::getValue).findFirst()
                .orElse(parts.length > 1 ? parts[0] + "." + parts[1] + ".*" : name);
    }
}
