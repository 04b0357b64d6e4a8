package io.mobim.smpp.mt;

import io.mobim.events.Msisdn;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends MTs through the links' send windows without a thread per submit: takes each poll durably into the
 * {@link MtLedger} ({@link MtBacklog}), then one dispatcher thread ({@code smpp-mt-dispatch}) writes submit_sm
 * ({@link SubmitSmFactory}) as long as a link has a free window slot; responses come back on jSMPP's threads.
 * MTs to one handset go one after the other ({@link HandsetLines}): the next part or MT to a handset is submitted
 * only after the previous one's submit_sm_resp, so a conversation reaches the phone in order while MTs to
 * different handsets fill the window side by side. A throttled, queue-full, temporary or unanswered submit is
 * retried with a doubling backoff ({@link RetryScheduler}) until the SMS-C accepts the part or the MT expires (an
 * MT waiting for its retry lets the next one to the same handset pass); a permanent error rejects the MT. Accepted
 * parts are recorded by the {@link LedgerWriter} in batches and not sent again after a retry or a restart. The
 * outcome (ACCEPTED, REJECTED, EXPIRED) goes to the {@link DlrSink} once the ledger has it ({@link OutcomePublisher}).
 *
 * <p>An unanswered submit (response timeout, connection lost while waiting) is the one case SMPP cannot settle:
 * the SMS-C may have taken it. It is retried (never lost), counted in
 * {@code mobim.smpp.mt.retries{reason=NO_RESPONSE}}, and may then reach the handset twice. So may a part whose
 * acceptance was not yet written when the process died.
 *
 * <p>Several gateways may share the ledger, each fed by the {@code sms.mt.v1} partitions Kafka assigns it
 * ({@link #ownAssignedPartitions}): each sends only the MTs of its partitions. When partitions are revoked, their MTs
 * not yet submitted stay PENDING for the new owner, and {@link #partitionsRevoked} returns once those already
 * submitted have their response and its ledger record, so that the new owner, reading the partition's PENDING MTs
 * when it is assigned, finds each part either accepted or not submitted.
 */
public final class MtSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MtSender.class);

    private final SmscLinks links;
    private final MtLedger ledger;
    private final LedgerWriter writer;
    private final Clock clock;
    private final SmsSplitter splitter;
    private final ConcatMode concatMode;
    private final HandsetLines lines = new HandsetLines();
    private final RetryScheduler retries;
    private final OutcomePublisher outcomes;
    private final MtBacklog backlog;
    private final AtomicInteger sending = new AtomicInteger();
    /** MTs between the dispatcher's take and the ledger record of their submit's outcome (or their return to memory). */
    private final Set<MtJob> inFlight = ConcurrentHashMap.newKeySet();
    /** How long a revoke waits for the submits in flight: the longest response timeout, then the ledger write. */
    private final Duration settleTimeout;
    private final Thread dispatcher;
    private volatile boolean closed;

    public MtSender(SmscLinks links, MtLedger ledger, LedgerWriter writer, DlrSink dlrSink, SmppProperties.Mt config,
                    MeterRegistry registry, Clock clock) {
        this.links = links;
        this.ledger = ledger;
        this.writer = writer;
        this.clock = clock;
        this.splitter = new SmsSplitter(config.maxParts());
        this.concatMode = links.links().get(0).config().concatenation();
        this.retries = new RetryScheduler(config, registry, clock);
        this.outcomes = new OutcomePublisher(dlrSink, writer, retries, registry, clock);
        this.backlog = new MtBacklog(ledger, config.maxInMemory(), retries, job -> lines.enqueue(job, false), registry, clock);
        Gauge.builder("mobim.smpp.mt.queue", this, MtSender::queued).tag("state", "queued")
                .description("MTs in memory waiting for a window slot or their handset's turn").register(registry);
        Gauge.builder("mobim.smpp.mt.queue", sending, AtomicInteger::get).tag("state", "sending")
                .description("MT parts awaiting their submit_sm_resp").register(registry);
        links.onWindowFreed(lines::signalRoom);
        this.settleTimeout = links.links().stream().map(l -> l.config().transactionTimeout()).max(Duration::compareTo)
                .orElse(Duration.ZERO).plusSeconds(5);
        this.dispatcher = new Thread(this::dispatch, "smpp-mt-dispatch");
        dispatcher.setDaemon(true);
    }

    /** MTs in memory waiting for a window slot or their handset's turn (not in a submit, not waiting for a retry). */
    public int queued() {
        return Math.max(0, backlog.inMemory() - retries.retrying() - sending.get());
    }

    /** Resumes what a previous run left open: PENDING MTs are sent (a page at a time), unpublished outcomes published. */
    public void start() {
        dispatcher.start();
        long position = 0;
        int resumed = 0;
        for (List<MtLedger.OpenRequest> page = ledger.unpublishedAfter(0, 1_000); !page.isEmpty();
             page = ledger.unpublishedAfter(position, 1_000)) {
            for (MtLedger.OpenRequest r : page) {
                outcomes.publish(r.mt(), r.state(), r.errorCode(), r.messageIds());
                position = r.position();
                resumed++;
            }
        }
        int pending = backlog.resume();
        if (resumed + pending > 0) {
            log.info("MT sender resumed {} PENDING MTs{} and {} unpublished outcomes", pending,
                    backlog.spilled() ? " (more in the ledger)" : "", resumed);
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
        return take(MtLedger.Offer.unpartitioned(mts));
    }

    /** {@link #acceptAll} for MTs from partitions of {@code sms.mt.v1}: each MT is its partition owner's to send. */
    public int take(List<MtLedger.Offer> offers) {
        return backlog.take(offers);
    }

    /**
     * From now on this gateway sends only the MTs of the {@code sms.mt.v1} partitions assigned to it
     * ({@link #partitionsAssigned}), and none at start: for a gateway fed by a Kafka consumer group, which may share
     * the ledger with other gateways. Called before {@link #start}.
     */
    public void ownAssignedPartitions() {
        backlog.ownAssignedPartitions();
    }

    /**
     * Whether this gateway sends every MT of its ledger (it is the only one), not only those of the {@code sms.mt.v1}
     * partitions assigned to it: then MTs may be handed to it in the process ({@link #acceptAll}) instead of through
     * Kafka.
     */
    public boolean ownsEveryMt() {
        return backlog.ownsEveryMt();
    }

    /** Partitions assigned to this gateway: their PENDING MTs are read back (a page at a time) and sent. */
    public void partitionsAssigned(Collection<Integer> partitions) {
        backlog.assigned(partitions);
        log.info("MT partitions {} assigned: sending their PENDING MTs", partitions);
    }

    /**
     * Partitions revoked from this gateway: their MTs not yet submitted stay PENDING in the ledger for the new owner.
     * Returns once the submits in flight of those partitions have their response and that is written to the ledger
     * (at most the longest {@code transaction-timeout} and 5 s).
     */
    public void partitionsRevoked(Collection<Integer> partitions) {
        backlog.revoked(partitions);
        Set<Integer> gone = new HashSet<>(partitions);
        if (gone.contains(0)) {
            gone.add(MtLedger.NO_PARTITION);
        }
        long deadline = System.nanoTime() + settleTimeout.toNanos();
        boolean settled = true;
        try {
            while (inFlight.stream().anyMatch(job -> gone.contains(job.partition))) {
                if (System.nanoTime() > deadline) {
                    settled = false;
                    break;
                }
                Thread.sleep(5);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            settled = false;
        }
        settled = settled && writer.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        if (settled) {
            log.info("MT partitions {} revoked: their MTs not yet submitted stay PENDING for the new owner", partitions);
        } else {
            log.warn("MT partitions {} revoked while submits of theirs are unanswered or not yet recorded after {}: "
                    + "the new owner may send those parts again", partitions, settleTimeout);
        }
    }

    /** MTs held in memory: queued, sending or waiting to retry. */
    public int backlog() {
        return backlog.inMemory();
    }

    private void dispatch() {
        while (!closed) {
            MtJob job;
            try {
                job = lines.take(100);
            } catch (InterruptedException e) {
                return;
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
    private void submitNext(MtJob job) throws InterruptedException {
        inFlight.add(job); // before the ownership check: a revoke either sees it here or it sees the revoke
        if (dropIfNotOwned(job)) {
            return;
        }
        if (job.parts == null) {
            try {
                int reference = SubmitSmFactory.reference(job.mt.requestId());
                SmsMt.Binary binary = job.mt.binary();
                // binary data always travels with a user data header: its ports must be in every part
                job.parts = binary == null ? splitter.split(job.mt.text(), reference, concatMode)
                        : splitter.splitBinary(binary.data(), binary.destinationPort(), binary.sourcePortOrZero(), reference);
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
                inFlight.remove(job);
                return; // PENDING in the ledger from this part on: the next start resumes it
            }
            if (dropIfNotOwned(job)) {
                return;
            }
            if (!clock.instant().isBefore(job.mt.expiresAt())) {
                finish(job, MtLedger.State.EXPIRED, null);
                return;
            }
            lines.expectRoom();
            link = links.acquire(job.link);
            if (link != null) {
                break;
            }
            if (!links.canTransmit()) {
                retryLater(job, new SubmitException(SubmitException.Reason.NOT_BOUND, -1, "no SMS-C link is bound", null));
                return;
            }
            lines.awaitRoom(); // a window frees up, or a paused link resumes
        }
        Segment part = job.parts.get(job.next);
        sending.incrementAndGet();
        SmscLink on = link;
        on.submit(SubmitSmFactory.submission(job.mt), part).whenComplete((messageId, failure) -> {
            sending.decrementAndGet();
            if (failure == null) {
                accepted(job, on, part, messageId);
            } else {
                failed(job, failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            }
        });
    }

    /** On jSMPP's thread: record the part (in the next ledger batch) and go on. */
    private void accepted(MtJob job, SmscLink link, Segment part, String messageId) {
        job.ids.add(messageId);
        job.acceptedSeqs.add(part.seq());
        job.link = link.id();
        job.attempt = 0;
        boolean last = job.next == job.parts.size() - 1;
        List<String> ids = List.copyOf(job.ids);
        writer.accepted(new MtLedger.Acceptance(job.mt.requestId(), part.seq(), part.total(), link.id(), messageId, last,
                clock.instant()), moved -> {
                    if (last && moved) {
                        outcomes.finished(job.mt, MtLedger.State.ACCEPTED, null, ids);
                    }
                });
        inFlight.remove(job);
        if (last) {
            done(job);
        } else {
            job.next++;
            lines.continueWith(job);
        }
    }

    private void failed(MtJob job, Throwable failure) {
        if (!(failure instanceof SubmitException e)) {
            log.error("MT {} failed unexpectedly; retrying", job.mt.requestId(), failure);
            retryLater(job, null);
            return;
        }
        if (e.transientFailure()) {
            retries.count(e.reason());
            retryLater(job, e);
        } else {
            log.info("MT {} to {} rejected by the SMS-C: {} {}", job.mt.requestId(), Msisdn.mask(job.mt.to()),
                    e.statusCode(), e.getMessage());
            finish(job, MtLedger.State.REJECTED, e.statusCode());
        }
    }

    /** The next MT to this handset may pass while this one waits for its retry. */
    private void retryLater(MtJob job, SubmitException cause) {
        inFlight.remove(job);
        lines.release(job.mt.to());
        retries.retryLater(job, cause, j -> lines.enqueue(j, true));
    }

    /** The job leaves memory; its handset's next MT goes. */
    private void done(MtJob job) {
        lines.release(job.mt.to());
        backlog.released(job);
    }

    /** A job of a partition revoked leaves memory unsent, PENDING for the new owner; its handset's next MT goes. */
    private boolean dropIfNotOwned(MtJob job) {
        if (!backlog.dropIfNotOwned(job)) {
            return false;
        }
        inFlight.remove(job);
        lines.release(job.mt.to());
        return true;
    }

    private void finish(MtJob job, MtLedger.State state, String errorCode) {
        List<String> ids = List.copyOf(job.ids);
        writer.finished(new MtLedger.Final(job.mt.requestId(), state, errorCode, clock.instant()), moved -> {
            if (moved) {
                outcomes.finished(job.mt, state, errorCode, ids);
            }
        });
        inFlight.remove(job);
        done(job);
    }

    /**
     * Stops taking work: retries not yet due and MTs not yet submitted stay PENDING in the ledger for the next
     * start; submits awaiting their response are given up to 10 s to get it, so that an accepted part is recorded
     * rather than sent again after the restart.
     */
    @Override
    public void close() {
        closed = true;
        backlog.close();
        retries.close();
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
