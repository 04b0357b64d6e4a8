package io.mobim.smpp.codec;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the parts of long MOs wait for each other: {@link Reassembler} in memory, or
 * {@code JdbcMoPartStore} in PostgreSQL so that parts already acknowledged to the SMS-C survive a restart.
 */
public interface PartStore {

    /** Adds a part; returns the whole message when this part completed it (duplicates change nothing). */
    Optional<Reassembler.Assembled> offer(Reassembler.Part part, Instant now);

    /** Puts back every part of {@code assembled} except {@code exceptSeq}, which the sender will resend. */
    void restore(Reassembler.Assembled assembled, int exceptSeq, Instant now);

    /** Drops incomplete messages whose first part is older than the timeout; returns how many. */
    int expire(Instant now);

    /** Messages waiting for parts. */
    int pendingCount();
}
