package io.mobim.smpp.simulator;

import io.mobim.smpp.Msisdns;
import io.mobim.smpp.codec.ConcatMode;
import io.mobim.smpp.codec.PartHeader;
import io.mobim.smpp.codec.Reassembler;
import io.mobim.smpp.codec.Segment;
import io.mobim.smpp.codec.SmsSplitter;
import io.mobim.smpp.codec.SmsTextDecoder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.OptionalParameter;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.session.connection.ServerConnection;
import org.jsmpp.session.connection.ServerConnectionFactory;
import org.jsmpp.session.connection.socket.ServerSocketConnection;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
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

    private record BoundEsme(SMPPServerSession session, BindType bindType, String systemId) {
        boolean receives() {
            return bindType == BindType.BIND_RX || bindType == BindType.BIND_TRX;
        }
    }

    private static final class FaultRule {
        final java.util.function.Predicate<SubmittedPart> which;
        final int status;
        final AtomicInteger remaining;

        FaultRule(java.util.function.Predicate<SubmittedPart> which, int status, int times) {
            this.which = which;
            this.status = status;
            this.remaining = new AtomicInteger(times);
        }
    }

    public static final String SMSC_SYSTEM_ID = "MOBIMSIM";
    /** MOs and receipts the simulator has outstanding towards the ESMEs at once. */
    static final int DELIVERY_THREADS = 16;

    private final Options options;
    private final ServerSocket serverSocket;
    private final SMPPServerSessionListener listener;
    private final ExecutorService sessionPool;
    private final ScheduledExecutorService deliveryPool;
    private final Thread acceptThread;
    private final List<BoundEsme> bound = new CopyOnWriteArrayList<>();
    private final HandsetHistory<SubmittedPart> partsByHandset = new HandsetHistory<>();
    private final HandsetHistory<HandsetMessage> messagesByHandset = new HandsetHistory<>();
    private final HandsetHistory<SentReceipt> receiptsByHandset = new HandsetHistory<>();
    private final List<java.util.function.Consumer<HandsetMessage>> handsetListeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<SubmittedPart>> pendingMessageParts = new ConcurrentHashMap<>();
    private final Map<String, DeliveryReceiptState> unreachable = new ConcurrentHashMap<>();
    private final Set<String> receiptsLost = ConcurrentHashMap.newKeySet();
    private final Map<String, SubmittedPart> awaitingReceipt = new ConcurrentHashMap<>();
    private final Reassembler reassembler = new Reassembler(Duration.ofHours(1));
    private final AtomicLong messageIds = new AtomicLong(0x10000);
    private final AtomicInteger moReference = new AtomicInteger();
    private final AtomicInteger throttleNext = new AtomicInteger();
    private final AtomicInteger failNext = new AtomicInteger();
    private final List<FaultRule> faultRules = new CopyOnWriteArrayList<>();
    private volatile int failStatus = SMPPConstant.STAT_ESME_RSUBMITFAIL;
    private final AtomicInteger inFlightResponses = new AtomicInteger();
    private final AtomicInteger concurrentSubmits = new AtomicInteger();
    private final AtomicInteger maxConcurrentSubmits = new AtomicInteger();
    private volatile long submitDelayMillis;
    private final AtomicLong submitCount = new AtomicLong();
    private final AtomicLong rejectedCount = new AtomicLong();
    private final AtomicLong refusedBinds = new AtomicLong();
    private final AtomicLong lastSubmitNanos = new AtomicLong();
    private volatile boolean dropping;
    private volatile boolean refuseBinds;
    private volatile boolean closed;

    private SmscSimulator(Options options) throws IOException {
        this.options = options;
        InetAddress address = InetAddress.getByName(options.host());
        ServerSocket[] holder = new ServerSocket[1];
        ServerConnectionFactory factory = new ServerConnectionFactory() {
            @Override
            public ServerConnection listen(int port) throws IOException {
                return listen(port, 0, 50);
            }

            @Override
            public ServerConnection listen(int port, int timeout) throws IOException {
                return listen(port, timeout, 50);
            }

            @Override
            public ServerConnection listen(int port, int timeout, int backlog) throws IOException {
                ServerSocket ss = new ServerSocket();
                ss.setReuseAddress(true);
                ss.bind(new InetSocketAddress(address, port), backlog);
                ss.setSoTimeout(timeout);
                holder[0] = ss;
                return new ServerSocketConnection(ss);
            }
        };
        this.listener = new SMPPServerSessionListener(options.port(), factory);
        this.serverSocket = holder[0];
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(1000);
        listener.setMessageReceiverListener(new SubmitHandler());
        listener.setResponseDeliveryListener(new ResponseListener());
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "smsc-sim-" + serverSocket.getLocalPort());
            t.setDaemon(true);
            return t;
        };
        this.sessionPool = Executors.newCachedThreadPool(daemons);
        // an SMS-C has many deliver_sm outstanding at once (its window); each thread here waits for one response
        this.deliveryPool = Executors.newScheduledThreadPool(DELIVERY_THREADS, daemons);
        this.acceptThread = daemons.newThread(this::acceptLoop);
        acceptThread.start();
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
        return serverSocket.getLocalPort();
    }

    /** The address it listens on. */
    public String host() {
        return options.host();
    }

    /** The address this process reaches it at: the one it listens on, or loopback when that is every interface. */
    public String localAddress() {
        return serverSocket.getInetAddress().isAnyLocalAddress() ? SimulatorProperties.LOOPBACK : options.host();
    }

    // ------------------------------------------------------------------ the handset view

    /** MTs received by {@code msisdn}, reassembled, in the order their last part arrived. */
    /**
     * Calls {@code listener} with every message as it reaches a handset (all its parts in), on the SMS-C's
     * thread: load drivers time arrivals with it. Keep it short.
     */
    public void onHandsetMessage(java.util.function.Consumer<HandsetMessage> listener) {
        handsetListeners.add(listener);
    }

    /** The messages that reached {@code msisdn}, oldest first (the newest {@value HandsetHistory#PER_HANDSET}). */
    public List<HandsetMessage> messagesTo(String msisdn) {
        return messagesByHandset.of(Msisdns.normalise(msisdn));
    }

    /**
     * The delivery receipts sent for MTs to {@code msisdn} and acknowledged by the ESME, oldest first (the newest
     * {@value HandsetHistory#PER_HANDSET}).
     */
    public List<SentReceipt> receiptsFor(String msisdn) {
        return receiptsByHandset.of(Msisdns.normalise(msisdn));
    }

    /** The submit_sm accepted for {@code msisdn}, in arrival order (the newest {@value HandsetHistory#PER_HANDSET}). */
    public List<SubmittedPart> submitsTo(String msisdn) {
        return partsByHandset.of(Msisdns.normalise(msisdn));
    }

    /** The handsets that received at least one MT. */
    public List<String> handsets() {
        return List.copyOf(partsByHandset.handsets());
    }

    /** submit_sm accepted since start (throttled or failed ones not counted). */
    public long submitCount() {
        return submitCount.get();
    }

    /** submit_sm answered with an error since start. */
    public long rejectedCount() {
        return rejectedCount.get();
    }

    /** Binds refused because of {@link #refuseBinds(boolean)}. */
    public long refusedBinds() {
        return refusedBinds.get();
    }

    /** ESME sessions bound now. */
    public int boundSessions() {
        return (int) bound.stream().filter(b -> b.session().getSessionState().isBound()).count();
    }

    /** Forgets every stored MT (not the bound sessions). */
    public void clear() {
        awaitingReceipt.clear();
        partsByHandset.clear();
        messagesByHandset.clear();
        receiptsByHandset.clear();
        pendingMessageParts.clear();
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
        List<Segment> parts = new SmsSplitter(options.maxParts()).split(text, moReference.incrementAndGet(), mode);
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant giveUp = Instant.now().plus(options.deliveryRetryFor());
        deliveryPool.execute(() -> deliverParts(from, to, parts, mode, 0, giveUp, done, 0));
        return done;
    }

    private void deliverParts(String from, String to, List<Segment> parts, ConcatMode mode, int index, Instant giveUp,
                              CompletableFuture<Void> done, int attempt) {
        if (closed) {
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
                deliver(receiver(), Msisdns.toSmpp(from), TypeOfNumber.INTERNATIONAL, to, TypeOfNumber.UNKNOWN, esm,
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

    private void retryLater(Exception cause, Instant giveUp, CompletableFuture<Void> done, int attempt, String what,
                            Runnable retry) {
        if (closed || Instant.now().isAfter(giveUp)) {
            done.completeExceptionally(cause);
            log.warn("SMS-C simulator gave up delivering an {}: {}", what, cause.toString());
            return;
        }
        long delayMs = Math.min(2_000, 20L << Math.min(attempt, 7));
        log.debug("SMS-C simulator retries an {} in {} ms: {}", what, delayMs, cause.toString());
        try {
            deliveryPool.schedule(retry, delayMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException rejected) {
            done.completeExceptionally(cause);
        }
    }

    private SMPPServerSession receiver() throws IOException {
        List<BoundEsme> receivers = bound.stream()
                .filter(b -> b.receives() && b.session().getSessionState().isReceivable())
                .toList();
        if (receivers.isEmpty()) {
            throw new IOException("no ESME bound as receiver");
        }
        return receivers.get((int) (Math.abs(System.nanoTime()) % receivers.size())).session();
    }

    private static void deliver(SMPPServerSession session, String src, TypeOfNumber srcTon, String dst, TypeOfNumber dstTon,
                                ESMClass esm, byte dataCoding, byte[] sm, OptionalParameter... tlvs) throws Exception {
        session.deliverShortMessage("", srcTon, NumberingPlanIndicator.ISDN, src, dstTon, NumberingPlanIndicator.UNKNOWN,
                dst, esm, (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.newInstance(dataCoding), sm, tlvs);
    }

    // ------------------------------------------------------------------ faults for tests

    /** Answers the next {@code n} submit_sm with ESME_RTHROTTLED (0x58), storing nothing. */
    public void throttleNext(int n) {
        throttleNext.set(n);
    }

    /** Answers the next {@code n} submit_sm with {@code commandStatus} (e.g. 0x14 ESME_RMSGQFUL, 0x0B ESME_RINVDSTADR). */
    public void failNext(int n, int commandStatus) {
        failStatus = commandStatus;
        failNext.set(n);
    }

    /**
     * Answers the next {@code times} submit_sm matching {@code which} (e.g. {@code p -> p.seq() == 2}) with
     * {@code commandStatus}, storing nothing. The part given to the predicate has no message id yet.
     */
    public void failWhere(java.util.function.Predicate<SubmittedPart> which, int commandStatus, int times) {
        faultRules.add(new FaultRule(which, commandStatus, times));
    }

    /** Takes {@code delay} to process each submit_sm from now on (an SMS-C under load); zero restores. */
    public void slowDown(Duration delay) {
        submitDelayMillis = delay.toMillis();
    }

    /** The most submit_sm the simulator was processing at the same time since start: what an ESME's window allowed. */
    public int maxConcurrentSubmits() {
        return maxConcurrentSubmits.get();
    }

    /** Receipts for {@code msisdn} say {@code state} (UNDELIV, EXPIRED, REJECTD, ...) instead of DELIVRD; null clears. */
    public void unreachable(String msisdn, DeliveryReceiptState state) {
        if (state == null) {
            unreachable.remove(Msisdns.normalise(msisdn));
        } else {
            unreachable.put(Msisdns.normalise(msisdn), state);
        }
    }

    /**
     * While true, MTs to {@code msisdn} are accepted and delivered but their receipts are never sent, as when an
     * SMS-C loses them: what the ESME's side must cope with by time alone.
     */
    public void loseReceipts(String msisdn, boolean lose) {
        if (lose) {
            receiptsLost.add(Msisdns.normalise(msisdn));
        } else {
            receiptsLost.remove(Msisdns.normalise(msisdn));
        }
    }

    /** While true, binds are rejected with ESME_RBINDFAIL: the SMS-C is "down". */
    public void refuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
    }

    /**
     * Drops every ESME connection, the way an SMS-C going down does. It stops accepting: submit_sm that
     * arrive from now on are answered ESME_RSYSERR and not stored; it lets the answers to the submit_sm it
     * already stored go out, then closes the sockets. So every MT is either stored and acknowledged or not
     * stored and refused, which is what lets a test check "exactly once" across a drop.
     */
    public void dropConnections() {
        dropping = true;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (inFlightResponses.get() > 0 && System.nanoTime() < deadline) {
                sleep(5);
            }
            // let responses leave the socket buffers and the ESME stop sending before the sockets close
            long quietSince = System.nanoTime();
            while (System.nanoTime() - Math.max(quietSince, lastSubmitNanos.get()) < TimeUnit.MILLISECONDS.toNanos(100)
                    && System.nanoTime() < deadline) {
                sleep(10);
            }
            for (BoundEsme b : bound) {
                b.session().close();
            }
            bound.clear();
            log.info("SMS-C simulator on port {} dropped every connection", port());
        } finally {
            dropping = false;
        }
    }

    /**
     * Closes every ESME connection at once, as a crashed SMS-C or a cut cable does: submit_sm being
     * processed may be stored without their answer reaching the ESME. Unlike {@link #dropConnections()}, this
     * can make an ESME send such an MT again (SMPP cannot tell it whether the SMS-C had it).
     */
    public void killConnections() {
        for (BoundEsme b : bound) {
            b.session().close();
        }
        bound.clear();
        log.info("SMS-C simulator on port {} killed every connection", port());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ sessions

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                sessionPool.execute(() -> handleBind(session));
            } catch (IOException e) {
                if (!closed) {
                    log.warn("SMS-C simulator accept failed: {}", e.toString());
                    sleep(50);
                }
            }
        }
    }

    private void handleBind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            boolean credentialsOk = options.systemId() == null
                    || options.systemId().equals(request.getSystemId()) && Objects.equals(options.password(), request.getPassword());
            if (refuseBinds || closed) {
                refusedBinds.incrementAndGet();
                request.reject(SMPPConstant.STAT_ESME_RBINDFAIL);
                session.close();
                return;
            }
            if (!credentialsOk) {
                log.info("SMS-C simulator rejected a bind from system id {}", request.getSystemId());
                request.reject(options.systemId().equals(request.getSystemId())
                        ? SMPPConstant.STAT_ESME_RINVPASWD : SMPPConstant.STAT_ESME_RINVSYSID);
                session.close();
                return;
            }
            BoundEsme esme = new BoundEsme(session, request.getBindType(), request.getSystemId());
            session.addSessionStateListener((newState, oldState, source) -> {
                if (newState == SessionState.CLOSED) {
                    bound.remove(esme);
                }
            });
            bound.add(esme);
            request.accept(SMSC_SYSTEM_ID);
            log.debug("SMS-C simulator bound {} as {}", request.getSystemId(), request.getBindType());
        } catch (Exception e) {
            log.debug("SMS-C simulator: no bind on a new connection: {}", e.toString());
            session.close();
        }
    }

    private final class SubmitHandler extends SubmitOnlyReceiver {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            int now = concurrentSubmits.incrementAndGet();
            maxConcurrentSubmits.accumulateAndGet(now, Math::max);
            try {
                if (submitDelayMillis > 0) {
                    sleep(submitDelayMillis);
                }
                return accept(submit, source);
            } finally {
                concurrentSubmits.decrementAndGet();
            }
        }

        private SubmitSmResult accept(SubmitSm submit, SMPPServerSession source) throws ProcessRequestException {
            lastSubmitNanos.set(System.nanoTime());
            if (dropping || closed) {
                rejectedCount.incrementAndGet();
                throw new ProcessRequestException("SMS-C going down", SMPPConstant.STAT_ESME_RSYSERR);
            }
            if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                rejectedCount.incrementAndGet();
                throw new ProcessRequestException("throttled", SMPPConstant.STAT_ESME_RTHROTTLED);
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                rejectedCount.incrementAndGet();
                throw new ProcessRequestException("failed by the test", failStatus);
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
            int reference = header.reference();
            int total = header.total();
            int seq = header.seq();
            byte[] payload = header.payload();
            Instant now = Instant.now();
            SubmittedPart candidate = new SubmittedPart("", source.getSessionId(), submit.getSourceAddr(), to,
                    submit.getDataCoding(), submit.getEsmClass(), submit.getRegisteredDelivery(), sm, seq, total, now);
            for (FaultRule rule : faultRules) {
                if (rule.which.test(candidate) && rule.remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    rejectedCount.incrementAndGet();
                    throw new ProcessRequestException("failed by a test rule", rule.status);
                }
            }
            SubmittedPart part = new SubmittedPart(id, source.getSessionId(), submit.getSourceAddr(), to,
                    submit.getDataCoding(), submit.getEsmClass(), submit.getRegisteredDelivery(), sm, seq, total, now);
            inFlightResponses.incrementAndGet();
            if ((submit.getRegisteredDelivery() & 0x03) != 0) {
                awaitingReceipt.put(id, part);
            }
            partsByHandset.add(to, part);
            submitCount.incrementAndGet();
            String partsKey = to + "|" + submit.getSourceAddr() + "|" + reference + "|" + total;
            if (total > 1) {
                // recorded before the reassembler sees it: whichever part completes the message finds every part here
                pendingMessageParts.computeIfAbsent(partsKey, k -> new CopyOnWriteArrayList<>()).add(part);
            }
            Optional<Reassembler.Assembled> whole = reassembler.offer(new Reassembler.Part("sim", submit.getSourceAddr(), to,
                    reference, total, seq, submit.getDataCoding(), payload, id), now);
            whole.ifPresent(a -> {
                List<String> ids;
                if (a.parts() > 1) {
                    List<SubmittedPart> ps = new ArrayList<>(pendingMessageParts.remove(partsKey));
                    ps.sort(java.util.Comparator.comparingInt(SubmittedPart::seq));
                    // a part submitted twice (its answer was lost) is listed once, with its first id
                    ids = ps.stream().collect(java.util.stream.Collectors.toMap(SubmittedPart::seq, SubmittedPart::messageId,
                            (first, again) -> first, java.util.TreeMap::new)).values().stream().toList();
                } else {
                    ids = List.of(id);
                }
                String text = SmsTextDecoder.decode(a.dataCoding(), a.octets(), SmsTextDecoder.DefaultAlphabet.GSM7);
                HandsetMessage arrived = new HandsetMessage(submit.getSourceAddr(), to, text, a.parts(), ids, a.dataCoding(), now);
                messagesByHandset.add(to, arrived);
                handsetListeners.forEach(l -> l.accept(arrived));
            });
            try {
                return new SubmitSmResult(new MessageId(id), new OptionalParameter[0]);
            } catch (Exception e) {
                throw new ProcessRequestException("message id", SMPPConstant.STAT_ESME_RSYSERR, e);
            }
        }
    }

    private final class ResponseListener implements ServerResponseDeliveryListener {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession source) {
            inFlightResponses.decrementAndGet();
            scheduleReceipt(result.getMessageId());
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession source) {
            inFlightResponses.decrementAndGet();
            log.debug("SMS-C simulator could not answer submit_sm {}: {}", result.getMessageId(), e.toString());
            // the MT is stored: like a real SMS-C it still goes to the handset and still gets its receipt
            scheduleReceipt(result.getMessageId());
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession source) {
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession source) {
        }
    }

    private void scheduleReceipt(String messageId) {
        SubmittedPart part = awaitingReceipt.remove(messageId);
        if (part == null) {
            return; // no receipt asked for
        }
        if (receiptsLost.contains(part.to())) {
            return;
        }
        DeliveryReceiptState state = unreachable.getOrDefault(part.to(), DeliveryReceiptState.DELIVRD);
        if ((part.registeredDelivery() & 0x03) == 0x02 && state == DeliveryReceiptState.DELIVRD) {
            return; // receipt on failure only
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        Instant giveUp = Instant.now().plus(options.deliveryRetryFor());
        try {
            deliveryPool.schedule(() -> deliverReceipt(part, state, giveUp, done, 0),
                    options.receiptDelay().toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closedAlready) {
            // closing
        }
    }

    private void deliverReceipt(SubmittedPart part, DeliveryReceiptState state, Instant giveUp, CompletableFuture<Void> done,
                                int attempt) {
        if (closed) {
            return;
        }
        try {
            Date submitted = Date.from(part.at());
            DeliveryReceipt receipt = new DeliveryReceipt(part.messageId(), 1, state == DeliveryReceiptState.DELIVRD ? 1 : 0,
                    submitted, new Date(), state, state == DeliveryReceiptState.DELIVRD ? "000" : "001", "");
            byte messageState = switch (state) {
                case DELIVRD -> 2;
                case EXPIRED -> 3;
                case DELETED -> 4;
                case UNDELIV -> 5;
                case ACCEPTD -> 6;
                case REJECTD -> 8;
                default -> 7;
            };
            deliver(receiver(), Msisdns.toSmpp(part.to()), TypeOfNumber.INTERNATIONAL, part.from(), TypeOfNumber.UNKNOWN,
                    new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT), (byte) 0,
                    receipt.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    new OptionalParameter.COctetString(OptionalParameter.Tag.RECEIPTED_MESSAGE_ID.code(), part.messageId()),
                    new OptionalParameter.Byte(OptionalParameter.Tag.MESSAGE_STATE, messageState));
            receiptsByHandset.add(part.to(), new SentReceipt(part.messageId(), part.to(), state.name(), Instant.now()));
            done.complete(null);
        } catch (Exception e) {
            if (e instanceof NegativeResponseException || e instanceof IOException || !closed) {
                retryLater(e, giveUp, done, attempt, "receipt", () -> deliverReceipt(part, state, giveUp, done, attempt + 1));
            }
        }
    }

    /** Stops listening, closes every session and the simulator's threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the SMS-C simulator listener: {}", e.toString());
        }
        for (BoundEsme b : bound) {
            b.session().close();
        }
        bound.clear();
        deliveryPool.shutdownNow();
        sessionPool.shutdownNow();
        acceptThread.interrupt();
        try {
            acceptThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
