package io.mobim.smpp.mt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsMt;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which MTs are held in memory: at most {@code mobim.smpp.mt.max-in-memory}. MTs are taken durably into the
 * {@link MtLedger} (a request id taken before is a duplicate and is not sent again); when they fit they go
 * straight to the dispatcher, otherwise they wait PENDING in the ledger ("spilled") and are read back a page at a
 * time, in the order they were taken, once at most half the limit is held (after an SMS-C outage, or a restart).
 */
final class MtBacklog {

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
    private long admittedUpTo;
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
     * Takes a poll of MTs with one ledger write ({@link MtLedger#take}); returns how many were new, once they are
     * durable. Duplicates (taken before, or twice in {@code mts}) are counted and not sent again.
     */
    int take(List<SmsMt> mts) {
        List<MtLedger.Taken> taken;
        boolean spill = false;
        synchronized (admission) {
            taken = ledger.take(mts, clock.instant());
            if (!spilled && inMemory.get() + taken.size() <= maxInMemory) {
                for (MtLedger.Taken t : taken) {
                    hold(new MtJob(t.mt()));
                    admittedUpTo = Math.max(admittedUpTo, t.position());
                }
            } else if (!taken.isEmpty()) {
                spilled = true; // they wait in the ledger; the pager reads them back in order
                spill = true;
            }
        }
        if (spill) {
            // nothing may be in memory to page them in when it finishes (an idle gateway, a poll larger than the
            // limit), or the last MT held finished just before they spilled
            maybePageIn();
        }
        if (taken.size() < mts.size()) {
            duplicates.increment(mts.size() - taken.size());
            log.debug("{} of {} MTs were duplicate request ids: not sent again", mts.size() - taken.size(), mts.size());
        }
        return taken.size();
    }

    /** At start: whatever is PENDING in the ledger comes in through the pager. Returns how many came in now. */
    int resume() {
        synchronized (admission) {
            spilled = true;
            admittedUpTo = 0;
        }
        return pageIn();
    }

    /** Whether PENDING MTs are waiting in the ledger only. */
    boolean spilled() {
        return spilled;
    }

    /** An MT held in memory is done (finished, or left PENDING at shutdown): room for the ones waiting. */
    void released() {
        inMemory.decrementAndGet();
        maybePageIn();
    }

    private void hold(MtJob job) {
        inMemory.incrementAndGet();
        admit.accept(job);
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
                List<MtLedger.Pending> page = ledger.pendingAfter(admittedUpTo, room);
                for (MtLedger.Pending p : page) {
                    hold(MtJob.resumed(p));
                    admittedUpTo = p.position();
                }
                in += page.size();
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
