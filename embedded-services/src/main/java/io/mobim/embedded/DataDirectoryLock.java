package io.mobim.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;

/**
 * An exclusive lock on a data directory, held for as long as the process uses it: two processes never share one.
 * The operating system releases the lock when its holder dies, even by {@code kill -9}, so a process that gets
 * the lock knows that whoever used the directory before is gone, and that what it left running there (an
 * embedded PostgreSQL) is an orphan it may stop.
 *
 * <p>Two files: {@value #LOCK_FILE}, the file locked (its content does not matter), and {@value #OWNER_FILE}, the
 * holder's process id, start time and host, written when the lock is taken and deleted when it is released, so
 * that a second process can say who holds the directory, and the next holder whether the last one stopped cleanly.
 */
public final class DataDirectoryLock implements AutoCloseable {

    public static final String LOCK_FILE = "mobim.lock";
    public static final String OWNER_FILE = "mobim.owner";

    private final Path root;
    private final FileChannel channel;
    private final FileLock lock;
    private final Owner previousOwner;

    private DataDirectoryLock(Path root, FileChannel channel, FileLock lock, Owner previousOwner) {
        this.root = root;
        this.channel = channel;
        this.lock = lock;
        this.previousOwner = previousOwner;
    }

    /**
     * Takes the lock on {@code root} (created if missing) and records this process as its owner.
     *
     * @throws DataDirectoryInUseException if another process holds it
     */
    public static DataDirectoryLock acquire(Path root) throws IOException {
        Path dir = Files.createDirectories(root.toAbsolutePath().normalize());
        Path ownerFile = dir.resolve(OWNER_FILE);
        FileChannel channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this very process holds it already
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        Optional<Owner> recorded = Owner.read(ownerFile);
        if (lock == null) {
            channel.close();
            throw new DataDirectoryInUseException(dir, recorded);
        }
        // the lock is ours, so its last holder is dead; unless the lock file was deleted under a running process
        // (which then holds a lock on a file nobody else can open): its owner record still names it
        if (recorded.isPresent() && recorded.get().isAlive() && recorded.get().pid() != ProcessHandle.current().pid()) {
            lock.release();
            channel.close();
            throw new DataDirectoryInUseException(dir, recorded);
        }
        Owner.current().write(ownerFile);
        return new DataDirectoryLock(dir, channel, lock, recorded.orElse(null));
    }

    /** The directory locked. */
    public Path root() {
        return root;
    }

    /** Whether {@code path} lies in the locked directory. */
    public boolean covers(Path path) {
        return path.toAbsolutePath().normalize().startsWith(root);
    }

    /**
     * The process that held the directory before and did not release it (it died, or was killed): empty after a
     * clean stop or on a new directory.
     */
    public Optional<Owner> previousOwner() {
        return Optional.ofNullable(previousOwner);
    }

    /** Releases the lock; the owner record goes first, so the next holder sees a clean stop. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(root.resolve(OWNER_FILE));
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    /** A process that holds, or held, a data directory. */
    public record Owner(long pid, Instant started, String host) {

        static Owner current() {
            ProcessHandle self = ProcessHandle.current();
            return new Owner(self.pid(), self.info().startInstant().orElse(null), hostName());
        }

        /** Whether this very process still runs: the pid alone may have been given to another one since. */
        public boolean isAlive() {
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .map(p -> started == null || p.info().startInstant().map(started::equals).orElse(true))
                    .orElse(false);
        }

        @Override
        public String toString() {
            return "pid " + pid + (started == null ? "" : ", started " + started) + (host == null ? "" : ", on " + host);
        }

        static Optional<Owner> read(Path file) {
            Properties p = new Properties();
            try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
                String started = p.getProperty("started");
                return Optional.of(new Owner(Long.parseLong(p.getProperty("pid", "").trim()),
                        started == null || started.isBlank() ? null : Instant.parse(started.trim()), p.getProperty("host")));
            } catch (IOException | RuntimeException unreadable) {
                return Optional.empty(); // missing, or cut short by a crash while it was written
            }
        }

        void write(Path file) throws IOException {
            String text = "# the mobim process that holds this data directory (see mobim.lock)\n"
                    + "pid=" + pid + "\n"
                    + "started=" + (started == null ? "" : started) + "\n"
                    + "host=" + (host == null ? "" : host) + "\n";
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private static String hostName() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                return null;
            }
        }
    }
}
