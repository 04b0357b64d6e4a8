package io.mobim.smpp.simulator;

import io.mobim.smpp.Msisdns;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.codec.Segment;
import io.mobim.smpp.codec.SmsSplitter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.SMPPServerSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends deliver_sm to a bound receiver as an SMS-C does: the MOs of the simulated handsets, and the delivery receipts
 * ({@link DeliveryReceipts}). One that the ESME answers with an error or does not answer, or that finds no receiver
 * bound, is retried with a growing delay until {@link SmscSimulator.Options#deliveryRetryFor()} has passed.
 */
final class DeliverSmSender {

    private static final Logger log = LoggerFactory.getLogger(DeliverSmSender.class);

    /** MOs and receipts the simulator has outstanding towards the ESMEs at once. */
    static final int DELIVERY_THREADS = 16;

    private final SmscSimulator.Options options;
    private final EsmeBinds binds;
    private final BooleanSupplier closed;
    private final ScheduledExecutorService deliveryPool;
    private final AtomicInteger moReference = new AtomicInteger();

    DeliverSmSender(SmscSimulator.Options options, EsmeBinds binds, BooleanSupplier closed) {
        this.options = options;
        this.binds = binds;
        this.closed = closed;
        // an SMS-C has many deliver_sm outstanding at once (its window); each thread here waits for one response
        this.deliveryPool = Executors.newScheduledThreadPool(DELIVERY_THREADS, binds.daemons());
    }

    /**
     * Sends an MO split into parts with a UDH or the sar_ TLVs when long; the future completes when the ESME
     * acknowledged every part, or fails when it could not be delivered in time.
     */
    CompletableFuture<Void> injectMo(String from, String to, String text, ConcatMode mode) {
        List<Segment> parts = new SmsSplitter(options.maxParts()).split(text, moReference.incrementAndGet(), mode);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant giveUp = Instant.now().plus(options.deliveryRetryFor());
        deliveryPool.execute(() -> deliverParts(from, to, parts, mode, 0, giveUp, done, 0));
        return done;
    }

    private void deliverParts(String from, String to, List<Segment> parts, ConcatMode mode, int index, Instant giveUp,
                              CompletableFuture<Void> done, int attempt) {
        if (closed.getAsBoolean()) {
            done.completeExceptionally(new IllegalStateException("simulator closed"));
            return;
        }
        int next = index;
        try {
            while (next < parts.size()) {
                Segment s = parts.get(next);
                OptionalParameter[] tlvs = mode == ConcatMode.SAR && s.concatenated()
                        ? new OptionalParameter[] {
                            new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) s.reference()),
                            new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) s.total()),
                            new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) s.seq())}
                        : new OptionalParameter[0];
                ESMClass esm = s.udhi()
                        ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                        : new ESMClass();
                deliver(Msisdns.toSmpp(from), TypeOfNumber.INTERNATIONAL, to, TypeOfNumber.UNKNOWN, esm,
                        s.encoding().dataCoding(), s.shortMessage(), tlvs);
                next++;
            }
            done.complete(null);
        } catch (Exception e) {
            int failedAt = next;
            retryLater(e, giveUp, done, attempt, "MO",
                    () -> deliverParts(from, to, parts, mode, failedAt, giveUp, done, attempt + 1));
        }
    }

    /** Runs {@code retry} after a delay that grows with {@code attempt}; fails {@code done} if that is past {@code giveUp}. */
    void retryLater(Exception cause, Instant giveUp, CompletableFuture<Void> done, int attempt, String what,
                    Runnable retry) {
        if (closed.getAsBoolean() || Instant.now().isAfter(giveUp)) {
            done.completeExceptionally(cause);
            log.warn("SMS-C simulator gave up delivering an {}: {}", what, cause.toString());
            return;
        }
        long delayMs = Math.min(2_000, 20L << Math.min(attempt, 7));
        log.debug("SMS-C simulator retries an {} in {} ms: {}", what, delayMs, cause.toString());
        try {
            deliveryPool.schedule(retry, delayMs, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException rejected) {
            done.completeExceptionally(cause);
        }
    }

    /** Runs {@code task} on a delivery thread after {@code delayMs}; rejected once the simulator is closing. */
    void schedule(Runnable task, long delayMs) {
        deliveryPool.schedule(task, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Sends one deliver_sm to a bound receiver and waits for its answer. */
    void deliver(String src, TypeOfNumber srcTon, String dst, TypeOfNumber dstTon, ESMClass esm, byte dataCoding, byte[] sm,
                 OptionalParameter... tlvs) throws Exception {
        SMPPServerSession session = binds.receiver();
        session.deliverShortMessage("", srcTon, NumberingPlanIndicator.ISDN, src, dstTon, NumberingPlanIndicator.UNKNOWN,
                dst, esm, (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), sm, tlvs);
    }

    /** Stops every delivery. */
    void shutdown() {
        deliveryPool.shutdownNow();
    }
}
