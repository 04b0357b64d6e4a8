package io.mobim.smpp.simulator;

import io.mobim.smpp.Msisdns;
import io.mobim.smpp.codec.PartHeader;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers submit_sm: refuses it while the simulator is going down or a test asks a fault ({@link SubmitFaults}),
 * otherwise stores it for its handset ({@link HandsetInbox}) under a new message id; once the answer has gone, the
 * part's delivery receipt is due ({@link DeliveryReceipts}). Counts what it accepted and refused, and the answers not
 * yet sent.
 */
final class SubmitSmHandler extends SubmitOnlyReceiver implements ServerResponseDeliveryListener {

    private static final Logger log = LoggerFactory.getLogger(SubmitSmHandler.class);

    private final SubmitFaults faults;
    private final HandsetInbox inbox;
    private final DeliveryReceipts receipts;
    private final BooleanSupplier closed;
    private final AtomicLong messageIds = new AtomicLong(0x10000);
    private final AtomicInteger inFlightResponses = new AtomicInteger();
    private final AtomicInteger concurrentSubmits = new AtomicInteger();
    private final AtomicInteger maxConcurrentSubmits = new AtomicInteger();
    private final AtomicLong submitCount = new AtomicLong();
    private final AtomicLong rejectedCount = new AtomicLong();
    private final AtomicLong lastSubmitNanos = new AtomicLong();
    private volatile boolean dropping;

    SubmitSmHandler(SubmitFaults faults, HandsetInbox inbox, DeliveryReceipts receipts, BooleanSupplier closed) {
        this.faults = faults;
        this.inbox = inbox;
        this.receipts = receipts;
        this.closed = closed;
    }

    /** While true, every submit_sm is answered ESME_RSYSERR and not stored: the SMS-C is going down. */
    void dropping(boolean drop) {
        this.dropping = drop;
    }

    /** submit_sm stored whose answer has not gone yet. */
    int inFlightResponses() {
        return inFlightResponses.get();
    }

    /** When the last submit_sm arrived, in {@link System#nanoTime()}. */
    long lastSubmitNanos() {
        return lastSubmitNanos.get();
    }

    long submitCount() {
        return submitCount.get();
    }

    long rejectedCount() {
        return rejectedCount.get();
    }

    int maxConcurrentSubmits() {
        return maxConcurrentSubmits.get();
    }

    @Override
    public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        int now = concurrentSubmits.incrementAndGet();
        maxConcurrentSubmits.accumulateAndGet(now, Math::max);
        try {
            long delay = faults.submitDelayMillis();
            if (delay > 0) {
                SmscSimulator.sleep(delay);
            }
            return accept(submit, source);
        } finally {
            concurrentSubmits.decrementAndGet();
        }
    }

    private SubmitSmResult accept(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
        lastSubmitNanos.set(System.nanoTime());
        if (dropping || closed.getAsBoolean()) {
            rejectedCount.incrementAndGet();
            throw new ProcessRequestException("SMS-C going down", SMPPConstant.STAT_ESME_RSYSERR);
        }
        ProcessRequestException refusal = faults.nextRefusal();
        if (refusal != null) {
            rejectedCount.incrementAndGet();
            throw refusal;
        }
        String to = Msisdns.toE164(submit.getDestAddress(), submit.getDestAddrTon());
        if (to == null || to.isEmpty()) {
            rejectedCount.incrementAndGet();
            throw new ProcessRequestException("no destination", SMPPConstant.STAT_ESME_RINVDSTADR);
        }
        String id = Long.toHexString(messageIds.incrementAndGet());
        byte[] sm = submit.getShortMessage() == null ? new byte[0] : submit.getShortMessage();
        PartHeader header;
        try {
            header = PartHeader.of(submit, sm);
        } catch (RuntimeException e) {
            rejectedCount.incrementAndGet();
            throw new ProcessRequestException("bad concatenation: " + e.getMessage(), SMPPConstant.STAT_ESME_RINVMSGLEN);
        }
        Instant now = Instant.now();
        SubmittedPart candidate = new SubmittedPart("", source.getSessionId(), submit.getSourceAddr(), to,
                submit.getDataCoding(), submit.getEsmClass(), submit.getRegisteredDelivery(), sm, header.seq(), header.total(),
                now);
        refusal = faults.refusalOf(candidate);
        if (refusal != null) {
            rejectedCount.incrementAndGet();
            throw refusal;
        }
        SubmittedPart part = new SubmittedPart(id, source.getSessionId(), submit.getSourceAddr(), to,
                submit.getDataCoding(), submit.getEsmClass(), submit.getRegisteredDelivery(), sm, header.seq(), header.total(),
                now);
        inFlightResponses.incrementAndGet();
        receipts.accepted(part);
        inbox.submitted(part);
        submitCount.incrementAndGet();
        inbox.reassemble(part, header.reference(), header.payload());
        try {
            return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
        } catch (Exception e) {
            throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
        }
    }

    @Override
    public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
        inFlightResponses.decrementAndGet();
        receipts.answered(result.getMessageId());
    }

    @Override
    public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
        inFlightResponses.decrementAndGet();
        log.debug("SMS-C simulator could not answer submit_sm {}: {}", result.getMessageId(), e.toString());
        // the MT is stored: like a real SMS-C it still goes to the handset and still gets its receipt
        receipts.answered(result.getMessageId());
    }

    @Override
    public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
    }

    @Override
    public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
    }
}
