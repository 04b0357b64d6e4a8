package io.mobim.platform.ratingyield;

import java.time.Duration;

/**
 * Whether billing's consumers should stand aside for the SMS path, decided from the path's backlog: the MOs the
 * gateway has acknowledged and the IM core has not yet handled. Where billing shares the process (and its cores)
 * with the SMS path, a burst of commands is served first and rated after it: rating lags by the burst, the
 * subscriber does not. The IM core takes MOs a poll at a time, so the backlog dips between polls in the middle of a
 * burst: a burst has ended when the backlog has stayed cleared for {@code settleFor}. A backlog that lasts longer
 * than {@code maxDeferral} is no burst but overload, and then billing runs beside the path again until the backlog
 * has settled, so that rating is never starved.
 *
 * <p>Not thread-safe: one scheduler thread calls {@link #next}.
 */
public final class RatingYield {

    /** What billing's consumers should do now. */
    public enum State {
        /** Rating runs. */
        RATING,
        /** Rating stands aside for a burst. */
        YIELDING,
        /** Rating runs through an overload that outlasted {@code maxDeferral}, until the backlog settles. */
        RATING_THROUGH_OVERLOAD
    }

    private final long yieldAbove;
    private final long clearBelow;
    private final long settleNanos;
    private final long maxDeferralNanos;
    private State state = State.RATING;
    private long yieldingSince;
    private boolean clearing;
    private long clearSince;

    /**
     * @param yieldAbove  a backlog above this many MOs is a burst: rating yields
     * @param clearBelow  a backlog below this has cleared
     * @param settleFor   how long it stays cleared before rating resumes (and may yield again)
     * @param maxDeferral the longest rating stands aside at a time
     */
    public RatingYield(long yieldAbove, long clearBelow, Duration settleFor, Duration maxDeferral) {
        if (clearBelow > yieldAbove) {
            throw new IllegalArgumentException("the backlog that clears a burst (" + clearBelow
                    + ") must not be above the one that starts it (" + yieldAbove + ")");
        }
        this.yieldAbove = yieldAbove;
        this.clearBelow = clearBelow;
        this.settleNanos = settleFor.toNanos();
        this.maxDeferralNanos = maxDeferral.toNanos();
    }

    /** The state for a backlog of {@code backlog} MOs seen at {@code nanoTime} (any monotonic clock in ns). */
    public State next(long backlog, long nanoTime) {
        state = switch (state) {
            case RATING -> {
                if (backlog > yieldAbove) {
                    yieldingSince = nanoTime;
                    clearing = false;
                    yield State.YIELDING;
                }
                yield State.RATING;
            }
            case YIELDING -> {
                if (settled(backlog, nanoTime)) {
                    yield State.RATING;
                }
                yield nanoTime - yieldingSince >= maxDeferralNanos ? State.RATING_THROUGH_OVERLOAD : State.YIELDING;
            }
            case RATING_THROUGH_OVERLOAD -> settled(backlog, nanoTime) ? State.RATING : State.RATING_THROUGH_OVERLOAD;
        };
        return state;
    }

    /** Whether the backlog has stayed below {@code clearBelow} for {@code settleFor}, as of this look. */
    private boolean settled(long backlog, long nanoTime) {
        if (backlog >= clearBelow) {
            clearing = false;
            return false;
        }
        if (!clearing) {
            clearing = true;
            clearSince = nanoTime;
        }
        return nanoTime - clearSince >= settleNanos;
    }
}
