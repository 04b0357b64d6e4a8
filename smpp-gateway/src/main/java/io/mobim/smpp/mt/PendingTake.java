package io.mobim.smpp.mt;

/**
 * MTs written into the ledger in a caller's database transaction ({@link MtSender#takeInCallersTransaction}), waiting
 * for its outcome. Other takes wait until it is {@link #completed}, so the caller completes it as soon as its
 * transaction ends, on the same thread.
 */
public interface PendingTake {

    /** How many of the MTs are new (the others were taken before, and are not sent again). */
    int taken();

    /** The caller's transaction committed: the MTs are held for sending (or wait in the ledger when too many are held). */
    void committed();

    /** The caller's transaction ended, after {@link #committed} if it committed. Idempotent. */
    void completed(boolean committed);
}
