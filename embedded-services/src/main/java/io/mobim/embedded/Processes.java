package io.mobim.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Other processes of the machine, by pid: whether one runs, where it works, a signal to it. */
final class Processes {

    private static final Path PROC = Path.of("/proc");

    private Processes() {
    }

    /**
     * Whether {@code pid} runs. A zombie (exited, not yet reaped by its parent: an orphan whose new parent does not
     * reap, as in some containers) does not: it holds no files, sockets or shared memory any more.
     */
    static boolean isRunning(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return !isZombie(pid);
        }
        return false;
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
            // "pid (command) S ...": the command may hold spaces and parentheses, the state follows the last ')'
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException | RuntimeException noProcFileSystem) {
            return false;
        }
    }

    /** The working directory of {@code pid}, where the system shows it (Linux); empty elsewhere. */
    static Optional<Path> workingDirectory(long pid) {
        try {
            return Optional.of(PROC.resolve(Long.toString(pid)).resolve("cwd").toRealPath());
        } catch (IOException | RuntimeException notShown) {
            return Optional.empty();
        }
    }

    /** Sends {@code signal} (a name such as {@code INT}) to {@code pid}; a process already gone is no error. */
    static void signal(long pid, String signal) throws IOException {
        Process kill = new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).redirectErrorStream(true).start();
        try {
            if (!kill.waitFor(10, TimeUnit.SECONDS)) {
                kill.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling pid " + pid, e);
        }
    }

    /** Waits until {@code pid} no longer runs; false if it still runs after {@code wait}. */
    static boolean awaitExit(long pid, Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (isRunning(pid)) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for pid " + pid + " to exit", e);
            }
        }
        return true;
    }
}
