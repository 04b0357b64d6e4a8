package io.mobim.bench.faults;

import io.mobim.embedded.FileTrees;
import io.mobim.platform.allinone.AllInOneProcess;
import io.mobim.platform.allinone.KillNineScenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Fault injection under load: the packaged all-in-one ({@code platform-app/target/mobim.jar}, a JVM of its own, on a
 * kept data directory) takes an SMS burst from an external SMS-C, is killed with kill -9 once {@code killAfter} MOs
 * are acknowledged, and is started again on the same data; at the end the counts an operator would check (MOs
 * acknowledged, handled, MTs on the handsets and their duplicates, deliveries, charging events, node ids) and the
 * times (start, restart, kill to the first MT after it). The same scenario as {@code AllInOneKillNineTest}, bigger.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.mobim.bench.faults.KillNineRun [key=value ...]</pre>
 * keys: {@code pairs} (20), {@code messages} (3000), {@code rate} (MOs/s the SMS-C sends, 100), {@code killAfter}
 * (1000), {@code jar} (platform-app/target/mobim.jar), {@code timeout} (per stage, seconds, 300).
 */
public final class KillNineRun {

    private KillNineRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value: " + a);
            }
            opts.put(a.substring(0, eq), a.substring(eq + 1));
        }
        int pairs = Integer.parseInt(opts.getOrDefault("pairs", "20"));
        int messages = Integer.parseInt(opts.getOrDefault("messages", "3000"));
        int rate = Integer.parseInt(opts.getOrDefault("rate", "100"));
        int killAfter = Integer.parseInt(opts.getOrDefault("killAfter", "1000"));
        Path jar = Path.of(opts.getOrDefault("jar", "platform-app/target/mobim.jar")).toAbsolutePath();
        Duration timeout = Duration.ofSeconds(Long.parseLong(opts.getOrDefault("timeout", "300")));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " is missing: ./mvnw -B -ntp -DskipTests package first");
        }
        System.out.printf("kill -9 fault injection, %s, %d cores, %s, load average %s%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"), loadAverage());
        System.out.printf("%d pairs, %d MOs at %d/s, kill after %d acknowledged, %s%n", pairs, messages, rate, killAfter, jar);

        Path data = Files.createTempDirectory("mobim-kill-nine-bench-");
        Path log = data.resolveSibling(data.getFileName() + ".log");
        try {
            KillNineScenario.Result r = new KillNineScenario(AllInOneProcess.Launch.jar(jar), data, log, System.out)
                    .run(new KillNineScenario.Plan(pairs, messages, rate, killAfter, timeout));
            System.out.printf("MOs acknowledged but no message on a handset: %d of %d%n", messages - r.distinct(), messages);
            System.out.printf("MOs handled twice: %d, MTs received twice: %d, charges = deliveries: %s%n",
                    r.handled() - r.distinct(), r.duplicates(),
                    r.chargesByRole().values().stream().allMatch(n -> n == r.delivered()));
            System.out.printf("load average at end: %s; platform log: %s%n", loadAverage(), log);
        } finally {
            FileTrees.delete(data);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
