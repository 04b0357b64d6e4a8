package io.mobim.smpp.mt;

import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's durable memory of MTs: which request ids it has taken (so one is never sent twice), which
 * parts the SMS-C accepted and with which message ids (so a retry after a restart resumes at the first
 * part not accepted, and receipts can be matched), and what was reported. {@code JdbcMtLedger} keeps it
 * in the {@code smpp} schema; {@code InMemoryMtLedger} is for tests and a gateway without a database.
 */
public interface MtLedger {

    /** Where an MT stands. */
    enum State {
        /** Taken, not every part accepted yet. */
        PENDING,
        /** Every part accepted by the SMS-C. */
        ACCEPTED,
        /** Refused for good (SMS-C error status, or cannot be encoded). */
        REJECTED,
        /** Its expiry passed before every part was accepted. */
        EXPIRED
    }

    /** An MT that still needs work after a restart: sending (PENDING) or reporting its outcome. */
    record OpenRequest(SmsMt mt, State state, String errorCode, List<String> messageIds, long position) {

        public OpenRequest(SmsMt mt, State state, String errorCode, List<String> messageIds) {
            this(mt, state, errorCode, messageIds, 0);
        }
    }

    /** A part the SMS-C accepted. */
    record AcceptedPart(int seq, String linkId, String messageId) {
    }

    /**
     * The MT part a receipt is about. {@code outcomePublished} tells whether the MT's ACCEPTED is already on
     * Kafka: its receipt outcome must not overtake it. {@code messageId} is the part's SMS-C message id as
     * stored; {@code receiptPublished} whether the MT's receipt outcome is already on Kafka.
     */
    record PartMatch(String requestId, String to, String service, boolean receiptWanted, State state, int seq, int total,
                     boolean outcomePublished, String messageId, boolean receiptPublished) {
    }

    /** The outcome of all of an MT's receipts. */
    record Aggregate(SmsDlr.Status status, String errorCode, List<String> messageIds) {
    }

    /**
     * The partition of an MT not taken from a partition of {@code sms.mt.v1}: taken before the ledger recorded
     * partitions, or handed to the gateway directly. Stored as null.
     */
    int NO_PARTITION = -1;

    /** An MT to take, from partition {@code partition} of {@code sms.mt.v1} (or {@link #NO_PARTITION}). */
    record Offer(SmsMt mt, int partition) {

        /** MTs handed to the gateway directly, from no partition. */
        public static List<Offer> unpartitioned(List<SmsMt> mts) {
            return mts.stream().map(mt -> new Offer(mt, NO_PARTITION)).toList();
        }
    }

    /** An MT taken into the ledger, its place in the order MTs were taken, and its partition. */
    record Taken(SmsMt mt, long position, int partition) {
    }

    /** A PENDING MT read back from the ledger: its place in the order, the parts already accepted, its partition. */
    record Pending(SmsMt mt, long position, List<AcceptedPart> accepted, int partition) {
    }

    /** A part the SMS-C accepted; {@code last} when it is the MT's last part, which makes the MT ACCEPTED. */
    record Acceptance(String requestId, int seq, int total, String linkId, String messageId, boolean last, Instant at) {
    }

    /** A PENDING MT that ends REJECTED or EXPIRED. */
    record Final(String requestId, State state, String errorCode, Instant at) {
    }

    /** The receipt outcome of {@code part}'s MT is on Kafka: the part's receipt and the MT's receipt state. */
    record ReceiptMark(PartMatch part, Aggregate aggregate, Instant at) {
    }

    /** What the ledger writer puts in one transaction. */
    record Batch(List<Acceptance> acceptances, List<Final> finals, List<String> outcomesPublished,
                 List<ReceiptMark> receipts) {

        public int size() {
            return acceptances.size() + finals.size() + outcomesPublished.size() + receipts.size();
        }
    }

    /**
     * Writes {@code batch} in one transaction (one statement per kind of change) and returns the request ids that
     * it moved out of PENDING (last part accepted, rejected or expired): their outcomes are to be published.
     */
    default java.util.Set<String> write(Batch batch) {
        java.util.Set<String> moved = new java.util.HashSet<>();
        for (Acceptance a : batch.acceptances()) {
            if (a.last()) {
                if (lastPartAccepted(a.requestId(), a.seq(), a.total(), a.linkId(), a.messageId(), a.at())) {
                    moved.add(a.requestId());
                }
            } else {
                partAccepted(a.requestId(), a.seq(), a.total(), a.linkId(), a.messageId(), a.at());
            }
        }
        for (Final f : batch.finals()) {
            if (finish(f.requestId(), f.state(), f.errorCode(), f.at())) {
                moved.add(f.requestId());
            }
        }
        outcomesPublished(batch.outcomesPublished());
        for (ReceiptMark r : batch.receipts()) {
            receiptPublished(r.part(), r.aggregate(), r.at());
        }
        return moved;
    }

    /**
     * Takes the new MTs of {@code offers} like {@link #registerAll}, noting each one's partition, and returns them
     * with their place in the order.
     */
    List<Taken> take(List<Offer> offers, Instant now);

    /** PENDING MTs taken after {@code position}, of any partition, in the order they were taken, at most {@code limit}. */
    List<Pending> pendingAfter(long position, int limit);

    /**
     * PENDING MTs of the partitions that are keys of {@code after} ({@link #NO_PARTITION} for those of none), each
     * taken after the position its partition maps to, in the order they were taken, at most {@code limit}.
     */
    List<Pending> pendingAfter(Map<Integer, Long> after, int limit);

    /** Finished MTs whose outcome is not on Kafka yet, taken after {@code position}, at most {@code limit}, in order. */
    List<OpenRequest> unpublishedAfter(long position, int limit);

    /** Takes {@code mt} if its request id is new; false if it was taken before (a duplicate). */
    boolean register(SmsMt mt, Instant now);

    /**
     * Takes every MT of {@code mts} whose request id is new, all or none (one write in the database ledger), and
     * returns those taken, in their order; a request id taken before, or earlier in {@code mts}, is a duplicate.
     */
    default List<SmsMt> registerAll(List<SmsMt> mts, Instant now) {
        return mts.stream().filter(mt -> register(mt, now)).toList();
    }

    /**
     * Forgets MTs taken before {@code cutoff} that are over: final, their outcome published, and valid no longer than
     * {@code cutoff} (no receipt can still be matched to them), with their parts. At most {@code limit} of the oldest
     * at a time; returns how many, so that a caller repeats while the answer is {@code limit}. Once forgotten, a
     * request id is new again: the cutoff must lie before anything {@code sms.mt.v1} could still replay.
     */
    int forget(Instant cutoff, int limit);

    /** MTs still PENDING, or finished with an outcome not yet published. */
    List<OpenRequest> open();

    /** The parts of {@code requestId} accepted so far, in part order. */
    List<AcceptedPart> acceptedParts(String requestId);

    /** Records that part {@code seq} of {@code total} was accepted on {@code linkId} as {@code messageId}. */
    void partAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at);

    /**
     * Records the MT's last part as accepted and moves the MT to ACCEPTED, at once (the common case of a
     * single-part MT costs one write); false if it was no longer PENDING.
     */
    default boolean lastPartAccepted(String requestId, int seq, int total, String linkId, String messageId, Instant at) {
        partAccepted(requestId, seq, total, linkId, messageId, at);
        return finish(requestId, State.ACCEPTED, null, at);
    }

    /** Moves a PENDING MT to its final state; false if it was not PENDING. */
    boolean finish(String requestId, State state, String errorCode, Instant at);

    /** Records that the outcome (ACCEPTED, REJECTED, EXPIRED) is on Kafka. */
    void outcomePublished(String requestId);

    /** Records that the outcomes of {@code requestIds} are on Kafka (one write for many). */
    default void outcomesPublished(Collection<String> requestIds) {
        requestIds.forEach(this::outcomePublished);
    }

    /**
     * The parts whose SMS-C message id on {@code linkId} is one of {@code messageIds}, newest first (the receipt
     * handler picks the exact id before its decimal/hex variants, and checks the recipient).
     */
    List<PartMatch> findParts(String linkId, Collection<String> messageIds);

    /** The newest part whose SMS-C message id on {@code linkId} is one of {@code messageIds}. */
    default Optional<PartMatch> findPart(String linkId, Collection<String> messageIds) {
        return findParts(linkId, messageIds).stream().findFirst();
    }

    /**
     * Records a final receipt for one part (again is harmless) and, when every part has one and the MT's
     * receipt outcome is not yet published, returns it: DELIVERED if every part was, else the first failure.
     */
    Optional<Aggregate> receipt(String requestId, int seq, SmsDlr.Status status, String errorCode, Instant at);

    /** Records that the receipt outcome is on Kafka: {@link #receipt} returns nothing more for it. */
    void receiptPublished(String requestId, SmsDlr.Status status, Instant at);

    /**
     * {@link #receipt(String, int, SmsDlr.Status, String, Instant)} for a part found by {@link #findPart}. A ledger
     * may answer an MT of one part from {@code part} alone (its receipt is the aggregate) and record the part's
     * receipt with {@link #receiptPublished(PartMatch, Aggregate, Instant)}.
     */
    default Optional<Aggregate> receipt(PartMatch part, SmsDlr.Status status, String errorCode, Instant at) {
        return receipt(part.requestId(), part.seq(), status, errorCode, at);
    }

    /** Records that {@code aggregate}, the receipt outcome of {@code part}'s MT, is on Kafka (and the part's receipt, if not yet). */
    default void receiptPublished(PartMatch part, Aggregate aggregate, Instant at) {
        receiptPublished(part.requestId(), aggregate.status(), at);
    }
}
