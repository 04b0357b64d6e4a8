package io.mobim.smpp.dlr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsAddresses;
import io.mobim.events.sms.SmsDlr;
import io.mobim.smpp.Msisdns;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.esme.DeliverReply;
import io.mobim.smpp.esme.SmscLink;
import io.mobim.smpp.mt.DlrSink;
import io.mobim.smpp.mt.LedgerWriter;
import io.mobim.smpp.mt.MtLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.DeliverSm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches delivery receipts to MT parts through the {@link MtLedger} and, when every part of an MT that asked
 * for a receipt has a final one, publishes DELIVERED (or the first failure) to the {@link DlrSink}; the SMS-C is
 * answered once Kafka has it and the ledger has the mark, without a thread waiting for either.
 *
 * <p>Matching: the exact SMS-C message id first, then its decimal/hex variants ({@link ReceiptParser}); a part
 * whose MT went to another handset than the receipt names (its source, or destination, address) is never taken.
 *
 * <p>A receipt can overtake its own MT's bookkeeping: the part's acceptance (or the MT's ACCEPTED on Kafka) may
 * not be recorded yet. Such a receipt is held, unanswered, and looked at again after each ledger batch; it is
 * applied as soon as the acceptance is recorded, in order after the ACCEPTED. Held longer than
 * {@code mobim.smpp.mo.receipt-hold}, it is answered ESME_RX_T_APPN so that the SMS-C retries it; after
 * {@value #UNMATCHED_TRIES} such tries it is acknowledged and counted as unmatched. At most {@value #MOST_HELD}
 * are held at once; beyond that, a receipt is answered ESME_RX_T_APPN at once.
 */
public final class ReceiptHandler implements AutoCloseable {

    static final int UNMATCHED_TRIES = 5;
    static final int MOST_HELD = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ReceiptHandler.class);

    /** A receipt waiting for its MT's acceptance to be recorded. */
    private record Held(SmscLink link, ReceiptParser receipt, String source, String destination, DeliverReply reply,
                        long deadline) {

        String key() {
            return link.id() + "|" + receipt.messageIds();
        }
    }

    private final MtLedger ledger;
    private final LedgerWriter writer;
    private final DlrSink sink;
    private final SmppProperties.Mo config;
    private final Clock clock;
    private final ConcurrentLinkedQueue<Held> held = new ConcurrentLinkedQueue<>();
    private final AtomicInteger heldCount = new AtomicInteger();
    private final AtomicBoolean recheckQueued = new AtomicBoolean();
    private final Map<String, Integer> unmatchedTries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService worker;
    private final Counter matched;
    private final Counter unmatched;
    private final Counter intermediate;
    private final Counter published;
    private final Counter otherRecipient;

    public ReceiptHandler(MtLedger ledger, LedgerWriter writer, DlrSink sink, SmppProperties.Mo config, MeterRegistry registry,
                          Clock clock) {
        this.ledger = ledger;
        this.writer = writer;
        this.sink = sink;
        this.config = config;
        this.clock = clock;
        matched = Counter.builder("mobim.smpp.receipts").tag("outcome", "matched").description("delivery receipts").register(registry);
        unmatched = Counter.builder("mobim.smpp.receipts").tag("outcome", "unmatched").register(registry);
        intermediate = Counter.builder("mobim.smpp.receipts").tag("outcome", "intermediate").register(registry);
        published = Counter.builder("mobim.smpp.receipts").tag("outcome", "published").register(registry);
        otherRecipient = Counter.builder("mobim.smpp.receipts").tag("outcome", "other-recipient").register(registry);
        Gauge.builder("mobim.smpp.receipts.held", heldCount, AtomicInteger::get)
                .description("receipts waiting for their MT's acceptance to be recorded").register(registry);
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-receipts-held");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::recheck, 200, 200, TimeUnit.MILLISECONDS);
        writer.afterEachBatch(() -> {
            if (heldCount.get() > 0 && recheckQueued.compareAndSet(false, true)) {
                try {
                    worker.execute(this::recheck);
                } catch (RejectedExecutionException closing) {
                    recheckQueued.set(false);
                }
            }
        });
    }

    public void handle(SmscLink link, DeliverSm d, DeliverReply reply) {
        ReceiptParser receipt = ReceiptParser.parse(d);
        if (receipt.intermediate() || receipt.status() == null) {
            intermediate.increment();
            reply.accept();
            return;
        }
        Held h = new Held(link, receipt, Msisdns.toE164(d.getSourceAddr(), d.getSourceAddrTon()),
                Msisdns.toE164(d.getDestAddress(), d.getDestAddrTon()), reply,
                System.nanoTime() + config.receiptHold().toNanos());
        if (!tryApply(h)) {
            if (heldCount.incrementAndGet() > MOST_HELD) {
                heldCount.decrementAndGet();
                reply.retryLater();
                return;
            }
            held.add(h);
        }
    }

    /** Looks at the held receipts again, in the order they came. */
    private void recheck() {
        recheckQueued.set(false);
        long now = System.nanoTime();
        for (Iterator<Held> it = held.iterator(); it.hasNext(); ) {
            Held h = it.next();
            boolean applied;
            try {
                applied = tryApply(h);
            } catch (RuntimeException e) {
                log.warn("receipt on {} could not be matched yet ({})", h.link().id(), e.toString());
                applied = false;
            }
            if (applied) {
                it.remove();
                heldCount.decrementAndGet();
            } else if (now - h.deadline() > 0) {
                it.remove();
                heldCount.decrementAndGet();
                giveUp(h);
            }
        }
    }

    private void giveUp(Held h) {
        if (unmatchedTries.size() > MOST_HELD) {
            unmatchedTries.clear(); // receipts the SMS-C stopped retrying: do not grow for ever
        }
        int tries = unmatchedTries.merge(h.key(), 1, Integer::sum);
        if (tries < UNMATCHED_TRIES) {
            log.debug("receipt on {} for message ids {} matches no recorded MT yet; asking the SMS-C to retry", h.link().id(),
                    h.receipt().messageIds());
            h.reply().retryLater();
            return;
        }
        unmatchedTries.remove(h.key());
        unmatched.increment();
        log.warn("receipt on {} for message ids {} matches no MT: acknowledged and dropped", h.link().id(), h.receipt().messageIds());
        h.reply().accept();
    }

    /** Applies the receipt if its MT is recorded (and its ACCEPTED published); false to hold it. */
    private boolean tryApply(Held h) {
        Optional<MtLedger.PartMatch> found = choose(h, ledger.findParts(h.link().id(), h.receipt().messageIds()));
        if (found.isEmpty()) {
            return false;
        }
        MtLedger.PartMatch part = found.get();
        if (part.receiptWanted() && (part.state() == MtLedger.State.PENDING || !part.outcomePublished())) {
            return false; // its receipt must not overtake the MT's ACCEPTED on Kafka
        }
        unmatchedTries.remove(h.key());
        matched.increment();
        ReceiptParser receipt = h.receipt();
        // the part's receipt is recorded even while later parts are still being submitted
        Optional<MtLedger.Aggregate> done = ledger.receipt(part, receipt.status(), receipt.errorCode(), clock.instant());
        if (done.isEmpty()) {
            h.reply().accept();
            return true;
        }
        MtLedger.ReceiptMark mark = new MtLedger.ReceiptMark(part, done.get(), clock.instant());
        if (!part.receiptWanted()) {
            writer.receiptPublished(mark, h.reply()::accept);
            return true;
        }
        MtLedger.Aggregate a = done.get();
        SmsDlr dlr = SmsDlr.of(part.requestId(), part.to(), a.status(), a.messageIds(), a.errorCode(), clock.instant(),
                part.service());
        CompletableFuture<?> stored;
        try {
            stored = sink.publish(dlr);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        stored.orTimeout(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure != null) {
                log.warn("receipt for MT {} to {} not yet durable ({}); asking the SMS-C to retry", part.requestId(),
                        Msisdns.mask(part.to()), failure.toString());
                h.reply().retryLater();
                return;
            }
            writer.receiptPublished(mark, () -> {
                published.increment();
                h.reply().accept();
            });
        });
        return true;
    }

    /** The exact message id before its variants; never a part of an MT to another handset than the receipt names. */
    private Optional<MtLedger.PartMatch> choose(Held h, List<MtLedger.PartMatch> candidates) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        List<String> handsets = new ArrayList<>(2);
        for (String a : new String[] {h.source(), h.destination()}) {
            if (a != null && SmsAddresses.E164.matcher(a).matches()) {
                handsets.add(a);
            }
        }
        String exact = h.receipt().messageIds().iterator().next();
        MtLedger.PartMatch best = null;
        for (MtLedger.PartMatch p : candidates) {
            if (!handsets.isEmpty() && !handsets.contains(p.to())) {
                continue;
            }
            if (p.messageId().equals(exact)) {
                return Optional.of(p);
            }
            if (best == null) {
                best = p;
            }
        }
        if (best == null) {
            otherRecipient.increment();
            log.debug("receipt on {} for message ids {} matches only MTs to other handsets", h.link().id(),
                    h.receipt().messageIds());
        }
        return Optional.ofNullable(best);
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
