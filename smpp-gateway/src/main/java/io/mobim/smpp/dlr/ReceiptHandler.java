package io.mobim.smpp.dlr;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsDlr;
import io.mobim.smpp.Msisdns;
import io.mobim.smpp.esme.SmscLink;
import io.mobim.smpp.mt.DlrSink;
import io.mobim.smpp.mt.MtLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.ProcessRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches delivery receipts to MT parts through the {@link MtLedger} and, when every part of an MT that
 * asked for a receipt has a final one, publishes DELIVERED (or the first failure) to the {@link DlrSink}
 * before acknowledging the SMS-C. A receipt that matches nothing yet (it can overtake the bookkeeping of
 * its own submit_sm_resp) is answered ESME_RX_T_APPN so the SMS-C retries it; after
 * {@value #UNMATCHED_TRIES} tries it is acknowledged and counted as unmatched.
 */
public final class ReceiptHandler {

    static final int UNMATCHED_TRIES = 5;
    private static final Logger log = LoggerFactory.getLogger(ReceiptHandler.class);

    private final MtLedger ledger;
    private final DlrSink sink;
    private final Duration ackTimeout;
    private final Clock clock;
    private final Map<String, Integer> unmatchedTries = new ConcurrentHashMap<>();
    private final Counter matched;
    private final Counter unmatched;
    private final Counter intermediate;
    private final Counter published;

    public ReceiptHandler(MtLedger ledger, DlrSink sink, Duration ackTimeout, MeterRegistry registry, Clock clock) {
        this.ledger = ledger;
        this.sink = sink;
        this.ackTimeout = ackTimeout;
        this.clock = clock;
        matched = Counter.builder("mobim.smpp.receipts").tag("outcome", "matched").description("delivery receipts").register(registry);
        unmatched = Counter.builder("mobim.smpp.receipts").tag("outcome", "unmatched").register(registry);
        intermediate = Counter.builder("mobim.smpp.receipts").tag("outcome", "intermediate").register(registry);
        published = Counter.builder("mobim.smpp.receipts").tag("outcome", "published").register(registry);
    }

    public void handle(SmscLink link, DeliverSm d) throws ProcessRequestException {
        ReceiptParser receipt = ReceiptParser.parse(d);
        if (receipt.intermediate() || receipt.status() == null) {
            intermediate.increment();
            return;
        }
        Optional<MtLedger.PartMatch> found = ledger.findPart(link.id(), receipt.messageIds());
        String key = link.id() + "|" + receipt.messageIds();
        if (found.isEmpty()) {
            if (unmatchedTries.size() > 10_000) {
                unmatchedTries.clear(); // receipts the SMS-C stopped retrying: do not grow for ever
            }
            int tries = unmatchedTries.merge(key, 1, Integer::sum);
            if (tries < UNMATCHED_TRIES) {
                throw new ProcessRequestException("receipt not matched yet", SMPPConstant.STAT_ESME_RX_T_APPN);
            }
            unmatchedTries.remove(key);
            unmatched.increment();
            log.warn("receipt on {} for message ids {} matches no MT: acknowledged and dropped", link.id(), receipt.messageIds());
            return;
        }
        unmatchedTries.remove(key);
        matched.increment();
        MtLedger.PartMatch part = found.get();
        // the part's receipt is recorded even while later parts are still being submitted
        Optional<MtLedger.Aggregate> done = ledger.receipt(part, receipt.status(), receipt.errorCode(), clock.instant());
        if (done.isEmpty()) {
            return;
        }
        if (!part.receiptWanted()) {
            ledger.receiptPublished(part, done.get(), clock.instant());
            return;
        }
        if (part.state() == MtLedger.State.PENDING || !part.outcomePublished()) {
            // the MT's ACCEPTED is not on Kafka yet: its receipt must not overtake it; the SMS-C retries shortly
            throw new ProcessRequestException("MT outcome not published yet", SMPPConstant.STAT_ESME_RX_T_APPN);
        }
        MtLedger.Aggregate a = done.get();
        SmsDlr dlr = SmsDlr.of(part.requestId(), part.to(), a.status(), a.messageIds(), a.errorCode(), clock.instant(),
                part.service());
        try {
            sink.publish(dlr).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProcessRequestException("receipt not stored yet", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        } catch (Exception e) {
            log.warn("receipt for MT {} to {} not yet durable ({}); asking the SMS-C to retry", part.requestId(),
                    Msisdns.mask(part.to()), e.toString());
            throw new ProcessRequestException("receipt not stored yet", SMPPConstant.STAT_ESME_RX_T_APPN, e);
        }
        ledger.receiptPublished(part, a, clock.instant());
        published.increment();
    }
}
