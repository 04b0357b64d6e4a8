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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Group commit of sends for callers without a transaction of their own (a client's request, a load driver): the
 * sends that arrive together are decided, stored and committed together by {@link Messaging#sendAll}, one
 * transaction and a handful of statements for the lot instead of four round trips and a commit each. Nobody waits
 * for a batch to fill: a committer takes whatever is queued when it is free, so a lone send goes at once, and under
 * load the next batch gathers while one commits. When a batch fails as a whole (a database error, such as two
 * batches racing on one client message id), each of its sends is retried alone in its own transaction, so one
 * bad send never fails the others. Callers inside a transaction use {@link Messaging#send}, which joins it.
 */
public final class SendBatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SendBatcher.class);

    private final Messaging messaging;
    private final int committers;
    private final int maxBatch;
    private final Duration stopTimeout;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final DistributionSummary batchSizes;
    private final Counter fallbacks;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    /** {@code messaging} must be the transactional bean (its {@code sendAll} opens the batch's transaction). */
    SendBatcher(Messaging messaging, MessagingSettings.GroupCommit settings, Duration stopTimeout, MeterRegistry meters) {
        this.messaging = messaging;
        this.committers = settings.committers();
        this.maxBatch = settings.maxBatch();
        this.stopTimeout = stopTimeout;
        this.batchSizes = DistributionSummary.builder("mobim.messaging.group-commit.batch")
                .description("Sends committed together in one transaction").baseUnit("messages").register(meters);
        this.fallbacks = Counter.builder("mobim.messaging.group-commit.fallbacks")
                .description("Batches that failed as a whole and were sent one by one").register(meters);
    }

    /**
     * Sends one message with whichever others are being sent at the same moment, and waits for the commit.
     *
     * @throws MessageRefused if nothing was accepted (nothing is then stored or charged)
     */
    public SendResult send(SendRequest request) {
        try {
            return submit(request).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** Queues one message; the future completes once it is committed (or refused, or failed). */
    public CompletableFuture<SendResult> submit(SendRequest request) {
        if (!running) {
            return CompletableFuture.failedFuture(new IllegalStateException("messaging is not running: the send was not accepted"));
        }
        Pending p = new Pending(request, new CompletableFuture<>());
        queue.add(p);
        return p.result();
    }

    private void commitLoop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                log.error("Send committer failed; its batch was completed with the error", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.result().completeExceptionally(new IllegalStateException("messaging stopped before the send was committed"));
        }
    }

    private void commit(List<Pending> batch) {
        batchSizes.record(batch.size());
        List<SendOutcome> outcomes;
        try {
            outcomes = messaging.sendAll(batch.stream().map(Pending::request).toList());
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.getFirst().result().completeExceptionally(e);
                return;
            }
            // rolled back as a whole: nothing of it is stored; each send alone shows which one fails
            fallbacks.increment();
            log.warn("A batch of {} sends failed as a whole ({}); sending them one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                SendRequest q = p.request();
                try {
                    p.result().complete(messaging.send(q.sender(), q.target(), q.body(), q.origin(), q.clientMessageId(), q.deliveryReport()));
                } catch (RuntimeException one) {
                    p.result().completeExceptionally(one);
                }
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            SendOutcome o = outcomes.get(i);
            if (o.refusal() != null) {
                batch.get(i).result().completeExceptionally(o.refusal());
            } else {
                batch.get(i).result().complete(o.result());
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        for (int i = 0; i < committers; i++) {
            threads.add(Thread.ofPlatform().name("send-committer-" + i).daemon().start(this::commitLoop));
        }
    }

    /** Takes no new sends, commits the queued ones, then ends the committers. */
    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + stopTimeout.toNanos();
        for (Thread t : threads) {
            try {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        threads.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Pending(SendRequest request, CompletableFuture<SendResult> result) {
    }
}
