package io.mobim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A process that used a data directory dies by kill -9 ({@code destroyForcibly()} of a child JVM): the next one on
 * the same directory gets the lock, stops the PostgreSQL the dead one left running (or removes its stale lock file)
 * and starts its own on the same data; a PostgreSQL whose owner still runs is never touched.
 */
class CrashRecoveryTest {

    private Path root;

    @BeforeEach
    void directory() throws Exception {
        root = Files.createTempDirectory("mobim-crash-");
    }

    @AfterEach
    void cleanUp() throws Exception {
        // whatever a test left running on the directory is stopped the way a restart would
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root)) {
            PostgresLeftovers.withDefaults().clear(lock, root.resolve("postgres"));
        }
        FileTrees.delete(root);
    }

    @Test
    void theOrphanedPostgresOfAKilledProcessIsStoppedAndTheNextStartHasItsData() throws Exception {
        long orphan;
        try (ChildJvm first = ChildJvm.holding(root)) {
            orphan = postmasterPid();
            first.killHard();
        }
        assertThat(Processes.isRunning(orphan)).as("kill -9 of the JVM leaves its PostgreSQL running").isTrue();

        restartFindsItsData(PostgresLeftovers.Outcome.ORPHAN_STOPPED);
        assertThat(Processes.isRunning(orphan)).isFalse();
    }

    @Test
    void aStaleLockFileWhoseServerIsGoneIsRemovedAndTheNextStartHasItsData() throws Exception {
        try (ChildJvm first = ChildJvm.holding(root)) {
            long postmaster = postmasterPid();
            first.killHard();
            // the server dies too, without shutting down (an OOM kill, a container stop): its lock file stays
            Processes.signal(postmaster, "KILL");
            assertThat(Processes.awaitExit(postmaster, Duration.ofSeconds(10))).isTrue();
        }
        assertThat(root.resolve("postgres/postmaster.pid")).exists();

        restartFindsItsData(PostgresLeftovers.Outcome.STALE_LOCK_FILE_REMOVED);
    }

    @Test
    void aSecondProcessOnLiveDataRefusesAndLeavesTheOwnersPostgresAlone() throws Exception {
        try (ChildJvm owner = ChildJvm.holding(root)) {
            long postmaster = postmasterPid();
            assertThatThrownBy(() -> DataDirectoryLock.acquire(root))
                    .isInstanceOf(DataDirectoryInUseException.class)
                    .hasMessageContaining("is in use by another mobim (pid " + owner.pid());
            assertThat(Processes.isRunning(postmaster)).isTrue();
            assertThat(acknowledgedRows(owner.postgresPort())).as("the owner's database still serves").isEqualTo(1);
        }
    }

    @Test
    void aCleanStopLeavesNoOwnerRecordAndNothingToClear() throws Exception {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root)) {
            try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(root.resolve("postgres"), FreePorts.pick(), false)) {
                assertThat(root.resolve(DataDirectoryLock.OWNER_FILE)).exists();
            }
        }
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root)) {
            assertThat(lock.previousOwner()).isEmpty();
            assertThat(PostgresLeftovers.withDefaults().clear(lock, root.resolve("postgres"))).isEqualTo(PostgresLeftovers.Outcome.NOTHING);
        }
    }

    /** What the next process on the directory does: lock, clear what it finds, start, and read the row committed before the kill. */
    private void restartFindsItsData(PostgresLeftovers.Outcome expected) throws Exception {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(root)) {
            assertThat(lock.previousOwner()).as("the dead owner is on record").isPresent();
            assertThat(PostgresLeftovers.withDefaults().clear(lock, root.resolve("postgres"))).isEqualTo(expected);
            int port = FreePorts.pick();
            try (EmbeddedPostgresServer ignored = EmbeddedPostgresServer.start(root.resolve("postgres"), port, false)) {
                assertThat(acknowledgedRows(port)).as("the row committed before the kill").isEqualTo(1);
            }
        }
    }

    private long postmasterPid() throws Exception {
        return PostgresLeftovers.pidIn(root.resolve("postgres/postmaster.pid")).orElseThrow();
    }

    private static Connection connect(int port) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static int acknowledgedRows(int port) throws Exception {
        try (Connection c = connect(port); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from acknowledged")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
