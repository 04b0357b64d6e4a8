package io.mobim.platform.allinone;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The all-in-one platform as a JVM of its own, as an operator runs it: on a kept data directory, killed hard or
 * stopped with SIGTERM. Started from the test class path or from the packaged jar ({@link Launch}).
 */
public final class AllInOneProcess implements AutoCloseable {

    /** The command that starts the application, up to its arguments. */
    public record Launch(List<String> command) {

        /** {@code java -cp <this JVM's class path> MobimApplication}: the test class path under Maven. */
        public static Launch testClassPath() {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return new Launch(List.of(java(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-cp", classPath, "io.mobim.platform.MobimApplication"));
        }

        /** {@code java -jar mobim.jar}. */
        public static Launch jar(Path jar) {
            return new Launch(List.of(java(), "-Xmx1g", "-jar", jar.toString()));
        }

        private static String java() {
            return Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }

    private final Process process;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private AllInOneProcess(Process process, int httpPort) {
        this.process = process;
        this.httpPort = httpPort;
    }

    /** Starts the application with {@code arguments} ({@code --name=value}), its output appended to {@code log}. */
    public static AllInOneProcess start(Launch launch, int httpPort, List<String> arguments, Path log) throws IOException {
        List<String> command = new ArrayList<>(launch.command());
        // its temporary files (Tomcat's, the embedded database's) beside the log, in the test's own directory: a
        // process killed hard cannot delete them on exit
        Path tmp = Files.createDirectories(log.toAbsolutePath().resolveSibling("tmp"));
        command.add(1, "-Djava.io.tmpdir=" + tmp);
        command.add("--server.port=" + httpPort);
        command.addAll(arguments);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new AllInOneProcess(p, httpPort);
    }

    /** Waits until the readiness probe answers 200 (database and Kafka up); fails if the process ends first. */
    public Duration awaitReady(Duration atMost) throws InterruptedException {
        long t0 = System.nanoTime();
        long deadline = t0 + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the all-in-one exited with status " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - t0);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the all-in-one was not ready within " + atMost);
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the process to end by itself; its exit status. */
    public int awaitExit(Duration atMost) throws InterruptedException {
        if (!process.waitFor(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the all-in-one still runs after " + atMost);
        }
        return process.exitValue();
    }

    /** kill -9: no shutdown hook, no graceful stop; the embedded PostgreSQL it started is left running. */
    public void killHard() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as an operator stops it; kill -9 if it is not gone within a minute. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            killHard();
        }
    }
}
