package io.mobim.smpp.mt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsMt;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which MTs are held in memory: at most {@code mobim.smpp.mt.max-in-memory}. MTs are taken durably into the
 * {@link MtLedger} (a request id taken before is a duplicate and is not sent again); when they fit they go
 * straight to the dispatcher, otherwise they wait PENDING in the ledger ("spilled") and are read back a page at a
 * time, in the order they were taken, once at most half the limit is held (after an SMS-C outage, or a restart).
 *
 * <p>Which MTs of the ledger are this gateway's ({@link Ownership}): all of them, or, with several gateways sharing
 * the ledger, those of the {@code sms.mt.v1} partitions Kafka assigned to this one. Then each owned partition has
 * its own place up to which its MTs were admitted; a partition assigned is read back from its start (its PENDING
 * MTs, left by the previous owner), and an MT of a partition no longer owned is dropped from memory when its turn
 * comes ({@link #dropIfNotOwned}), left PENDING for the new owner.
 */
final class MtBacklog {

    /** Which MTs of the shared ledger this gateway sends. */
    enum Ownership {
        /** Every MT of the ledger: a gateway on its own, or one that is not fed by the Kafka listener. */
        ALL,
        /**
         * Those of the {@code sms.mt.v1} partitions assigned to this gateway; the MTs of no partition (taken before
         * the ledger recorded partitions) belong to the owner of partition 0.
         */
        ASSIGNED
    }

    private static final Logger log = LoggerFactory.getLogger(MtBacklog.class);

    private final MtLedger ledger;
    private final int maxInMemory;
    private final Clock clock;
    private final RetryScheduler pager;
    private final Consumer<MtJob> admit;
    private final Counter duplicates;
    private final AtomicInteger inMemory = new AtomicInteger();
    /** Serialises taking MTs and paging them in from the ledger, so that none is skipped or held twice. */
    private final Object admission = new Object();
    private volatile Ownership ownership = Ownership.ALL;
    /** ALL: the position up to which the ledger's MTs were admitted (held, or finished). Guarded by admission. */
    private long admittedUpTo;
    /** ASSIGNED: the partitions owned, each with the position up to which its MTs were admitted. Guarded by admission. */
    private final Map<Integer, Long> admittedUpToByPartition = new HashMap<>();
    /** ASSIGNED: the keys of {@link #admittedUpToByPartition}, read without the lock. */
    private volatile Set<Integer> owned = Set.of();
    /** Request ids held in memory: a partition assigned again is read from its start, and none is held twice. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private volatile boolean spilled;
    private volatile boolean closed;

    /**
     * @param pager the thread pages are read on
     * @param admit hands an MT now held in memory to the dispatcher
     */
    MtBacklog(MtLedger ledger, int maxInMemory, RetryScheduler pager, Consumer<MtJob> admit, MeterRegistry registry,
              Clock clock) {
        this.ledger = ledger;
        this.maxInMemory = maxInMemory;
        this.pager = pager;
        this.admit = admit;
        this.clock = clock;
        duplicates = Counter.builder("mobim.smpp.mt").tag("outcome", "duplicate")
                .description("MTs whose request id was already taken").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", this, b -> b.spilled ? 1 : 0).tag("state", "spilled")
                .description("1 while PENDING MTs wait in the ledger only (more than max-in-memory)").register(registry);
    }

    /** MTs held in memory: queued, sending or waiting to retry. */
    int inMemory() {
        return inMemory.get();
    }

    /**
     * From now on this gateway sends only the MTs of the partitions {@link #assigned} to it; before {@link #resume}.
     */
    void ownAssignedPartitions() {
        synchronized (admission) {
            if (inMemory.get() > 0) {
                throw new IllegalStateException("MTs are already held: ownership must be set before the sender starts");
            }
            ownership = Ownership.ASSIGNED;
        }
    }

    /** Whether every MT of the ledger is this gateway's to send, whatever its partition. */
    boolean ownsEveryMt() {
        return ownership == Ownership.ALL;
    }

    /** Whether {@code job}'s partition is this gateway's. */
    boolean owns(MtJob job) {
        return ownership == Ownership.ALL || owned.contains(job.partition);
    }

    /**
     * Takes a poll of MTs with one ledger write ({@link MtLedger#take}); returns how many were new, once they are
     * durable. Duplicates (taken before, or twice in {@code offers}) are counted and not sent again. An MT of a
     * partition not owned (none should come) stays PENDING in the ledger for its owner.
     */
    int take(List<MtLedger.Offer> offers) {
        List<MtLedger.Taken> taken;
        boolean spill = false;
        synchronized (admission) {
            taken = ledger.take(offers, clock.instant());
            List<MtLedger.Taken> ours = ownership == Ownership.ALL ? taken
                    : taken.stream().filter(t -> owned.contains(t.partition())).toList();
            if (!spilled && inMemory.get() + ours.size() <= maxInMemory) {
                for (MtLedger.Taken t : ours) {
                    hold(new MtJob(t.mt(), t.partition()));
                    admitted(t.partition(), t.position());
                }
            } else if (!ours.isEmpty()) {
                spilled = true; // they wait in the ledger; the pager reads them back in order
                spill = true;
            }
        }
        if (spill) {
            // nothing may be in memory to page them in when it finishes (an idle gateway, a poll larger than the
            // limit), or the last MT held finished just before they spilled
            maybePageIn();
        }
        if (taken.size() < offers.size()) {
            duplicates.increment(offers.size() - taken.size());
            log.debug("{} of {} MTs were duplicate request ids: not sent again", offers.size() - taken.size(), offers.size());
        }
        return taken.size();
    }

    /**
     * At start: whatever is PENDING in the ledger comes in through the pager (with {@link Ownership#ASSIGNED}, none
     * yet: a partition's come in when it is assigned). Returns how many came in now.
     */
    int resume() {
        synchronized (admission) {
            if (ownership == Ownership.ASSIGNED) {
                return 0;
            }
            spilled = true;
            admittedUpTo = 0;
        }
        return pageIn();
    }

    /** Partitions assigned to this gateway: their PENDING MTs (left by their previous owner) come in from the start. */
    void assigned(Collection<Integer> partitions) {
        synchronized (admission) {
            if (ownership != Ownership.ASSIGNED) {
                throw new IllegalStateException("partitions assigned to a gateway that owns every MT");
            }
            for (int p : partitions) {
                admittedUpToByPartition.putIfAbsent(p, 0L);
                if (p == 0) {
                    admittedUpToByPartition.putIfAbsent(MtLedger.NO_PARTITION, 0L);
                }
            }
            owned = Set.copyOf(admittedUpToByPartition.keySet());
            spilled = true;
        }
        maybePageIn();
    }

    /**
     * Partitions revoked: their MTs not yet submitted are dropped when their turn comes ({@link #dropIfNotOwned}),
     * PENDING in the ledger for the new owner; none of them is read back any more.
     */
    void revoked(Collection<Integer> partitions) {
        synchronized (admission) {
            for (int p : partitions) {
                admittedUpToByPartition.remove(p);
                if (p == 0) {
                    admittedUpToByPartition.remove(MtLedger.NO_PARTITION);
                }
            }
            owned = Set.copyOf(admittedUpToByPartition.keySet());
        }
    }

    /**
     * If {@code job}'s partition is no longer this gateway's, it leaves memory, PENDING in the ledger for the new
     * owner, and true is returned. Under the admission lock, so that a partition assigned again at the same time
     * reads it back rather than losing it.
     */
    boolean dropIfNotOwned(MtJob job) {
        if (owns(job)) {
            return false;
        }
        synchronized (admission) {
            if (owns(job)) {
                return false;
            }
            held.remove(job.mt.requestId());
            inMemory.decrementAndGet();
        }
        maybePageIn();
        return true;
    }

    /** The partitions owned (with {@link Ownership#ASSIGNED}; {@link MtLedger#NO_PARTITION} with partition 0). */
    Set<Integer> owned() {
        return owned;
    }

    /** Whether PENDING MTs are waiting in the ledger only. */
    boolean spilled() {
        return spilled;
    }

    /** An MT held in memory is done (finished, or left PENDING at shutdown): room for the ones waiting. */
    void released(MtJob job) {
        held.remove(job.mt.requestId());
        inMemory.decrementAndGet();
        maybePageIn();
    }

    private void hold(MtJob job) {
        held.add(job.mt.requestId());
        inMemory.incrementAndGet();
        admit.accept(job);
    }

    /** Its partition's MTs up to {@code position} are admitted. */
    private void admitted(int partition, long position) {
        if (ownership == Ownership.ALL) {
            admittedUpTo = Math.max(admittedUpTo, position);
        } else {
            admittedUpToByPartition.computeIfPresent(partition, (p, upTo) -> Math.max(upTo, position));
        }
    }

    /** Reads PENDING MTs back from the ledger while there is room; returns how many came in. */
    private int pageIn() {
        int in = 0;
        synchronized (admission) {
            while (spilled && !closed) {
                int room = maxInMemory - inMemory.get();
                // no page of a handful while most of the room is taken; never a page of none (a limit of 1)
                if (room <= 0 || room < Math.min(maxInMemory, 100) && room < maxInMemory / 2) {
                    break;
                }
                List<MtLedger.Pending> page = ownership == Ownership.ALL ? ledger.pendingAfter(admittedUpTo, room)
                        : ledger.pendingAfter(Map.copyOf(admittedUpToByPartition), room);
                for (MtLedger.Pending p : page) {
                    if (!held.contains(p.mt().requestId())) { // not one held since before its partition was revoked
                        hold(MtJob.resumed(p));
                        in++;
                    }
                }
                if (!page.isEmpty()) {
                    // every owned partition's PENDING MTs up to the page's last are in: the next page starts after it
                    long last = page.get(page.size() - 1).position();
                    admittedUpTo = last;
                    admittedUpToByPartition.replaceAll((p, upTo) -> Math.max(upTo, last));
                }
                if (page.size() < room) {
                    spilled = false;
                }
            }
        }
        return in;
    }

    private void maybePageIn() {
        if (spilled && !closed && inMemory.get() <= maxInMemory / 2) {
            // on the pager's thread: the caller may be jSMPP's, or the Kafka listener's
            pager.execute(this::pageInOrRetry);
        }
    }

    private void pageInOrRetry() {
        try {
            pageIn();
        } catch (RuntimeException e) {
            // nothing else may come to page them in (no MT left in memory): look again later
            log.warn("reading PENDING MTs from the ledger failed ({}); trying again in 1 s", e.toString());
            pager.schedule(this::maybePageIn, 1_000);
        }
    }

    void close() {
        closed = true;
    }
}
