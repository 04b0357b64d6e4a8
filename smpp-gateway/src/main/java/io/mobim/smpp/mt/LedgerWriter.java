package io.mobim.smpp.mt;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the MT ledger's changes (parts accepted, MTs finished, outcomes published, receipts published) on a
 * thread of its own ({@code smpp-mt-ledger}), as many at once as have queued up (at most
 * {@code mobim.smpp.mt.ledger-batch}): one transaction and one statement per kind of change for the lot
 * ({@link MtLedger#write}), instead of a transaction per MT, and never on a jSMPP or Kafka producer thread. Each
 * change's callback runs once its batch is committed (on this thread: callbacks only hand work on); then the
 * {@link #afterEachBatch} listeners run (held receipts look again). A failed write (the database is away) is
 * retried with backoff until it succeeds: a change is never dropped.
 */
public final class LedgerWriter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LedgerWriter.class);

    /** A change and what to do once it is durable; {@code done} gets whether it moved an MT out of PENDING. */
    private record Op(Object change, Consumer<Boolean> done) {
    }

    /** No change: its callback runs once the changes queued before it are written ({@link #flush}). */
    private record Barrier() {
    }

    private final MtLedger ledger;
    private final int mostAtOnce;
    private final LinkedBlockingQueue<Op> queue = new LinkedBlockingQueue<>();
    private final List<Runnable> afterEachBatch = new CopyOnWriteArrayList<>();
    private final DistributionSummary batchSizes;
    private final Timer batchWrites;
    private final Thread writer;
    private volatile boolean closed;

    public LedgerWriter(MtLedger ledger, int mostAtOnce, MeterRegistry registry) {
        this.ledger = ledger;
        this.mostAtOnce = mostAtOnce;
        this.batchSizes = DistributionSummary.builder("mobim.smpp.ledger.batch.size")
                .description("changes per MT ledger transaction").register(registry);
        this.batchWrites = Timer.builder("mobim.smpp.ledger.batch.latency")
                .description("one MT ledger transaction").register(registry);
        Gauge.builder("mobim.smpp.ledger.queue", queue, LinkedBlockingQueue::size)
                .description("MT ledger changes waiting to be written").register(registry);
        this.writer = new Thread(this::run, "smpp-mt-ledger");
        writer.setDaemon(true);
        writer.start();
    }

    /** Runs after every committed batch. */
    public void afterEachBatch(Runnable listener) {
        afterEachBatch.add(listener);
    }

    void accepted(MtLedger.Acceptance acceptance, Consumer<Boolean> done) {
        queue.add(new Op(acceptance, done));
    }

    void finished(MtLedger.Final fin, Consumer<Boolean> done) {
        queue.add(new Op(fin, done));
    }

    void outcomePublished(String requestId) {
        queue.add(new Op(requestId, null));
    }

    /** Records that a receipt outcome is on Kafka; {@code done} runs once that is durable. */
    public void receiptPublished(MtLedger.ReceiptMark mark, Runnable done) {
        queue.add(new Op(mark, ok -> done.run()));
    }

    /** Waits until the changes queued before this call are written; false if that takes longer than {@code timeout}. */
    boolean flush(java.time.Duration timeout) {
        java.util.concurrent.CompletableFuture<Boolean> written = new java.util.concurrent.CompletableFuture<>();
        queue.add(new Op(new Barrier(), written::complete));
        try {
            return written.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    /** Changes waiting to be written. */
    public int queued() {
        return queue.size();
    }

    private void run() {
        List<Op> ops = new ArrayList<>();
        long backoff = 50;
        while (!closed || !queue.isEmpty()) {
            try {
                if (ops.isEmpty()) {
                    Op first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    ops.add(first);
                    queue.drainTo(ops, mostAtOnce - 1);
                }
                MtLedger.Batch batch = batchOf(ops);
                long start = System.nanoTime();
                Set<String> moved = batch.size() == 0 ? Set.of() : ledger.write(batch);
                batchWrites.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                batchSizes.record(ops.size());
                for (Op op : ops) {
                    if (op.done() != null) {
                        run(op, moved);
                    }
                }
                ops.clear();
                backoff = 50;
                afterEachBatch.forEach(LedgerWriter::quietly);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (closed) {
                    break; // PENDING in the ledger: the next start sends or publishes again
                }
                log.warn("could not write {} MT ledger changes ({}); retrying in {} ms", ops.size(), e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    break;
                }
                backoff = Math.min(5_000, backoff * 2);
            }
        }
    }

    private static void run(Op op, Set<String> moved) {
        String id = switch (op.change()) {
            case MtLedger.Acceptance a -> a.last() ? a.requestId() : null;
            case MtLedger.Final f -> f.requestId();
            default -> null;
        };
        try {
            op.done().accept(id == null || moved.contains(id));
        } catch (RuntimeException e) {
            log.error("after an MT ledger write: {}", e.toString(), e);
        }
    }

    private static void quietly(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.warn("after an MT ledger batch: {}", e.toString());
        }
    }

    private static MtLedger.Batch batchOf(List<Op> ops) {
        List<MtLedger.Acceptance> acceptances = new ArrayList<>();
        List<MtLedger.Final> finals = new ArrayList<>();
        List<String> published = new ArrayList<>();
        List<MtLedger.ReceiptMark> receipts = new ArrayList<>();
        for (Op op : ops) {
            switch (op.change()) {
                case MtLedger.Acceptance a -> acceptances.add(a);
                case MtLedger.Final f -> finals.add(f);
                case String id -> published.add(id);
                case MtLedger.ReceiptMark r -> receipts.add(r);
                case Barrier b -> { }
                default -> throw new IllegalStateException("unknown ledger change " + op.change());
            }
        }
        return new MtLedger.Batch(acceptances, finals, published, receipts);
    }

    /** Writes what is queued (for up to 5 s), then stops. */
    @Override
    public void close() {
        closed = true;
        try {
            writer.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.interrupt();
    }
}
