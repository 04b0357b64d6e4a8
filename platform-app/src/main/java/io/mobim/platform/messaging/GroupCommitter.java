package io.mobim.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs requests that arrive together as one batch, in one transaction: {@code batch} takes them all and answers
 * each (a value, or the exception that request alone ends with). The first committer takes whatever is queued when
 * it is free, so a lone request goes at once, and under load the next batch gathers while one commits; while
 * requests come in together (its last batch held more than one), it also lets a batch gather for the {@code linger}
 * after its first request, unless the batch fills first, so that each transaction's fixed costs (planning, round
 * trips, the commit) spread over more requests. The other committers join in only while more than a full batch is
 * waiting (the first has fallen behind), each taking a full one: two committers splitting the queue between them
 * would make more, smaller transactions competing for the same cores, which on a machine shared with PostgreSQL cost
 * more CPU per request than they save in waiting. When a batch fails as a whole (a database error rolls its transaction
 * back), each of its requests is run again alone by {@code alone}, in its own transaction, so one bad request never
 * fails the others.
 */
final class GroupCommitter<Q, R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitter.class);
    /** How often a further committer looks whether the first has fallen more than a batch behind. */
    private static final long OVERFLOW_CHECK_MILLIS = 5;

    private final String name;
    private final Function<List<Q>, List<Answer<R>>> batch;
    private final Function<Q, R> alone;
    private final int committers;
    private final int maxBatch;
    private final long lingerNanos;
    /** Whether the first committer's last batch held more than one request: requests are coming in together. */
    private boolean together;
    private final BlockingQueue<Pending<Q, R>> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchSizes;
    private final Counter fallbacks;
    private final Counter overflowBatches;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    GroupCommitter(String name, Function<List<Q>, List<Answer<R>>> batch, Function<Q, R> alone,
                   MessagingSettings.GroupCommit settings, MeterRegistry meters) {
        this.name = name;
        this.batch = batch;
        this.alone = alone;
        this.committers = settings.committers();
        this.maxBatch = settings.maxBatch();
        this.lingerNanos = settings.linger().toNanos();
        this.batchSizes = DistributionSummary.builder("mobim.messaging.group-commit.batch").tag("operation", name)
                .description("Requests committed together in one transaction").register(meters);
        this.fallbacks = Counter.builder("mobim.messaging.group-commit.fallbacks").tag("operation", name)
                .description("Batches that failed as a whole and were run one by one").register(meters);
        this.overflowBatches = Counter.builder("mobim.messaging.group-commit.overflow-batches").tag("operation", name)
                .description("Full batches committed by a further committer because more than one was waiting").register(meters);
    }

    /** One request's answer from a batch: its value, or what it alone ended with. */
    record Answer<R>(R value, RuntimeException error) {

        static <R> Answer<R> of(R value) {
            return new Answer<>(value, null);
        }

        static <R> Answer<R> failed(RuntimeException error) {
            return new Answer<>(null, error);
        }
    }

    /** Runs one request with whichever others arrive at the same moment, and waits for the commit. */
    R call(Q request) {
        try {
            return submit(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Queues one request; the future completes once it is committed (or failed). */
    CompletableFuture<R> submit(Q request) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("messaging is not running: the request was not taken"));
        }
        Pending<Q, R> p = new Pending<>(request, new CompletableFuture<>(), System.nanoTime());
        queue.add(p);
        return p.result();
    }

    /** The first committer: commits whatever is queued, as soon as it is free; at the end, fails what is left. */
    private void commitLoop() {
        run(this::takeQueued, () -> running || !queue.isEmpty());
        Pending<Q, R> left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("messaging stopped before the request was committed"));
        }
    }

    /** Another committer: takes a full batch whenever more than one is waiting, and otherwise looks again shortly. */
    private void overflowLoop() {
        run(this::takeFullBatch, () -> running);
    }

    private void run(Taker<Q, R> take, BooleanSupplier going) {
        List<Pending<Q, R>> taken = new ArrayList<>(maxBatch);
        while (going.getAsBoolean()) {
            try {
                if (take.fill(taken)) {
                    commit(taken);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Group committer {} failed; its batch was completed with the error", name, e);
                taken.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                taken.clear();
            }
        }
    }

    private boolean takeQueued(List<Pending<Q, R>> taken) throws InterruptedException {
        Pending<Q, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
            together = false;
            return false;
        }
        taken.add(first);
        queue.drainTo(taken, maxBatch - 1);
        if (together && lingerNanos > 0) {
            // requests are coming in together: let this batch gather for the linger (from its first request's arrival)
            long deadline = first.queuedAt() + lingerNanos;
            long left;
            while (taken.size() < maxBatch && (left = deadline - System.nanoTime()) > 0) {
                Pending<Q, R> next = queue.poll(left, TimeUnit.NANOSECONDS);
                if (next == null) {
                    break;
                }
                taken.add(next);
                queue.drainTo(taken, maxBatch - taken.size());
            }
        }
        together = taken.size() > 1;
        return true;
    }

    private boolean takeFullBatch(List<Pending<Q, R>> taken) throws InterruptedException {
        if (queue.size() <= maxBatch) {
            Thread.sleep(OVERFLOW_CHECK_MILLIS);
            return false;
        }
        queue.drainTo(taken, maxBatch);
        if (taken.isEmpty()) {
            return false;
        }
        overflowBatches.increment();
        return true;
    }

    /** Fills {@code taken} with a batch to commit; false if there is none now. */
    @FunctionalInterface
    private interface Taker<Q, R> {
        boolean fill(List<Pending<Q, R>> taken) throws InterruptedException;
    }

    private void commit(List<Pending<Q, R>> taken) {
        batchSizes.record(taken.size());
        List<Answer<R>> answers;
        try {
            answers = batch.apply(taken.stream().map(Pending::request).toList());
        } catch (RuntimeException e) {
            if (taken.size() == 1) {
                taken.getFirst().result().completeExceptionally(e);
                return;
            }
            // rolled back as a whole: nothing of it is stored; each request alone shows which one fails
            fallbacks.increment();
            log.warn("A batch of {} {} requests failed as a whole ({}); running them one by one", taken.size(), name, e.toString());
            for (Pending<Q, R> p : taken) {
                try {
                    p.result().complete(alone.apply(p.request()));
                } catch (RuntimeException one) {
                    p.result().completeExceptionally(one);
                }
            }
            return;
        }
        for (int i = 0; i < taken.size(); i++) {
            Answer<R> a = answers.get(i);
            if (a.error() != null) {
                taken.get(i).result().completeExceptionally(a.error());
            } else {
                taken.get(i).result().complete(a.value());
            }
        }
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        threads.add(Thread.ofPlatform().name(name + "-committer-0").daemon().start(this::commitLoop));
        for (int i = 1; i < committers; i++) {
            threads.add(Thread.ofPlatform().name(name + "-committer-" + i).daemon().start(this::overflowLoop));
        }
    }

    /** Takes no new requests, commits the queued ones, then ends the committers. */
    synchronized void stop(Duration timeout) {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    boolean isRunning() {
        return running;
    }

    private record Pending<Q, R>(Q request, CompletableFuture<R> result, long queuedAt) {
    }
}
