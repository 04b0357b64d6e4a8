package io.mobim.smpp.mt;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes "outcome published" marks to the {@link MtLedger} on a thread of its own, as many at once as have
 * queued up: one statement per group instead of one per MT, and never on the Kafka producer's I/O thread
 * (whose callbacks complete every MO acknowledgement too). A mark not yet written is harmless: after a restart
 * the outcome is published again, and a receipt waits (the SMS-C retries it) until the mark is there.
 */
final class OutcomeMarks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutcomeMarks.class);
    private static final int MOST_AT_ONCE = 1_000;

    private final MtLedger ledger;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;

    OutcomeMarks(MtLedger ledger) {
        this.ledger = ledger;
        this.writer = new Thread(this::run, "smpp-mt-outcome-marks");
        writer.setDaemon(true);
        writer.start();
    }

    void add(String requestId) {
        queue.add(requestId);
    }

    private void run() {
        List<String> batch = new ArrayList<>();
        long backoff = 100;
        while (!closed || !queue.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    String first = queue.poll(200, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                }
                queue.drainTo(batch, MOST_AT_ONCE - batch.size());
                ledger.outcomesPublished(batch);
                batch.clear();
                backoff = 100;
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                if (closed) {
                    break; // the next start publishes these outcomes again
                }
                log.warn("could not mark {} MT outcomes as published ({}); retrying in {} ms", batch.size(), e.toString(), backoff);
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stop) {
                    break;
                }
                backoff = Math.min(10_000, backoff * 2);
            }
        }
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
