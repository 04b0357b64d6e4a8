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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
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
 * Sends MTs through the links' send windows without a thread per submit: takes each poll durably into the
 * {@link MtLedger} (a request id already taken is a duplicate and is not sent again), then one dispatcher thread
 * ({@code smpp-mt-dispatch}) writes submit_sm as long as a link has a free window slot; responses come back on
 * jSMPP's threads. MTs to one handset go one after the other: the next part or MT to a handset is submitted
 * only after the previous one's submit_sm_resp, so a conversation reaches the phone in order while MTs to
 * different handsets fill the window side by side. A throttled, queue-full, temporary or unanswered submit is
 * retried with a doubling backoff until the SMS-C accepts the part or the MT expires (an MT waiting for its
 * retry lets the next one to the same handset pass); a permanent error rejects the MT. Accepted parts are
 * recorded by the {@link LedgerWriter} in batches and not sent again after a retry or a restart. The outcome
 * (ACCEPTED, REJECTED, EXPIRED) goes to the {@link DlrSink} once the ledger has it, retried until it is durable.
 *
 * <p>At most {@code mobim.smpp.mt.max-in-memory} MTs are held in memory; more stay PENDING in the ledger and are
 * read back a page at a time, in the order they were taken, as the ones in memory finish (after an SMS-C outage,
 * or a restart).
 *
 * <p>An unanswered submit (response timeout, connection lost while waiting) is the one case SMPP cannot settle:
 * the SMS-C may have taken it. It is retried (never lost), counted in
 * {@code mobim.smpp.mt.retries{reason=NO_RESPONSE}}, and may then reach the handset twice. So may a part whose
 * acceptance was not yet written when the process died.
 */
public final class MtSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MtSender.class);
    private static final DateTimeFormatter SMPP_ABSOLUTE =
            DateTimeFormatter.ofPattern("yyMMddHHmmss").withZone(ZoneOffset.UTC);

    /** One MT on its way: its parts, the next one to submit, the ids the SMS-C gave so far. */
    private static final class Job {
        final SmsMt mt;
        List<Segment> parts;
        int next;
        final List<String> ids = new ArrayList<>();
        final List<Integer> acceptedSeqs = new ArrayList<>();
        String link;
        int attempt;

        Job(SmsMt mt) {
            this.mt = mt;
        }
    }

    /** A handset with a part in flight (or retrying), and the MTs to it waiting their turn. */
    private static final class Handset {
        boolean busy;
        final ArrayDeque<Job> waiting = new ArrayDeque<>();
    }

    private final SmscLinks links;
    private final MtLedger ledger;
    private final LedgerWriter writer;
    private final DlrSink dlrSink;
    private final SmppProperties.Mt config;
    private final Clock clock;
    private final SmsSplitter splitter;
    private final ConcatMode concatMode;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition workOrRoom = lock.newCondition();
    private final Map<String, Handset> handsets = new HashMap<>();
    private final ArrayDeque<Job> ready = new ArrayDeque<>();
    /** Serialises taking MTs and paging them in from the ledger, so that none is skipped or held twice. */
    private final Object admission = new Object();
    private long admittedUpTo;
    private boolean spilled;
    private final AtomicInteger inMemory = new AtomicInteger();
    private final AtomicInteger retrying = new AtomicInteger();
    private final AtomicInteger sending = new AtomicInteger();
    private final Map<String, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<SubmitException.Reason, Counter> retries = new ConcurrentHashMap<>();
    private final Counter duplicates;
    private final MeterRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final Thread dispatcher;
    private volatile boolean closed;
    private volatile boolean roomSignalled;

    public MtSender(SmscLinks links, MtLedger ledger, LedgerWriter writer, DlrSink dlrSink, SmppProperties.Mt config,
                    MeterRegistry registry, Clock clock) {
        this.links = links;
        this.ledger = ledger;
        this.writer = writer;
        this.dlrSink = dlrSink;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
        this.splitter = new SmsSplitter(config.maxParts());
        this.concatMode = links.links().get(0).config().concatenation();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-mt-retry");
            t.setDaemon(true);
            return t;
        });
        Gauge.builder("mobim.smpp.mt.queue", this, MtSender::queued).tag("state", "queued")
                .description("MTs in memory waiting for a window slot or their handset's turn").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", retrying, AtomicInteger::get).tag("state", "retrying")
                .description("MTs waiting for their next attempt").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", sending, AtomicInteger::get).tag("state", "sending")
                .description("MT parts awaiting their submit_sm_resp").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", this, s -> s.spilled ? 1 : 0).tag("state", "spilled")
                .description("1 while PENDING MTs wait in the ledger only (more than max-in-memory)").register(registry);
        duplicates = Counter.builder("mobim.smpp.mt").tag("outcome", "duplicate")
                .description("MTs whose request id was already taken").register(registry);
        links.onWindowFreed(this::signalRoom);
        this.dispatcher = new Thread(this::dispatch, "smpp-mt-dispatch");
        dispatcher.setDaemon(true);
    }

    private int queued() {
        return Math.max(0, inMemory.get() - retrying.get() - sending.get());
    }

    /** Resumes what a previous run left open: PENDING MTs are sent (a page at a time), unpublished outcomes published. */
    public void start() {
        dispatcher.start();
        long position = 0;
        int resumed = 0;
        for (List<MtLedger.OpenRequest> page = ledger.unpublishedAfter(0, 1_000); !page.isEmpty();
             page = ledger.unpublishedAfter(position, 1_000)) {
            for (MtLedger.OpenRequest r : page) {
                publishOutcome(r.mt(), toStatus(r.state()), r.errorCode(), r.messageIds(), 0);
                position = r.position();
                resumed++;
            }
        }
        synchronized (admission) {
            spilled = true; // whatever is PENDING comes in through the pager
            admittedUpTo = 0;
        }
        int pending = pageIn();
        if (resumed + pending > 0) {
            log.info("MT sender resumed {} PENDING MTs{} and {} unpublished outcomes", pending, spilled ? " (more in the ledger)" : "",
                    resumed);
        }
    }

    /**
     * Takes an MT. Returns once it is durable in the ledger (the Kafka offset may then be committed);
     * false for a request id already taken, which is not sent again.
     */
    public boolean accept(SmsMt mt) {
        return acceptAll(List.of(mt)) == 1;
    }

    /**
     * Takes a poll of MTs with one ledger write ({@link MtLedger#take}). Returns once they are durable;
     * the request ids taken before (or twice in {@code mts}) are duplicates and are not sent again. Returns how
     * many were taken.
     */
    public int acceptAll(List<SmsMt> mts) {
        List<MtLedger.Taken> taken;
        synchronized (admission) {
            taken = ledger.take(mts, clock.instant());
            if (!spilled && inMemory.get() + taken.size() <= config.maxInMemory()) {
                for (MtLedger.Taken t : taken) {
                    admit(new Job(t.mt()));
                    admittedUpTo = Math.max(admittedUpTo, t.position());
                }
            } else if (!taken.isEmpty()) {
                spilled = true; // they wait in the ledger; the pager reads them back in order
            }
        }
        if (taken.size() < mts.size()) {
            duplicates.increment(mts.size() - taken.size());
            log.debug("{} of {} MTs were duplicate request ids: not sent again", mts.size() - taken.size(), mts.size());
        }
        return taken.size();
    }

    /** Reads PENDING MTs back from the ledger while there is room; returns how many came in. */
    private int pageIn() {
        int in = 0;
        synchronized (admission) {
            while (spilled && !closed) {
                int room = config.maxInMemory() - inMemory.get();
                if (room < Math.min(config.maxInMemory(), 100) && room < config.maxInMemory() / 2) {
                    break;
                }
                List<MtLedger.Pending> page = ledger.pendingAfter(admittedUpTo, room);
                for (MtLedger.Pending p : page) {
                    Job job = new Job(p.mt());
                    for (MtLedger.AcceptedPart a : p.accepted()) {
                        job.ids.add(a.messageId());
                        job.acceptedSeqs.add(a.seq());
                        job.link = a.linkId();
                    }
                    admit(job);
                    admittedUpTo = p.position();
                }
                in += page.size();
                if (page.size() < room) {
                    spilled = false;
                }
            }
        }
        return in;
    }

    private void maybePageIn() {
        if (spilled && !closed && inMemory.get() <= config.maxInMemory() / 2) {
            try {
                scheduler.execute(() -> {
                    try {
                        pageIn();
                    } catch (RuntimeException e) {
                        log.warn("reading PENDING MTs from the ledger failed ({}); trying again later", e.toString());
                    }
                });
            } catch (RejectedExecutionException closing) {
                // the next start reads them
            }
        }
    }

    /** MTs held in memory: queued, sending or waiting to retry. */
    public int backlog() {
        return inMemory.get();
    }

    private void admit(Job job) {
        inMemory.incrementAndGet();
        enqueue(job, false);
    }

    /** Puts {@code job} in its handset's line; {@code first}: ahead of the MTs waiting (a retry comes back). */
    private void enqueue(Job job, boolean first) {
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
    private void release(String to) {
        lock.lock();
        try {
            Handset h = handsets.get(to);
            if (h == null) {
                return;
            }
            Job next = h.waiting.pollFirst();
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
    private void continueWith(Job job) {
        lock.lock();
        try {
            ready.addFirst(job);
            workOrRoom.signal();
        } finally {
            lock.unlock();
        }
    }

    private void signalRoom() {
        roomSignalled = true;
        lock.lock();
        try {
            workOrRoom.signal();
        } finally {
            lock.unlock();
        }
    }

    private void dispatch() {
        while (!closed) {
            Job job;
            lock.lock();
            try {
                while (ready.isEmpty() && !closed) {
                    workOrRoom.await(100, TimeUnit.MILLISECONDS);
                }
                job = ready.pollFirst();
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            if (job == null) {
                continue;
            }
            try {
                submitNext(job);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("MT {} failed unexpectedly; retrying", job.mt.requestId(), e);
                retryLater(job, null);
            }
        }
    }

    /** Submits the job's next part once a link has room (waiting for it here: the window is the back pressure). */
    private void submitNext(Job job) throws InterruptedException {
        if (job.parts == null) {
            try {
                job.parts = splitter.split(job.mt.text(), reference(job.mt.requestId()), concatMode);
            } catch (MessageTooLongException e) {
                finish(job, MtLedger.State.REJECTED, "too-long:" + e.parts());
                return;
            }
            while (job.next < job.parts.size() && job.acceptedSeqs.contains(job.parts.get(job.next).seq())) {
                job.next++;
            }
            if (job.next >= job.parts.size()) {
                finish(job, MtLedger.State.ACCEPTED, null); // every part was accepted before a restart
                return;
            }
        }
        SmscLink link;
        while (true) {
            if (closed) {
                return; // PENDING in the ledger from this part on: the next start resumes it
            }
            if (!clock.instant().isBefore(job.mt.expiresAt())) {
                finish(job, MtLedger.State.EXPIRED, null);
                return;
            }
            roomSignalled = false;
            link = links.acquire(job.link);
            if (link != null) {
                break;
            }
            if (!links.canTransmit()) {
                retryLater(job, new SubmitException(SubmitException.Reason.NOT_BOUND, -1, "no SMS-C link is bound", null));
                return;
            }
            lock.lock();
            try {
                if (!roomSignalled) {
                    workOrRoom.await(5, TimeUnit.MILLISECONDS); // a window frees up, or a paused link resumes
                }
            } finally {
                lock.unlock();
            }
        }
        Segment part = job.parts.get(job.next);
        sending.incrementAndGet();
        SmscLink on = link;
        on.submit(submission(job.mt), part).whenComplete((messageId, failure) -> {
            sending.decrementAndGet();
            if (failure == null) {
                accepted(job, on, part, messageId);
            } else {
                failed(job, failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            }
        });
    }

    /** On jSMPP's thread: record the part (in the next ledger batch) and go on. */
    private void accepted(Job job, SmscLink link, Segment part, String messageId) {
        job.ids.add(messageId);
        job.acceptedSeqs.add(part.seq());
        job.link = link.id();
        job.attempt = 0;
        boolean last = job.next == job.parts.size() - 1;
        List<String> ids = List.copyOf(job.ids);
        writer.accepted(new MtLedger.Acceptance(job.mt.requestId(), part.seq(), part.total(), link.id(), messageId, last,
                clock.instant()), moved -> {
                    if (last && moved) {
                        finished(job.mt, MtLedger.State.ACCEPTED, null, ids);
                    }
                });
        if (last) {
            done(job);
        } else {
            job.next++;
            continueWith(job);
        }
    }

    private void failed(Job job, Throwable failure) {
        if (!(failure instanceof SubmitException e)) {
            log.error("MT {} failed unexpectedly; retrying", job.mt.requestId(), failure);
            retryLater(job, null);
            return;
        }
        if (e.transientFailure()) {
            retries.computeIfAbsent(e.reason(), r -> Counter.builder("mobim.smpp.mt.retries").tag("reason", r.name())
                    .description("MT parts to be tried again").register(registry)).increment();
            retryLater(job, e);
        } else {
            log.info("MT {} to {} rejected by the SMS-C: {} {}", job.mt.requestId(), Msisdns.mask(job.mt.to()),
                    e.statusCode(), e.getMessage());
            finish(job, MtLedger.State.REJECTED, e.statusCode());
        }
    }

    /** The job leaves memory; its handset's next MT goes. */
    private void done(Job job) {
        inMemory.decrementAndGet();
        release(job.mt.to());
        maybePageIn();
    }

    private void retryLater(Job job, SubmitException cause) {
        int attempt = job.attempt++;
        long base = config.retryInitial().toMillis() << Math.min(attempt, 20);
        long delay = Math.min(config.retryMax().toMillis(), Math.max(1, base));
        long untilExpiry = Duration.between(clock.instant(), job.mt.expiresAt()).toMillis();
        delay = Math.max(0, Math.min(delay, untilExpiry)); // the last attempt happens at expiry and reports EXPIRED
        if (attempt == 0 || attempt % 10 == 0) {
            log.debug("MT {} attempt {} failed ({}); next in {} ms", job.mt.requestId(), attempt + 1,
                    cause == null ? "error" : cause.reason(), delay);
        }
        retrying.incrementAndGet();
        release(job.mt.to()); // the next MT to this handset may pass while this one waits
        try {
            scheduler.schedule(() -> {
                retrying.decrementAndGet();
                enqueue(job, true);
            }, delay, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            retrying.decrementAndGet(); // closing: PENDING in the ledger for the next start
        }
    }

    private void finish(Job job, MtLedger.State state, String errorCode) {
        List<String> ids = List.copyOf(job.ids);
        writer.finished(new MtLedger.Final(job.mt.requestId(), state, errorCode, clock.instant()), moved -> {
            if (moved) {
                finished(job.mt, state, errorCode, ids);
            }
        });
        done(job);
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
                writer.outcomePublished(mt.requestId()); // queued: not written on the Kafka producer's I/O thread
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
            return session.submitAsync("", srcTon, srcNpi, source, TypeOfNumber.INTERNATIONAL,
                    NumberingPlanIndicator.ISDN, destination, esm, (byte) 0, (byte) 1, validity, receipt,
                    DataCodings.newInstance(part.encoding().dataCoding()), part.shortMessage(), tlvs);
        };
    }

    /**
     * Stops taking work: retries not yet due and MTs not yet submitted stay PENDING in the ledger for the next
     * start; submits awaiting their response are given up to 10 s to get it, so that an accepted part is recorded
     * rather than sent again after the restart.
     */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        dispatcher.interrupt();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sending.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
    }
}
