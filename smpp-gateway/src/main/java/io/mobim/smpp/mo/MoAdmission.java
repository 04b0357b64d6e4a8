package io.mobim.smpp.mo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.esme.DeliverReply;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Admission control for MOs ({@code mobim.smpp.mo.admission.*}): while the work the platform has taken and not yet
 * answered is at a limit (the MTs queued in this gateway at {@code mt-limit}, or the IM core's lag on
 * {@code sms.mo.v1}, {@link MoLag}, at {@code im-lag-limit}), an MO deliver_sm is held: not published, not answered, so the SMS-C's window stops it sending more. Held
 * MOs are taken in arrival order by one thread ({@code smpp-mo-admission}) as the backlogs fall below their limits; an
 * MO arriving while others are held queues behind them, so order per sender is kept. One held longer than
 * {@code max-hold} is answered ESME_RX_T_APPN without being published, and the SMS-C delivers it again later.
 * No jSMPP thread waits: the PDU thread either takes the MO at once or leaves it in the queue.
 */
public final class MoAdmission implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MoAdmission.class);
    /** How often a blocked admission looks at the backlog again: the MT queue falls between reads of the lag. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(2);

    private record Held(long since, Runnable take, DeliverReply reply) {
    }

    private final SmppProperties.Admission config;
    private final IntSupplier mtQueue;
    private final MoLag lag;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Held> held = new ArrayDeque<>();
    /** The releaser is taking the MO it removed from the queue: a new MO must not overtake it. */
    private boolean releasing;
    private volatile boolean closed;
    private volatile int heldNow;
    private final AtomicLong lastMtQueue = new AtomicLong();
    private final AtomicLong lastLag = new AtomicLong();
    private final Counter heldCount;
    private final Counter refusedCount;
    private final Thread releaser;

    /**
     * @param mtQueue MTs queued in this gateway's memory for a window slot or their handset's turn
     * @param lag the IM core's lag on {@code sms.mo.v1} ({@link MoLag#NONE} without Kafka)
     */
    public MoAdmission(SmppProperties.Admission config, IntSupplier mtQueue, MoLag lag, MeterRegistry registry) {
        this.config = config;
        this.mtQueue = mtQueue;
        this.lag = lag;
        this.heldCount = Counter.builder("mobim.smpp.mo.admission").tag("outcome", "held")
                .description("MO deliver_sm held while the backlog was at the limit, and those refused after the longest hold")
                .register(registry);
        this.refusedCount = Counter.builder("mobim.smpp.mo.admission").tag("outcome", "refused-after-hold").register(registry);
        Gauge.builder("mobim.smpp.mo.admission.held", () -> heldNow)
                .description("MO deliver_sm held unanswered while the backlog is at the limit").register(registry);
        Gauge.builder("mobim.smpp.mo.admission.backlog", lastMtQueue, AtomicLong::get).tag("signal", "mt-queue")
                .description("the backlog admission last looked at: MTs queued, the IM core's lag on sms.mo.v1")
                .register(registry);
        Gauge.builder("mobim.smpp.mo.admission.backlog", lastLag, AtomicLong::get).tag("signal", "im-lag").register(registry);
        this.releaser = new Thread(this::release, "smpp-mo-admission");
        releaser.setDaemon(true);
        if (config.enabled()) {
            releaser.start();
        }
    }

    /**
     * Takes an MO deliver_sm now ({@code take} runs on the caller's thread) if the backlogs are below their limits and
     * nothing is held, or else holds it: {@code take} then runs on the admission thread once the backlog allows, or
     * {@code reply} is answered ESME_RX_T_APPN after {@code max-hold}.
     */
    public void offer(DeliverReply reply, Runnable take) {
        if (!config.enabled()) {
            take.run();
            return;
        }
        boolean now;
        lock.lock();
        try {
            now = !closed && held.isEmpty() && !releasing && belowLimit();
            if (!now) {
                held.addLast(new Held(System.nanoTime(), take, reply));
                heldNow = held.size();
                arrived.signal();
            }
        } finally {
            lock.unlock();
        }
        if (now) {
            take.run();
        } else {
            heldCount.increment();
            if (closed) {
                answerHeld();
            }
        }
    }

    /** MO deliver_sm held now. */
    public int held() {
        return heldNow;
    }

    private boolean belowLimit() {
        long mts = mtQueue.getAsInt();
        long mos = lag.estimate();
        lastMtQueue.set(mts);
        lastLag.set(mos);
        return mts < config.mtLimit() && mos < config.imLagLimit();
    }

    private void release() {
        long maxHold = config.maxHold().toNanos();
        List<Held> expired = new ArrayList<>();
        while (!closed) {
            Held next = null;
            lock.lock();
            try {
                while (held.isEmpty() && !closed) {
                    arrived.await();
                }
                long now = System.nanoTime();
                while (!held.isEmpty() && now - held.peekFirst().since() > maxHold) {
                    expired.add(held.pollFirst());
                }
                if (!held.isEmpty()) {
                    if (belowLimit()) {
                        next = held.pollFirst();
                        releasing = true;
                    } else {
                        arrived.awaitNanos(RECHECK_NANOS);
                    }
                }
                heldNow = held.size();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } finally {
                lock.unlock();
            }
            if (!expired.isEmpty()) {
                refusedCount.increment(expired.size());
                log.warn("{} MO deliver_sm held longer than {} (backlog {} MTs queued, limit {}; {} MOs not "
                        + "yet handled, limit {}); answered ESME_RX_T_APPN for the SMS-C to deliver again", expired.size(),
                        config.maxHold(), lastMtQueue.get(), config.mtLimit(), lastLag.get(), config.imLagLimit());
                expired.forEach(h -> h.reply().retryLater());
                expired.clear();
            }
            if (next != null) {
                take(next);
            }
        }
        answerHeld();
    }

    private void take(Held h) {
        try {
            h.take().run();
        } catch (RuntimeException e) {
            log.warn("a held MO failed to be taken ({}); asking the SMS-C to retry", e.toString());
            h.reply().retryLater();
        } finally {
            lock.lock();
            try {
                releasing = false;
            } finally {
                lock.unlock();
            }
        }
    }

    /** On close: what is still held is answered ESME_RX_T_APPN, never published; the SMS-C delivers it again. */
    private void answerHeld() {
        List<Held> left;
        lock.lock();
        try {
            left = new ArrayList<>(held);
            held.clear();
            heldNow = 0;
        } finally {
            lock.unlock();
        }
        left.forEach(h -> h.reply().retryLater());
    }

    @Override
    public void close() {
        closed = true;
        releaser.interrupt();
        answerHeld();
    }
}
