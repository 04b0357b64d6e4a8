package io.mobim.platform.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.mo.MoSink;
import io.mobim.smpp.mo.MoSinkDecorator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The all-in-one's short way for MOs: the SMPP gateway of this process hands each MO here instead of to
 * {@code sms.mo.v1}, and the SMS-C is acknowledged once the MO's command is committed. Each lane thread takes what
 * has queued since its last transaction and handles it as a set in one transaction ({@link SmsCommandBatch}, the
 * same as a poll of {@code sms.mo.v1}); the MTs the commands send are written into the gateway's ledger in that
 * transaction and go out when it commits. A subscriber's MOs always go to the same lane, so they take effect in the
 * order they came.
 *
 * <p>A batch that fails (the database is away, a command that cannot be carried out) is handed, MO by MO, to the
 * sink behind (Kafka), whose listener waits out an outage, retries each MO on its own and dead-letters the one that
 * can never be handled; the MOs are acknowledged once Kafka has them. Nothing is acknowledged before it is durable
 * in one place or the other; an MO handled by both (a commit whose answer was lost) is deduplicated by its mark.
 */
final class SmsCommandLane implements MoSinkDecorator, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmsCommandLane.class);

    private final TransactionTemplate tx;
    private final SmsCommandBatch commands;
    private final boolean enabled;
    private final int maxBatch;
    private final long gatherNanos;
    private final List<Lane> lanes = new ArrayList<>();
    private final DistributionSummary batchSize;
    private final Counter handedOn;
    private volatile MoSink next = mo -> CompletableFuture.failedFuture(new IllegalStateException("no sink behind the lane"));
    private volatile boolean closed;

    SmsCommandLane(TransactionTemplate tx, SmsCommandBatch commands, SmsSettings.CommandLane settings, MeterRegistry meters) {
        this.tx = tx;
        this.commands = commands;
        this.enabled = settings.enabled();
        this.maxBatch = settings.maxBatch();
        this.gatherNanos = settings.gather().toNanos();
        this.batchSize = DistributionSummary.builder("mobim.sms.lane.batch").baseUnit("commands")
                .description("MOs handled in one transaction by the in-process command lane").register(meters);
        this.handedOn = Counter.builder("mobim.sms.lane.handed.on")
                .description("MOs of failed lane transactions handed to sms.mo.v1 instead").register(meters);
        for (int i = 0; i < settings.threads(); i++) {
            lanes.add(new Lane("sms-command-lane-" + i));
        }
    }

    @Override
    public MoSink around(MoSink kafka) {
        if (!enabled) {
            return kafka;
        }
        this.next = kafka;
        lanes.forEach(l -> l.thread.start());
        return this::take;
    }

    private CompletableFuture<?> take(SmsMo mo) {
        if (closed) {
            return next.publish(mo);
        }
        Queued q = new Queued(mo, new CompletableFuture<>());
        lanes.get(Math.floorMod(mo.from().hashCode(), lanes.size())).queue.add(q);
        return q.done;
    }

    /** Hands the MOs to Kafka; each is acknowledged when Kafka has it. */
    private void handOn(List<Queued> batch) {
        handedOn.increment(batch.size());
        for (Queued q : batch) {
            CompletableFuture<?> published;
            try {
                published = next.publish(q.mo);
            } catch (RuntimeException e) {
                published = CompletableFuture.failedFuture(e);
            }
            published.whenComplete((ok, failure) -> {
                if (failure == null) {
                    q.done.complete(null);
                } else {
                    q.done.completeExceptionally(failure);
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Lane lane : lanes) {
            lane.thread.interrupt();
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            List<Queued> left = new ArrayList<>();
            lane.queue.drainTo(left);
            left.forEach(q -> q.done.completeExceptionally(new IllegalStateException("shutting down"))); // the SMS-C resends them
        }
    }

    private record Queued(SmsMo mo, CompletableFuture<Object> done) {
    }

    private final class Lane implements Runnable {
        final LinkedBlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
        final Thread thread;

        Lane(String name) {
            thread = new Thread(this, name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            List<Queued> batch = new ArrayList<>(maxBatch);
            List<SmsMo> mos = new ArrayList<>(maxBatch);
            while (!closed) {
                try {
                    Queued first = queue.poll(1, TimeUnit.SECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    gather(batch);
                } catch (InterruptedException e) {
                    return;
                }
                for (Queued q : batch) {
                    mos.add(q.mo);
                }
                handle(batch, mos);
                batch.clear();
                mos.clear();
            }
        }

        /**
         * Adds what else comes within the gathering time of the first MO: the SMS-C sends its next window as soon as
         * the last transaction is acknowledged, and one transaction for all of it costs less than several.
         */
        private void gather(List<Queued> batch) throws InterruptedException {
            long until = System.nanoTime() + gatherNanos;
            while (true) {
                queue.drainTo(batch, maxBatch - batch.size());
                long left = until - System.nanoTime();
                if (batch.size() >= maxBatch || left <= 0) {
                    return;
                }
                Queued q = queue.poll(left, TimeUnit.NANOSECONDS);
                if (q == null) {
                    return;
                }
                batch.add(q);
            }
        }

        private void handle(List<Queued> batch, List<SmsMo> mos) {
            try {
                tx.executeWithoutResult(status -> commands.handleAll(mos));
            } catch (RuntimeException e) {
                log.warn("{} MOs (first from {}) could not be handled in the lane ({}); handing them to sms.mo.v1", mos.size(),
                        Msisdn.mask(mos.get(0).from()), e.toString());
                handOn(new ArrayList<>(batch));
                return;
            }
            batchSize.record(batch.size());
            for (Queued q : batch) {
                q.done.complete(null);
            }
        }
    }
}
