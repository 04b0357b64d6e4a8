package io.mobim.smpp.mo;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The IM core's lag counted where it runs in the gateway's process (the all-in-one): MOs published and not refused,
 * less those the IM core says it has handled ({@link #handled}). Exact at every moment, where a read of the
 * consumer group's committed offsets is as old as its last commit. MOs the IM core handles that this process did not
 * publish (a backlog from before a restart) never make the count negative.
 */
public final class HandledMoLag implements MoLag {

    private final AtomicLong outstanding = new AtomicLong();

    @Override
    public long estimate() {
        return outstanding.get();
    }

    @Override
    public void publishing() {
        outstanding.incrementAndGet();
    }

    @Override
    public void settled(boolean stored) {
        if (!stored) {
            outstanding.updateAndGet(n -> Math.max(0, n - 1));
        }
    }

    /** The IM core has handled {@code count} MOs of {@code sms.mo.v1} (committed, dead-lettered or found handled). */
    public void handled(int count) {
        outstanding.updateAndGet(n -> Math.max(0, n - count));
    }
}
