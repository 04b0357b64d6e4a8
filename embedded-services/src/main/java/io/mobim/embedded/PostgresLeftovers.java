package io.mobim.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a PostgreSQL left in its data directory when the process that started it died: its lock file
 * {@code postmaster.pid}, and possibly the server itself, still running, orphaned. PostgreSQL refuses to start
 * while either is there. Run only by the holder of the data directory's {@link DataDirectoryLock}: holding it
 * proves that the process that started that server is dead, so nobody else uses the server.
 *
 * <ul>
 *   <li>The process named in the lock file is gone, is a zombie (exited, never reaped: it holds nothing), or is
 *       not a PostgreSQL of this data directory (its pid was given to another process): the file is stale and goes.
 *   <li>A PostgreSQL of this directory still runs: it is stopped as {@code pg_ctl stop} would, fast shutdown
 *       (SIGINT: sessions end, the checkpoint is written) and, if that does not end it in time, immediate
 *       shutdown (SIGQUIT: crash recovery at the next start, nothing committed is lost), then SIGKILL.
 * </ul>
 */
public final class PostgresLeftovers {

    private static final Logger log = LoggerFactory.getLogger(PostgresLeftovers.class);

    static final String LOCK_FILE = "postmaster.pid";

    private final Duration fastShutdownWait;
    private final Duration immediateShutdownWait;

    public PostgresLeftovers(Duration fastShutdownWait, Duration immediateShutdownWait) {
        this.fastShutdownWait = fastShutdownWait;
        this.immediateShutdownWait = immediateShutdownWait;
    }

    public static PostgresLeftovers withDefaults() {
        return new PostgresLeftovers(Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    /** What was found, and what was done about it. */
    public enum Outcome {
        /** No lock file: the last server stopped cleanly, or there never was one. */
        NOTHING,
        /** A lock file whose server is gone: removed. */
        STALE_LOCK_FILE_REMOVED,
        /** An orphaned server of this directory: stopped. */
        ORPHAN_STOPPED
    }

    /**
     * Clears what a dead process's PostgreSQL left in {@code dataDir}, so that a server can start there.
     *
     * @param lock this process's lock on the data directory that holds {@code dataDir}
     * @throws IllegalArgumentException if {@code lock} does not cover {@code dataDir}
     * @throws IOException if an orphaned server does not stop even on SIGKILL, or the lock file cannot be removed
     */
    public Outcome clear(DataDirectoryLock lock, Path dataDir) throws IOException {
        if (!lock.covers(dataDir)) {
            throw new IllegalArgumentException(dataDir + " is not in the locked data directory " + lock.root());
        }
        Path lockFile = dataDir.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return Outcome.NOTHING;
        }
        OptionalLong pid = pidIn(lockFile);
        if (pid.isEmpty() || !Processes.isRunning(pid.getAsLong()) || !isPostgresOf(pid.getAsLong(), dataDir)) {
            Files.deleteIfExists(lockFile);
            log.warn("Embedded PostgreSQL: removed the stale {} of a server that no longer runs (previous owner: {})",
                    lockFile, lock.previousOwner().map(Object::toString).orElse("unknown"));
            return Outcome.STALE_LOCK_FILE_REMOVED;
        }
        long p = pid.getAsLong();
        log.warn("Embedded PostgreSQL: a server (pid {}) still runs on {}, left by a mobim that is gone ({}); stopping it",
                p, dataDir, lock.previousOwner().map(Object::toString).orElse("unknown"));
        if (!stop(p, "INT", fastShutdownWait) && !stop(p, "QUIT", immediateShutdownWait) && !stop(p, "KILL", immediateShutdownWait)) {
            throw new IOException("the orphaned PostgreSQL (pid " + p + ") on " + dataDir + " did not stop, even on SIGKILL");
        }
        // a server that shut down removed its lock file itself; one killed did not
        Files.deleteIfExists(lockFile);
        return Outcome.ORPHAN_STOPPED;
    }

    private static boolean stop(long pid, String signal, Duration wait) throws IOException {
        Processes.signal(pid, signal);
        boolean stopped = Processes.awaitExit(pid, wait);
        if (stopped) {
            log.info("Embedded PostgreSQL: the orphaned server (pid {}) stopped on SIG{}", pid, signal);
        }
        return stopped;
    }

    /** The postmaster's pid: the first line of its lock file. */
    static OptionalLong pidIn(Path lockFile) throws IOException {
        List<String> lines = Files.readAllLines(lockFile, StandardCharsets.US_ASCII);
        try {
            return lines.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(lines.getFirst().trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // cut short by a crash while it was written
        }
    }

    /**
     * Whether {@code pid} is a PostgreSQL server of {@code dataDir}: a postmaster works in its data directory,
     * and is started with it on its command line.
     */
    private static boolean isPostgresOf(long pid, Path dataDir) throws IOException {
        Path dir = dataDir.toRealPath();
        Optional<Path> cwd = Processes.workingDirectory(pid);
        if (cwd.isPresent()) {
            return cwd.get().equals(dir);
        }
        return ProcessHandle.of(pid).flatMap(h -> h.info().commandLine())
                .map(cmd -> cmd.contains("postgres") && cmd.contains(dir.toString()))
                .orElse(false);
    }
}
