package io.mobim.embedded;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@link DataDirectoryHolder} in a JVM of its own, on this test's class path. */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final int postgresPort;

    private ChildJvm(Process process, int postgresPort) {
        this.process = process;
        this.postgresPort = postgresPort;
    }

    static ChildJvm holding(Path root) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process p = new ProcessBuilder(List.of(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp", classPath,
                DataDirectoryHolder.class.getName(), root.toString())).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.startsWith("READY ")) {
                        return Integer.parseInt(line.substring(6).trim());
                    }
                    seen.append(line).append('\n');
                }
                throw new IllegalStateException("the child JVM ended before it was ready:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        int port = ready.get(90, TimeUnit.SECONDS);
        Thread.ofVirtual().start(() -> out.lines().forEach(l -> { })); // keep its pipe drained
        return new ChildJvm(p, port);
    }

    long pid() {
        return process.pid();
    }

    int postgresPort() {
        return postgresPort;
    }

    /** kill -9: the JVM dies at once, its PostgreSQL child is left running, orphaned. */
    void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        killHard();
    }
}
