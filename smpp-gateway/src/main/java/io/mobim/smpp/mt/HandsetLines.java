package io.mobim.smpp.mt;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What the MT dispatcher takes its work from: one line per handset, of which only the head may be submitted, and
 * the queue of MTs whose turn it is. A handset stays busy from its MT's first submit until the MT is done (or waits
 * for a retry); only then does its next MT join the ready queue. The same lock and condition tell the dispatcher
 * that work arrived or that a send window has room again.
 */
final class HandsetLines {

    /** A handset with a part in flight (or retrying), and the MTs to it waiting their turn. */
    private static final class Handset {
        boolean busy;
        final ArrayDeque<MtJob> waiting = new ArrayDeque<>();
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workOrRoom = lock.newCondition();
    private final Map<String, Handset> handsets = new HashMap<>();
    private final ArrayDeque<MtJob> ready = new ArrayDeque<>();
    private volatile boolean roomSignalled;

    /** Puts {@code job} in its handset's line; {@code first}: ahead of the MTs waiting (a retry comes back). */
    void enqueue(MtJob job, boolean first) {
        lock.lock();
        try {
            Handset h = handsets.computeIfAbsent(job.mt.to(), k -> new Handset());
            if (!h.busy) {
                h.busy = true;
                ready.addLast(job);
                workOrRoom.signal();
            } else if (first) {
                h.waiting.addFirst(job);
            } else {
                h.waiting.addLast(job);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The handset's turn passes to its next MT, if any. */
    void release(String to) {
        lock.lock();
        try {
            Handset h = handsets.get(to);
            if (h == null) {
                return;
            }
            MtJob next = h.waiting.pollFirst();
            if (next == null) {
                handsets.remove(to);
            } else {
                ready.addLast(next);
                workOrRoom.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The same MT's next part goes ahead while its handset stays busy. */
    void continueWith(MtJob job) {
        lock.lock();
        try {
            ready.addFirst(job);
            workOrRoom.signal();
        } finally {
            lock.unlock();
        }
    }

    /** The next MT whose turn it is; null after {@code timeoutMillis} without one. */
    MtJob take(long timeoutMillis) throws InterruptedException {
        lock.lock();
        try {
            if (ready.isEmpty()) {
                workOrRoom.await(timeoutMillis, TimeUnit.MILLISECONDS);
            }
            return ready.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    /** Called when a window slot frees up or a paused link resumes: wakes the dispatcher waiting for room. */
    void signalRoom() {
        roomSignalled = true;
        lock.lock();
        try {
            workOrRoom.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Before asking the links for room: a signal after this wakes {@link #awaitRoom}. */
    void expectRoom() {
        roomSignalled = false;
    }

    /** Waits briefly for room, unless it was signalled since {@link #expectRoom}. */
    void awaitRoom() throws InterruptedException {
        lock.lock();
        try {
            if (!roomSignalled) {
                workOrRoom.await(5, TimeUnit.MILLISECONDS);
            }
        } finally {
            lock.unlock();
        }
    }
}
