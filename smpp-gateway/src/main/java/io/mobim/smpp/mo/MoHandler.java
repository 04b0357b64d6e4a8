package io.mobim.smpp.mo;

import io.mobim.events.Msisdn;
import io.mobim.events.TimeOrderedIds;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.sms.SmsMo;
import io.mobim.smpp.Msisdns;
import io.mobim.events.sms.SmsAddresses;
import io.mobim.smpp.codec.PartHeader;
import io.mobim.smpp.codec.PartStore;
import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.codec.SmsTextDecoder;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.esme.DeliverReply;
import io.mobim.smpp.esme.SmscLink;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.OptionalParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns deliver_sm from handsets into {@link SmsMo}: strips and reads the UDH (or the sar_ TLVs, or takes
 * message_payload), reassembles long messages, decodes by data_coding, fingerprints it ({@link MoFingerprint}) and
 * acknowledges the SMS-C only once the {@link MoSink} has the MO, without a thread waiting for it. When the sink
 * fails or is too slow ({@code mobim.smpp.mo.ack-timeout}) the deliver_sm is answered ESME_RX_T_APPN (0x64) and
 * the SMS-C delivers it again; an MO from an address that is not a subscriber number, or to one that is not a
 * short code, or longer than {@code mobim.smpp.mo.max-text-length}, is refused for good with ESME_RX_P_APPN (0x65).
 *
 * <p>Parts of a long MO that arrived before its last part wait in a {@link PartStore} and are acknowledged
 * once stored there: in PostgreSQL ({@link JdbcMoPartStore}) they survive a restart; in memory they do not.
 */
public final class MoHandler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MoHandler.class);

    private final MoSink sink;
    private final MoLag lag;
    private final SmppProperties.Mo config;
    private final Clock clock;
    private final PartStore reassembler;
    private final ScheduledExecutorService sweeper;
    private final Counter published;
    private final Counter parts;
    private final Counter failed;
    private final Counter refused;
    private final Counter expired;
    private final AtomicInteger awaiting = new AtomicInteger();
    /** Answers the SMS-C once Kafka has the MO: never on the Kafka producer's I/O thread, never on jSMPP's. */
    private final ExecutorService acks = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "smpp-mo-ack");
        t.setDaemon(true);
        return t;
    });

    public MoHandler(MoSink sink, SmppProperties.Mo config, MeterRegistry registry, Clock clock) {
        this(sink, new Reassembler(config.reassemblyTimeout()), MoLag.NONE, config, registry, clock);
    }

    /**
     * @param parts where parts of long MOs wait: in memory ({@link Reassembler}) or in PostgreSQL ({@link JdbcMoPartStore})
     * @param lag told of each MO sent to the sink and of its publish settling, for MO admission
     */
    public MoHandler(MoSink sink, PartStore parts, MoLag lag, SmppProperties.Mo config, MeterRegistry registry, Clock clock) {
        this.sink = sink;
        this.lag = lag;
        this.config = config;
        this.clock = clock;
        this.reassembler = parts;
        this.published = Counter.builder("mobim.smpp.mo").tag("outcome", "published").description("MOs by outcome").register(registry);
        this.parts = Counter.builder("mobim.smpp.mo").tag("outcome", "part-held").register(registry);
        this.failed = Counter.builder("mobim.smpp.mo").tag("outcome", "retry-requested").register(registry);
        this.refused = Counter.builder("mobim.smpp.mo").tag("outcome", "refused").register(registry);
        this.expired = Counter.builder("mobim.smpp.mo").tag("outcome", "incomplete-expired").register(registry);
        Gauge.builder("mobim.smpp.mo.pending", awaiting, AtomicInteger::get)
                .description("MOs waiting for Kafka before their deliver_sm_resp").register(registry);
        Gauge.builder("mobim.smpp.mo.reassembly.pending", reassembler, PartStore::pendingCount)
                .description("long MOs waiting for parts").register(registry);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smpp-mo-reassembly");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, config.reassemblyTimeout().toMillis() / 4);
        sweeper.scheduleAtFixedRate(this::sweep, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweep() {
        int n;
        try {
            n = reassembler.expire(clock.instant());
        } catch (RuntimeException e) {
            log.warn("expiring incomplete long MOs failed: {}", e.toString());
            return;
        }
        if (n > 0) {
            expired.increment(n);
            log.warn("{} long MOs expired incomplete after {}", n, config.reassemblyTimeout());
        }
    }

    /**
     * Handles one MO deliver_sm and answers it through {@code reply}: ESME_ROK once the {@link MoSink} has the MO
     * (on the {@code smpp-mo-ack} thread, never on the caller's), ESME_RX_T_APPN when it cannot take it in time,
     * ESME_RX_P_APPN for an MO the platform can never take.
     */
    public void handle(SmscLink link, DeliverSm d, DeliverReply reply) {
        String from = Msisdns.toE164(d.getSourceAddr(), d.getSourceAddrTon());
        String to = d.getDestAddress();
        byte[] sm = d.getShortMessage() == null ? new byte[0] : d.getShortMessage();
        if (sm.length == 0 && d.getOptionalParameter(OptionalParameter.Tag.MESSAGE_PAYLOAD) instanceof OptionalParameter.OctetString p) {
            sm = p.getValue();
        }
        PartHeader header;
        try {
            header = PartHeader.of(d, sm);
        } catch (IllegalArgumentException e) {
            refuse(reply, link, from, to, "bad user data header: " + e.getMessage());
            return;
        }
        if (from == null || !Msisdn.isE164(from) || to == null
                || !SmsAddresses.isShortCode(to)) {
            refuse(reply, link, from, to, "not a subscriber number to a short code");
            return;
        }
        Instant now = clock.instant();
        Reassembler.Part part = new Reassembler.Part(link.id(), from, to, header.reference(), header.total(), header.seq(), d.getDataCoding(),
                header.payload(), null);
        Reassembler.Assembled whole;
        try {
            whole = reassembler.offer(part, now).orElse(null);
        } catch (RuntimeException e) {
            retry(reply, link, from, e); // the part store (database) is down: the SMS-C resends the part later
            return;
        }
        if (whole == null) {
            parts.increment();
            reply.accept();
            return;
        }
        String text = SmsTextDecoder.decode(whole.dataCoding(), whole.octets(), link.config().defaultAlphabet());
        if (text.length() > config.maxTextLength()) {
            // a longer text would be refused again on every redelivery: the SMS-C must stop resending it
            refuse(reply, link, from, to, "text of " + text.length() + " characters in " + whole.parts()
                    + " parts is longer than mobim.smpp.mo.max-text-length (" + config.maxTextLength() + ")");
            return;
        }
        SmsMo mo;
        try {
            mo = SmsMo.of(TimeOrderedIds.next().toString(), from, to, text, now, link.id(), whole.parts(), null,
                    MoFingerprint.of(d, from, to, whole.dataCoding(), whole.octets(), header));
        } catch (IllegalArgumentException | NullPointerException e) {
            refuse(reply, link, from, to, e.getMessage());
            return;
        }
        CompletableFuture<?> stored;
        lag.publishing();
        try {
            stored = sink.publish(mo);
        } catch (RuntimeException e) {
            stored = CompletableFuture.failedFuture(e);
        }
        awaiting.incrementAndGet();
        stored.orTimeout(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS).whenCompleteAsync((ok, failure) -> {
            awaiting.decrementAndGet();
            lag.settled(failure == null);
            if (failure == null) {
                published.increment();
                reply.accept();
            } else {
                giveBack(whole, header.seq());
                retry(reply, link, from, failure);
            }
        }, acks);
    }

    private void refuse(DeliverReply reply, SmscLink link, String from, String to, String why) {
        refused.increment();
        log.warn("MO on {} from {} to {} refused for good: {}", link.id(), Msisdn.mask(from), to, why);
        reply.refuse();
    }

    /** The SMS-C will redeliver only the part we refuse: keep the others so the message completes again. */
    private void giveBack(Reassembler.Assembled whole, int refusedSeq) {
        if (whole.parts() > 1) {
            try {
                reassembler.restore(whole, refusedSeq, clock.instant());
            } catch (RuntimeException e) {
                log.error("parts of a long MO could not be put back ({}); that MO is lost", e.toString());
            }
        }
    }

    private void retry(DeliverReply reply, SmscLink link, String from, Throwable cause) {
        failed.increment();
        Throwable why = cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null ? cause.getCause() : cause;
        log.warn("MO on {} from {} not yet durable ({}); asking the SMS-C to retry", link.id(), Msisdn.mask(from), why.toString());
        reply.retryLater();
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        acks.shutdown();
    }
}
