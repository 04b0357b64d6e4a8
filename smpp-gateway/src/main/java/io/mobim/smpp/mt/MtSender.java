package io.mobim.smpp.mt;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsAddresses;
import io.mobim.events.sms.SmsDlr;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.Msisdns;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.codec.MessageTooLongException;
import io.mobim.smpp.codec.Segment;
import io.mobim.smpp.codec.SmsSplitter;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.esme.SmscLink;
import io.mobim.smpp.esme.SmscLinks;
import io.mobim.smpp.esme.SubmitException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MTs: takes each one durably into the {@link MtLedger} (a request id already taken is a duplicate
 * and is not sent again), then submits its parts in order on worker threads, the MTs to one handset one after
 * the other in the order they were taken. A throttled, queue-full,
 * temporary or unanswered submit is retried with a doubling backoff until the SMS-C accepts the part or the
 * MT expires; a permanent error rejects the MT. Parts accepted before a retry or a restart are not sent
 * again. The outcome (ACCEPTED, REJECTED, EXPIRED) goes to the {@link DlrSink}, retried until it is durable.
 *
 * <p>An unanswered submit (response timeout, connection lost while waiting) is the one case SMPP cannot
 * settle: the SMS-C may have taken it. It is retried (never lost), counted in
 * {@code mobim.smpp.mt.retries{reason=NO_RESPONSE}}, and may then reach the handset twice.
 */
public final class MtSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MtSender.class);
    private static final DateTimeFormatter SMPP_ABSOLUTE =
            DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

    private final SmscLinks links;
    private final MtLedger ledger;
    private final DlrSink dlrSink;
    private final SmppProperties.Mt config;
    private final Clock clock;
    private final SmsSplitter splitter;
    private final ConcatMode concatMode;
    /** One thread each; an MT's lane is chosen by its recipient, so MTs to one handset are submitted in order. */
    private final ExecutorService[] lanes;
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger retrying = new AtomicInteger();
    private final AtomicInteger sending = new AtomicInteger();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<SubmitException.Reason, Counter> retries = new ConcurrentHashMap<>();
    private final Counter duplicates;
    private final MeterRegistry registry;
    private final OutcomeMarks published;
    private volatile boolean closed;

    public MtSender(SmscLinks links, MtLedger ledger, DlrSink dlrSink, SmppProperties.Mt config, MeterRegistry registry,
                    Clock clock) {
        this.links = links;
        this.ledger = ledger;
        this.dlrSink = dlrSink;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.splitter = new SmsSplitter(config.maxParts());
        this.published = new OutcomeMarks(ledger);
        this.concatMode = links.links().get(0).config().concatenation();
        this.lanes = new ExecutorService[config.workers()];
        for (int i = 0; i < lanes.length; i++) {
            String name = "smpp-mt-" + (i + 1);
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                return t;
            });
        }
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-mt-retry");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("mobim.smpp.mt.queue", queued, AtomicInteger::get).tag("state", "queued")
                .description("MTs waiting for a worker").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", retrying, AtomicInteger::get).tag("state", "retrying")
                .description("MTs waiting for their next attempt").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", sending, AtomicInteger::get).tag("state", "sending")
                .description("MTs being submitted").register(registry);
        duplicates = Counter.builder("mobim.smpp.mt").tag("outcome", "duplicate")
                .description("MTs whose request id was already taken").register(registry);
    }

    /** Resumes what a previous run left open: PENDING MTs are sent, unpublished outcomes published. */
    public void start() {
        List<MtLedger.OpenRequest> open = ledger.open();
        for (MtLedger.OpenRequest r : open) {
            if (r.state() == MtLedger.State.PENDING) {
                dispatch(r.mt(), 0, false);
            } else {
                publishOutcome(r.mt(), toStatus(r.state()), r.errorCode(), r.messageIds(), 0);
            }
        }
        if (!open.isEmpty()) {
            log.info("MT sender resumed {} open MTs", open.size());
        }
    }

    /**
     * Takes an MT. Returns once it is durable in the ledger (the Kafka offset may then be committed);
     * false for a request id already taken, which is not sent again.
     */
    public boolean accept(SmsMt mt) {
        if (!ledger.register(mt, clock.instant())) {
            duplicates.increment();
            log.debug("MT {} is a duplicate request id: not sent again", mt.requestId());
            return false;
        }
        dispatch(mt, 0, true);
        return true;
    }

    /**
     * Takes a poll of MTs with one ledger write ({@link MtLedger#registerAll}). Returns once they are durable;
     * the request ids taken before (or twice in {@code mts}) are duplicates and are not sent again. Returns how
     * many were taken.
     */
    public int acceptAll(List<SmsMt> mts) {
        List<SmsMt> taken = ledger.registerAll(mts, clock.instant());
        if (taken.size() < mts.size()) {
            duplicates.increment(mts.size() - taken.size());
            log.debug("{} of {} MTs were duplicate request ids: not sent again", mts.size() - taken.size(), mts.size());
        }
        for (SmsMt mt : taken) {
            dispatch(mt, 0, true);
        }
        return taken.size();
    }

    /** MTs queued, sending or waiting to retry. */
    public int backlog() {
        return queued.get() + retrying.get() + sending.get();
    }

    /** @param fresh just registered: no part can have been accepted yet, so the ledger need not be asked */
    private void dispatch(SmsMt mt, int attempt, boolean fresh) {
        queued.incrementAndGet();
        try {
            laneOf(mt).execute(() -> {
                queued.decrementAndGet();
                sending.incrementAndGet();
                try {
                    send(mt, attempt, fresh);
                } catch (RuntimeException e) {
                    log.error("MT {} failed unexpectedly; retrying", mt.requestId(), e);
                    retryLater(mt, attempt, null);
                } finally {
                    sending.decrementAndGet();
                }
            });
        } catch (RejectedExecutionException e) {
            queued.decrementAndGet(); // closing: the ledger keeps it PENDING for the next start
        }
    }

    /**
     * A conversation read out of order makes no sense, and MTs to one handset submitted side by side reach it in
     * any order: they share a lane, one after the other (an MT waiting for a retry lets the next one pass).
     */
    private ExecutorService laneOf(SmsMt mt) {
        return lanes[Math.floorMod(mt.to().hashCode(), lanes.length)];
    }

    private void send(SmsMt mt, int attempt, boolean fresh) {
        if (closed) {
            return;
        }
        List<Segment> parts;
        try {
            parts = splitter.split(mt.text(), reference(mt.requestId()), concatMode);
        } catch (MessageTooLongException e) {
            finish(mt, MtLedger.State.REJECTED, "too-long:" + e.parts(), List.of());
            return;
        }
        List<MtLedger.AcceptedPart> accepted = fresh ? List.of() : ledger.acceptedParts(mt.requestId());
        List<String> ids = new ArrayList<>(accepted.stream().map(MtLedger.AcceptedPart::messageId).toList());
        String link = accepted.isEmpty() ? null : accepted.get(accepted.size() - 1).linkId();
        for (Segment part : parts) {
            if (accepted.stream().anyMatch(a -> a.seq() == part.seq())) {
                continue;
            }
            if (closed) {
                return; // shutting down: the ledger keeps it PENDING from this part on, the next start resumes it
            }
            if (!clock.instant().isBefore(mt.expiresAt())) {
                finish(mt, MtLedger.State.EXPIRED, null, ids);
                return;
            }
            try {
                SmscLinks.Accepted ok = links.submit(link, submission(mt), part);
                ids.add(ok.messageId());
                link = ok.linkId();
                if (part.seq() == part.total()) {
                    // the last part and the MT's ACCEPTED in one write
                    if (ledger.lastPartAccepted(mt.requestId(), part.seq(), part.total(), ok.linkId(), ok.messageId(), clock.instant())) {
                        finished(mt, MtLedger.State.ACCEPTED, null, ids);
                    }
                    return;
                }
                ledger.partAccepted(mt.requestId(), part.seq(), part.total(), ok.linkId(), ok.messageId(), clock.instant());
            } catch (SubmitException e) {
                if (e.transientFailure()) {
                    retries.computeIfAbsent(e.reason(), r -> Counter.builder("mobim.smpp.mt.retries").tag("reason", r.name())
                            .description("MT parts to be tried again").register(registry)).increment();
                    retryLater(mt, attempt, e);
                } else {
                    log.info("MT {} to {} rejected by the SMS-C: {} {}", mt.requestId(), Msisdns.mask(mt.to()),
                            e.statusCode(), e.getMessage());
                    finish(mt, MtLedger.State.REJECTED, e.statusCode(), ids);
                }
                return;
            }
        }
        finish(mt, MtLedger.State.ACCEPTED, null, ids);
    }

    private void retryLater(SmsMt mt, int attempt, SubmitException cause) {
        long base = config.retryInitial().toMillis() << Math.min(attempt, 20);
        long delay = Math.min(config.retryMax().toMillis(), Math.max(1, base));
        long untilExpiry = Duration.between(clock.instant(), mt.expiresAt()).toMillis();
        delay = Math.max(0, Math.min(delay, untilExpiry)); // the last attempt happens at expiry and reports EXPIRED
        if (attempt == 0 || attempt % 10 == 0) {
            log.debug("MT {} attempt {} failed ({}); next in {} ms", mt.requestId(), attempt + 1,
                    cause == null ? "error" : cause.reason(), delay);
        }
        retrying.incrementAndGet();
        try {
            scheduler.schedule(() -> {
                retrying.decrementAndGet();
                dispatch(mt, attempt + 1, false);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retrying.decrementAndGet();
        }
    }

    private void finish(SmsMt mt, MtLedger.State state, String errorCode, List<String> ids) {
        if (ledger.finish(mt.requestId(), state, errorCode, clock.instant())) {
            finished(mt, state, errorCode, ids);
        } // else finished by someone else (cannot happen with one sender per request id, but harmless)
    }

    private void finished(SmsMt mt, MtLedger.State state, String errorCode, List<String> ids) {
        outcomes.computeIfAbsent(state.name(), s -> Counter.builder("mobim.smpp.mt").tag("outcome", s.toLowerCase())
                .description("MTs by outcome").register(registry)).increment();
        publishOutcome(mt, toStatus(state), errorCode, ids, 0);
    }

    private void publishOutcome(SmsMt mt, SmsDlr.Status status, String errorCode, List<String> ids, int attempt) {
        SmsDlr dlr = SmsDlr.of(mt.requestId(), mt.to(), status, ids, errorCode, clock.instant(), mt.service());
        CompletableFuture<?> future;
        try {
            future = dlrSink.publish(dlr);
        } catch (RuntimeException e) {
            future = CompletableFuture.failedFuture(e);
        }
        future.whenComplete((ok, failure) -> {
            if (failure == null) {
                published.add(mt.requestId()); // not here: this may be the Kafka producer's I/O thread
                return;
            }
            long delay = Math.min(config.retryMax().toMillis(), config.retryInitial().toMillis() << Math.min(attempt, 20));
            log.warn("outcome of MT {} not published ({}); retrying in {} ms", mt.requestId(), failure.toString(), delay);
            try {
                scheduler.schedule(() -> publishOutcome(mt, status, errorCode, ids, attempt + 1), delay, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closing) {
                // left unpublished in the ledger: the next start publishes it
            }
        });
    }

    private static SmsDlr.Status toStatus(MtLedger.State state) {
        return switch (state) {
            case ACCEPTED, PENDING -> SmsDlr.Status.ACCEPTED;
            case REJECTED -> SmsDlr.Status.REJECTED;
            case EXPIRED -> SmsDlr.Status.EXPIRED;
        };
    }

    /** The concatenation reference of a request: the same on every attempt, so parts sent before and after a retry match. */
    static int reference(String requestId) {
        int h = requestId.hashCode();
        return (h ^ (h >>> 8) ^ (h >>> 16) ^ (h >>> 24)) & 0xFF;
    }

    private SmscLink.Submission submission(SmsMt mt) {
        String from = mt.from();
        TypeOfNumber srcTon;
        NumberingPlanIndicator srcNpi;
        if (SmsAddresses.E164.matcher(from).matches()) {
            srcTon = TypeOfNumber.INTERNATIONAL;
            srcNpi = NumberingPlanIndicator.ISDN;
            from = Msisdns.toSmpp(from);
        } else if (SmsAddresses.SHORT_CODE.matcher(from).matches()) {
            srcTon = TypeOfNumber.UNKNOWN;
            srcNpi = NumberingPlanIndicator.UNKNOWN;
        } else {
            srcTon = TypeOfNumber.ALPHANUMERIC;
            srcNpi = NumberingPlanIndicator.UNKNOWN;
        }
        String source = from;
        String destination = Msisdns.toSmpp(mt.to());
        RegisteredDelivery receipt = new RegisteredDelivery(mt.receiptWanted()
                ? SMSCDeliveryReceipt.SUCCESS_FAILURE : SMSCDeliveryReceipt.DEFAULT);
        String validity = SMPP_ABSOLUTE.format(mt.expiresAt()) + "000+";
        return (session, part) -> {
            ESMClass esm = part.udhi()
                    ? new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT, GSMSpecificFeature.UDHI)
                    : new ESMClass();
            OptionalParameter[] tlvs = !part.udhi() && part.concatenated()
                    ? new OptionalParameter[] {
                        new OptionalParameter.Short(OptionalParameter.Tag.SAR_MSG_REF_NUM, (short) part.reference()),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_TOTAL_SEGMENTS, (byte) part.total()),
                        new OptionalParameter.Byte(OptionalParameter.Tag.SAR_SEGMENT_SEQNUM, (byte) part.seq())}
                    : new OptionalParameter[0];
            return session.submitShortMessage("", srcTon, srcNpi, source, TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1, null, validity, receipt, (byte) 0,
                    DataCodings.newInstance(part.encoding().dataCoding()), (byte) 0, part.shortMessage(), tlvs);
        };
    }

    /**
     * Stops taking work: retries not yet due and MTs not yet started stay PENDING in the ledger for the
     * next start; submits waiting for their response are given up to 10 s to get it, so that an accepted
     * part is recorded rather than sent again after the restart.
     */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            for (ExecutorService lane : lanes) {
                if (!lane.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    lane.shutdownNow();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (ExecutorService lane : lanes) {
                lane.shutdownNow();
            }
        }
        published.close();
    }
}
