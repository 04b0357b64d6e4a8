package io.mobim.clearing;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The one lock that serialises what changes matching or settlement state (a matching run, a statement, an agreement
 * version, a dispute decision) across every clearing instance: a PostgreSQL transaction-level advisory lock, released
 * at commit or rollback. Ingest takes it shared ({@link #acquireShared}): ingests run side by side, and a matching run
 * waits for those in flight, so every record it does not see gets a higher {@code seq} than the run's high-water mark.
 */
public final class ClearingLock {

    /** The advisory lock key: "CLEARING" in ASCII, so it is recognisable in pg_locks. */
    private static final long KEY = 0x434C454152494E47L;

    private ClearingLock() {
    }

    /** Takes the lock for the current transaction; waits while another holds it. */
    public static void acquire(JdbcTemplate jdbc) {
        jdbc.queryForObject("select pg_advisory_xact_lock(?)::text", String.class, KEY);
    }

    /** Takes the lock shared with other ingests for the current transaction; waits while it is held exclusively. */
    public static void acquireShared(JdbcTemplate jdbc) {
        jdbc.queryForObject("select pg_advisory_xact_lock_shared(?)::text", String.class, KEY);
    }
}
