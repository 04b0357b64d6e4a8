package io.mobim.smpp;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsMt;
import io.mobim.smpp.codec.PartStore;
import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.dlr.ReceiptHandler;
import io.mobim.smpp.esme.DeliverRouter;
import io.mobim.smpp.esme.SmscLinks;
import io.mobim.smpp.mo.MoAdmission;
import io.mobim.smpp.mo.MoHandler;
import io.mobim.smpp.mo.MoLag;
import io.mobim.smpp.mo.MoSink;
import io.mobim.smpp.mt.DlrSink;
import io.mobim.smpp.mt.LedgerWriter;
import io.mobim.smpp.mt.MtLedger;
import io.mobim.smpp.mt.MtSender;
import java.time.Clock;
import java.util.List;

/**
 * The gateway's core, free of Kafka and Spring: the SMS-C links, the MT sender, the MO and receipt
 * handlers. Kafka sits behind {@link MoSink} and {@link DlrSink} (out) and {@link #accept(SmsMt)} (in),
 * so tests drive it with real jSMPP sessions against the simulator and plain Java at the edges.
 */
public final class SmppGateway implements AutoCloseable {

    private final SmscLinks links;
    private final MtSender mtSender;
    private final MoHandler moHandler;
    private final MoAdmission moAdmission;
    private final LedgerWriter ledgerWriter;
    private final ReceiptHandler receipts;

    public SmppGateway(List<SmppProperties.Smsc> smscs, SmppProperties.Mt mt, SmppProperties.Mo mo, MtLedger ledger,
                       MoSink moSink, DlrSink dlrSink, MeterRegistry registry, Clock clock) {
        this(smscs, mt, mo, ledger, new Reassembler(mo.reassemblyTimeout()), moSink, dlrSink, registry, clock);
    }

    /** @param moParts where parts of long MOs wait for each other (memory or PostgreSQL) */
    public SmppGateway(List<SmppProperties.Smsc> smscs, SmppProperties.Mt mt, SmppProperties.Mo mo, MtLedger ledger,
                       PartStore moParts, MoSink moSink, DlrSink dlrSink, MeterRegistry registry, Clock clock) {
        this(smscs, mt, mo, ledger, moParts, moSink, dlrSink, MoLag.NONE, registry, clock);
    }

    /** @param moLag the IM core's lag on {@code sms.mo.v1}, one of the backlog signals of MO admission */
    public SmppGateway(List<SmppProperties.Smsc> smscs, SmppProperties.Mt mt, SmppProperties.Mo mo, MtLedger ledger,
                       PartStore moParts, MoSink moSink, DlrSink dlrSink, MoLag moLag, MeterRegistry registry, Clock clock) {
        this.moHandler = new MoHandler(moSink, moParts, moLag, mo, registry, clock);
        this.ledgerWriter = new LedgerWriter(ledger, mt.ledgerBatch(), registry);
        this.receipts = new ReceiptHandler(ledger, ledgerWriter, dlrSink, mo, registry, clock);
        // read only once the links are started, after the sender (which needs the links) exists
        this.moAdmission = new MoAdmission(mo.admission(), this::queuedMts, moLag, registry);
        this.links = new SmscLinks(smscs, new DeliverRouter(moHandler, receipts, moAdmission), registry);
        this.mtSender = new MtSender(links, ledger, ledgerWriter, dlrSink, mt, registry, clock);
    }

    private int queuedMts() {
        return mtSender.queued();
    }

    /** Binds every link and resumes the MTs a previous run left open. */
    public SmppGateway start() {
        links.start();
        mtSender.start();
        return this;
    }

    /** Waits up to {@code timeout} for every session of every link to be bound; true if they are. */
    public boolean awaitBound(java.time.Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!links.links().stream().allMatch(io.mobim.smpp.esme.SmscLink::fullyBound)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Takes an MT: true once it is durable, false for a duplicate request id. */
    public boolean accept(SmsMt mt) {
        return mtSender.accept(mt);
    }

    /** Takes a poll of MTs with one ledger write: returns once they are durable; how many were new (not duplicates). */
    public int acceptAll(List<SmsMt> mts) {
        return mtSender.acceptAll(mts);
    }

    public SmscLinks links() {
        return links;
    }

    public MtSender mtSender() {
        return mtSender;
    }

    public MoAdmission moAdmission() {
        return moAdmission;
    }

    @Override
    public void close() {
        moAdmission.close();
        mtSender.close();
        receipts.close();
        links.close();
        ledgerWriter.close();
        moHandler.close();
    }
}
