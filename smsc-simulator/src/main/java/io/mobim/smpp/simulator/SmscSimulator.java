package io.mobim.smpp.simulator;

import io.mobim.smpp.Msisdns;
import io.mobim.smpp.codec.ConcatMode;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.jsmpp.util.DeliveryReceiptState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.convert.DurationStyle;

/**
 * An SMS-C that plays the network for development and tests, on jSMPP's server side. It accepts binds
 * (any system id, or the configured credentials), stores every MT per handset (parts and reassembled
 * messages), answers with a message id and sends a delivery receipt when one is asked for, and lets a
 * person or a test act as a handset ({@link #injectMo}). Faults for tests: {@link #throttleNext},
 * {@link #failNext}, {@link #dropConnections}, {@link #refuseBinds}, {@link #unreachable}.
 *
 * <p>Its parts: {@link EsmeBinds} (listening, binds, the bound ESMEs), {@link SubmitSmHandler} (answering submit_sm,
 * with the {@link SubmitFaults} a test asks for), {@link HandsetInbox} (what the handsets received),
 * {@link DeliverSmSender} (deliver_sm, retried) and {@link DeliveryReceipts}.
 *
 * <p>Like a real SMS-C it retries a deliver_sm (MO or receipt) that the ESME answers with an error or does
 * not answer, until {@link Options#deliveryRetryFor()} has passed, and keeps it while no receiver is bound.
 *
 * <pre>{@code
 * try (SmscSimulator smsc = SmscSimulator.start(0)) {
 *     int port = smsc.port();          // bind an ESME to 127.0.0.1:port
 *     smsc.injectMo("+447700900001", "20123", "1 Hello there");
 *     smsc.messagesTo("+447700900002"); // what that handset received
 * }
 * }</pre>
 */
public final class SmscSimulator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmscSimulator.class);

    /**
     * How the simulator behaves.
     *
     * @param host the address to listen on ({@code 127.0.0.1} unless a container needs {@code 0.0.0.0})
     * @param port the port, 0 for a random free one
     * @param systemId the system id ESMEs must bind with, or null to accept any
     * @param password the password they must give (checked only when {@code systemId} is set)
     * @param receiptDelay how long after accepting an MT the receipt is sent
     * @param deliveryRetryFor how long an MO or receipt is retried before it is given up
     * @param maxParts the most parts an injected MO may be split into; 0 for {@link #MAX_PARTS}
     */
    public record Options(String host, int port, String systemId, String password, Duration receiptDelay,
                          Duration deliveryRetryFor, int maxParts) {

        /** The most parts an injected MO may be split into, unless told otherwise. */
        public static final int MAX_PARTS = 10;

        public Options {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535: " + port);
            }
            receiptDelay = receiptDelay == null ? DurationStyle.detectAndParse(SimulatorProperties.RECEIPT_DELAY) : receiptDelay;
            deliveryRetryFor = deliveryRetryFor == null ? Duration.ofMinutes(2) : deliveryRetryFor;
            maxParts = maxParts <= 0 ? MAX_PARTS : maxParts;
        }

        /** Loopback, a random port, any system id, the default receipt delay. */
        public static Options defaults() {
            return new Options(SimulatorProperties.LOOPBACK, 0, null, null, null, null, 0);
        }

        public Options withHost(String newHost) {
            return new Options(newHost, port, systemId, password, receiptDelay, deliveryRetryFor, maxParts);
        }

        public Options withPort(int newPort) {
            return new Options(host, newPort, systemId, password, receiptDelay, deliveryRetryFor, maxParts);
        }

        public Options withCredentials(String newSystemId, String newPassword) {
            return new Options(host, port, newSystemId, newPassword, receiptDelay, deliveryRetryFor, maxParts);
        }

        public Options withReceiptDelay(Duration delay) {
            return new Options(host, port, systemId, password, delay, deliveryRetryFor, maxParts);
        }
    }

    public static final String SMSC_SYSTEM_ID = "MOBIMSIM";

    private final Options options;
    private final EsmeBinds binds;
    private final HandsetInbox inbox = new HandsetInbox();
    private final SubmitFaults faults = new SubmitFaults();
    private final DeliverSmSender sender;
    private final DeliveryReceipts receipts;
    private final SubmitSmHandler submits;
    private volatile boolean closed;

    private SmscSimulator(Options options) throws IOException {
        this.options = options;
        this.binds = new EsmeBinds(options, () -> closed);
        this.sender = new DeliverSmSender(options, binds, () -> closed);
        this.receipts = new DeliveryReceipts(options, sender, inbox, () -> closed);
        this.submits = new SubmitSmHandler(faults, inbox, receipts, () -> closed);
        binds.start(submits, submits);
    }

    /** Starts a simulator on 127.0.0.1:{@code port} (0 = random) accepting any system id. */
    public static SmscSimulator start(int port) {
        return start(Options.defaults().withPort(port));
    }

    public static SmscSimulator start(Options options) {
        try {
            return new SmscSimulator(options);
        } catch (IOException e) {
            throw new IllegalStateException("SMS-C simulator cannot listen on " + options.host() + ":" + options.port(), e);
        }
    }

    /** The port it listens on (the real one when started with 0). */
    public int port() {
        return binds.serverSocket().getLocalPort();
    }

    /** The address it listens on. */
    public String host() {
        return options.host();
    }

    /** The address this process reaches it at: the one it listens on, or loopback when that is every interface. */
    public String localAddress() {
        return binds.serverSocket().getInetAddress().isAnyLocalAddress() ? SimulatorProperties.LOOPBACK : options.host();
    }

    // ------------------------------------------------------------------ the handset view

    /**
     * Calls {@code listener} with every message as it reaches a handset (all its parts in), on the SMS-C's
     * thread: load drivers time arrivals with it. Keep it short.
     */
    public void onHandsetMessage(Consumer<HandsetMessage> listener) {
        inbox.onHandsetMessage(listener);
    }

    /** The messages that reached {@code msisdn}, oldest first (the newest {@value HandsetHistory#PER_HANDSET}). */
    public List<HandsetMessage> messagesTo(String msisdn) {
        return inbox.messagesTo(Msisdns.normalise(msisdn));
    }

    /**
     * The delivery receipts sent for MTs to {@code msisdn} and acknowledged by the ESME, oldest first (the newest
     * {@value HandsetHistory#PER_HANDSET}).
     */
    public List<SentReceipt> receiptsFor(String msisdn) {
        return inbox.receiptsFor(Msisdns.normalise(msisdn));
    }

    /** The submit_sm accepted for {@code msisdn}, in arrival order (the newest {@value HandsetHistory#PER_HANDSET}). */
    public List<SubmittedPart> submitsTo(String msisdn) {
        return inbox.submitsTo(Msisdns.normalise(msisdn));
    }

    /** The handsets that received at least one MT. */
    public List<String> handsets() {
        return inbox.handsets();
    }

    /** submit_sm accepted since start (throttled or failed ones not counted). */
    public long submitCount() {
        return submits.submitCount();
    }

    /** submit_sm answered with an error since start. */
    public long rejectedCount() {
        return submits.rejectedCount();
    }

    /** Binds refused because of {@link #refuseBinds(boolean)}. */
    public long refusedBinds() {
        return binds.refusedBinds();
    }

    /** ESME sessions bound now. */
    public int boundSessions() {
        return binds.boundSessions();
    }

    /** Forgets every stored MT (not the bound sessions). */
    public void clear() {
        receipts.clear();
        inbox.clear();
    }

    // ------------------------------------------------------------------ acting as a handset

    /** Sends {@code text} from {@code from} to short code {@code to}, split with UDH when long. */
    public CompletableFuture<Void> injectMo(String from, String to, String text) {
        return injectMo(from, to, text, ConcatMode.UDH);
    }

    /**
     * Sends an MO as deliver_sm to a bound receiver (RX or TRX), split into parts with a UDH or the sar_
     * TLVs when long. The future completes when the ESME acknowledged every part, or fails when it could
     * not be delivered within {@link Options#deliveryRetryFor()}.
     */
    public CompletableFuture<Void> injectMo(String from, String to, String text, ConcatMode mode) {
        return sender.injectMo(from, to, text, mode);
    }

    // ------------------------------------------------------------------ faults for tests

    /** Answers the next {@code n} submit_sm with ESME_RTHROTTLED (0x58), storing nothing. */
    public void throttleNext(int n) {
        faults.throttleNext(n);
    }

    /** Answers the next {@code n} submit_sm with {@code commandStatus} (e.g. 0x14 ESME_RMSGQFUL, 0x0B ESME_RINVDSTADR). */
    public void failNext(int n, int commandStatus) {
        faults.failNext(n, commandStatus);
    }

    /**
     * Answers the next {@code times} submit_sm matching {@code which} (e.g. {@code p -> p.seq() == 2}) with
     * {@code commandStatus}, storing nothing. The part given to the predicate has no message id yet.
     */
    public void failWhere(Predicate<SubmittedPart> which, int commandStatus, int times) {
        faults.failWhere(which, commandStatus, times);
    }

    /** Takes {@code delay} to process each submit_sm from now on (an SMS-C under load); zero restores. */
    public void slowDown(Duration delay) {
        faults.slowDown(delay);
    }

    /** The most submit_sm the simulator was processing at the same time since start: what an ESME's window allowed. */
    public int maxConcurrentSubmits() {
        return submits.maxConcurrentSubmits();
    }

    /** Receipts for {@code msisdn} say {@code state} (UNDELIV, EXPIRED, REJECTD, ...) instead of DELIVRD; null clears. */
    public void unreachable(String msisdn, DeliveryReceiptState state) {
        receipts.unreachable(Msisdns.normalise(msisdn), state);
    }

    /**
     * While true, MTs to {@code msisdn} are accepted and delivered but their receipts are never sent, as when an
     * SMS-C loses them: what the ESME's side must cope with by time alone.
     */
    public void loseReceipts(String msisdn, boolean lose) {
        receipts.loseReceipts(Msisdns.normalise(msisdn), lose);
    }

    /** While true, binds are rejected with ESME_RBINDFAIL: the SMS-C is "down". */
    public void refuseBinds(boolean refuse) {
        binds.refuseBinds(refuse);
    }

    /**
     * Drops every ESME connection, the way an SMS-C going down does. It stops accepting: submit_sm that
     * arrive from now on are answered ESME_RSYSERR and not stored; it lets the answers to the submit_sm it
     * already stored go out, then closes the sockets. So every MT is either stored and acknowledged or not
     * stored and refused, which is what lets a test check "exactly once" across a drop.
     */
    public void dropConnections() {
        submits.dropping(true);
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (submits.inFlightResponses() > 0 && System.nanoTime() < deadline) {
                sleep(5);
            }
            // let responses leave the socket buffers and the ESME stop sending before the sockets close
            long quietSince = System.nanoTime();
            while (System.nanoTime() - Math.max(quietSince, submits.lastSubmitNanos()) < TimeUnit.MILLISECONDS.toNanos(100)
                    && System.nanoTime() < deadline) {
                sleep(10);
            }
            binds.closeSessions();
            log.info("SMS-C simulator on port {} dropped every connection", port());
        } finally {
            submits.dropping(false);
        }
    }

    /**
     * Closes every ESME connection at once, as a crashed SMS-C or a cut cable does: submit_sm being
     * processed may be stored without their answer reaching the ESME. Unlike {@link #dropConnections()}, this
     * can make an ESME send such an MT again (SMPP cannot tell it whether the SMS-C had it).
     */
    public void killConnections() {
        binds.closeSessions();
        log.info("SMS-C simulator on port {} killed every connection", port());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops listening, closes every session and the simulator's threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        binds.close();
        sender.shutdown();
        binds.stopThreads();
    }
}
