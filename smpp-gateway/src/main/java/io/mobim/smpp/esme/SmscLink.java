package io.mobim.smpp.esme;

import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mobim.smpp.codec.Segment;
import io.mobim.smpp.config.SmppProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.SubmitSmResp;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured SMS-C: its session(s), kept bound by {@link BoundSession}, a send window (at most
 * {@code window} submit_sm awaiting their response; no thread waits for one, see {@link AsyncSmppSession}) and,
 * when {@code throughput} is set, a rate limit (a Resilience4j rate limiter). When the SMS-C answers
 * ESME_RTHROTTLED or ESME_RMSGQFUL the link pauses for {@value #THROTTLE_PAUSE_MS} ms (the throttled MT itself
 * is retried with its own doubling backoff) and a configured limit is halved; the limit grows back by
 * a tenth after every 50 accepted submits (additive increase, multiplicative decrease).
 */
public final class SmscLink {

    private static final Logger log = LoggerFactory.getLogger(SmscLink.class);
    private static final int RECOVERY_STREAK = 50;
    static final long THROTTLE_PAUSE_MS = 100;

    private final SmppProperties.Smsc config;
    private final List<BoundSession> sessions = new ArrayList<>();
    private final BoundSession transmitter;
    private final RateLimiter rateLimiter;
    private final int configuredLimit;
    private final Duration period;
    private final AtomicInteger currentLimit;
    private final AtomicInteger successStreak = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong pausedUntil = new AtomicLong();
    private final Counter submitsOk;
    private final Counter submitsThrottled;
    private final Counter submitsFailed;
    private final Counter submitsNoResponse;
    private final Timer submitLatency;
    private volatile Runnable windowFreed = () -> { };

    public SmscLink(SmppProperties.Smsc config, DeliverHandler deliverHandler, ScheduledExecutorService scheduler,
                    MeterRegistry registry) {
        this.config = config;
        if (config.throughput() == 0) {
            period = Duration.ofSeconds(1);
            configuredLimit = 0;
            rateLimiter = null;
        } else {
            if (config.throughput() >= 10) {
                period = Duration.ofMillis(100);
                configuredLimit = (config.throughput() + 9) / 10;
            } else {
                period = Duration.ofSeconds(1);
                configuredLimit = config.throughput();
            }
            RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                    .limitForPeriod(configuredLimit)
                    .limitRefreshPeriod(period)
                    .timeoutDuration(Duration.ZERO)
                    .build());
            rateLimiter = limiters.rateLimiter("smpp-" + config.id());
            // resilience4j_ratelimiter_available_permissions / _waiting_threads{name="smpp-<link>"}
            TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(registry);
        }
        currentLimit = new AtomicInteger(configuredLimit);
        String id = config.id();
        Runnable onChange = () -> windowFreed.run();
        BoundSession tx = null;
        switch (config.bindType()) {
            case TRANSCEIVER -> {
                tx = new BoundSession(id, config, BindType.BIND_TRX, s -> new Receiver(deliverHandler, s), scheduler, onChange);
                sessions.add(tx);
            }
            case TRANSMITTER_RECEIVER -> {
                tx = new BoundSession(id, config, BindType.BIND_TX, null, scheduler, onChange);
                sessions.add(tx);
                sessions.add(new BoundSession(id, config, BindType.BIND_RX, s -> new Receiver(deliverHandler, s), scheduler,
                        onChange));
            }
            case TRANSMITTER -> {
                tx = new BoundSession(id, config, BindType.BIND_TX, null, scheduler, onChange);
                sessions.add(tx);
            }
            case RECEIVER -> sessions.add(new BoundSession(id, config, BindType.BIND_RX, s -> new Receiver(deliverHandler, s),
                    scheduler, onChange));
        }
        this.transmitter = tx;

        for (BoundSession s : sessions) {
            Gauge.builder("mobim.smpp.bind.up", s, b -> b.isBound() ? 1 : 0)
                    .description("1 while the session is bound").tag("link", id).tag("bind", s.bindType().name())
                    .register(registry);
            Gauge.builder("mobim.smpp.binds", s, BoundSession::bindCount)
                    .description("successful binds since start (more than 1 means rebinds)")
                    .tag("link", id).tag("bind", s.bindType().name()).register(registry);
        }
        Gauge.builder("mobim.smpp.window.in.use", inFlight, AtomicInteger::get)
                .description("submit_sm awaiting their response").tag("link", id).register(registry);
        Gauge.builder("mobim.smpp.window.size", config, SmppProperties.Smsc::window).tag("link", id).register(registry);
        Gauge.builder("mobim.smpp.throughput.limit", this, SmscLink::currentThroughputLimit)
                .description("submit_sm per second allowed now (halved on throttling; 0 = no limit)").tag("link", id)
                .register(registry);
        submitsOk = Counter.builder("mobim.smpp.submits").tag("link", id).tag("outcome", "accepted").register(registry);
        submitsThrottled = Counter.builder("mobim.smpp.submits").tag("link", id).tag("outcome", "throttled").register(registry);
        submitsFailed = Counter.builder("mobim.smpp.submits").tag("link", id).tag("outcome", "error").register(registry);
        submitsNoResponse = Counter.builder("mobim.smpp.submits").tag("link", id).tag("outcome", "no-response").register(registry);
        submitLatency = Timer.builder("mobim.smpp.submit.latency").description("submit_sm to submit_sm_resp")
                .tag("link", id).publishPercentileHistogram().register(registry);
    }

    public String id() {
        return config.id();
    }

    public SmppProperties.Smsc config() {
        return config;
    }

    /** Called whenever a window slot frees up or a session binds (the MT dispatcher waits for it). */
    public void onWindowFreed(Runnable listener) {
        this.windowFreed = listener;
    }

    public void start() {
        sessions.forEach(BoundSession::start);
    }

    public void stop() {
        sessions.forEach(s -> s.stop(Duration.ofSeconds(1)));
    }

    /** Whether MTs can be submitted on this link now. */
    public boolean canTransmit() {
        return transmitter != null && transmitter.isBound();
    }

    /** Every session of the link is bound. */
    public boolean fullyBound() {
        return sessions.stream().allMatch(BoundSession::isBound);
    }

    /** State per session, for the health indicator. */
    public List<SessionStatus> status() {
        return sessions.stream().map(s -> new SessionStatus(s.bindType().name(), s.isBound(), s.bindCount(), s.lastError()))
                .toList();
    }

    /** What the health endpoint shows of one session. */
    public record SessionStatus(String bindType, boolean bound, int binds, String lastError) {
    }

    /** Submits per second allowed now; 0 when there is no limit. */
    public double currentThroughputLimit() {
        return currentLimit.get() * (1_000.0 / period.toMillis());
    }

    /** submit_sm awaiting their response now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Nanoseconds (System.nanoTime) until which the link rests after the SMS-C throttled it. */
    public long pausedUntil() {
        return pausedUntil.get();
    }

    /**
     * Takes a slot of the send window (and a permit of the rate limit) if the link can transmit now; the caller
     * must then {@link #submit} exactly once.
     */
    public boolean tryAcquire() {
        if (!canTransmit() || System.nanoTime() - pausedUntil.get() < 0) {
            return false;
        }
        while (true) {
            int n = inFlight.get();
            if (n >= config.window()) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                break;
            }
        }
        if (rateLimiter != null && !rateLimiter.acquirePermission()) {
            release();
            return false;
        }
        return true;
    }

    private void release() {
        inFlight.decrementAndGet();
        windowFreed.run();
    }

    /**
     * Sends one part in a slot taken by {@link #tryAcquire}; the future completes with the SMS-C's message id, or
     * fails with a {@link SubmitException}, on jSMPP's PDU thread. The slot is free again when it completes.
     */
    public CompletableFuture<String> submit(Submission submission, Segment part) {
        BoundSession tx = transmitter;
        AsyncSmppSession session = tx == null ? null : tx.boundSession();
        if (session == null) {
            release();
            return CompletableFuture.failedFuture(
                    new SubmitException(SubmitException.Reason.NOT_BOUND, -1, "link " + id() + " has no bound transmitter", null));
        }
        long start = System.nanoTime();
        CompletableFuture<SubmitSmResp> sent;
        try {
            sent = submission.submit(session, part);
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        return sent.handle((resp, failure) -> {
            release();
            if (failure != null) {
                throw new CompletionException(failed(unwrap(failure)));
            }
            int status = resp.getCommandStatus();
            if (status == SMPPConstant.STAT_ESME_ROK) {
                submitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                submitsOk.increment();
                onAccepted();
                return resp.getMessageId();
            }
            throw new CompletionException(refused(status));
        });
    }

    private static Throwable unwrap(Throwable t) {
        return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
    }

    private SubmitException refused(int status) {
        if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
            submitsThrottled.increment();
            onThrottled();
            return new SubmitException(SubmitException.Reason.THROTTLED, status, "SMS-C throttled", null);
        }
        submitsFailed.increment();
        if (isTemporary(status)) {
            return new SubmitException(SubmitException.Reason.TEMPORARY, status, "temporary SMS-C error", null);
        }
        return new SubmitException(SubmitException.Reason.PERMANENT, status, "SMS-C refused the message", null);
    }

    private SubmitException failed(Throwable e) {
        if (e instanceof TimeoutException || e instanceof ResponseTimeoutException || e instanceof InvalidResponseException) {
            submitsNoResponse.increment();
            return new SubmitException(SubmitException.Reason.NO_RESPONSE, -1, "no valid submit_sm_resp", e);
        }
        if (e instanceof IOException) {
            submitsNoResponse.increment();
            return new SubmitException(SubmitException.Reason.NO_RESPONSE, -1, "connection failed: " + e.getMessage(), e);
        }
        if (e instanceof SubmitException s) {
            return s;
        }
        submitsFailed.increment();
        if (e instanceof PDUException) {
            return new SubmitException(SubmitException.Reason.PERMANENT, -1, "cannot build submit_sm: " + e.getMessage(), e);
        }
        return new SubmitException(SubmitException.Reason.NO_RESPONSE, -1, "submit failed: " + e, e);
    }

    /** Status codes worth another try later: system error, submit failed, too many queued, temporary app errors. */
    static boolean isTemporary(int status) {
        return status == SMPPConstant.STAT_ESME_RSYSERR
                || status == SMPPConstant.STAT_ESME_RSUBMITFAIL
                || status == SMPPConstant.STAT_ESME_RX_T_APPN
                || status == SMPPConstant.STAT_ESME_RINVBNDSTS;
    }

    private void onThrottled() {
        successStreak.set(0);
        long now = System.nanoTime();
        if (now - pausedUntil.get() < 0) {
            return; // sent before this pause began: the same episode
        }
        pausedUntil.set(now + TimeUnit.MILLISECONDS.toNanos(THROTTLE_PAUSE_MS));
        if (rateLimiter != null) {
            int next = currentLimit.updateAndGet(l -> Math.max(1, l / 2));
            rateLimiter.changeLimitForPeriod(next);
        }
        log.debug("SMS-C {} throttles the gateway; pausing {} ms", id(), THROTTLE_PAUSE_MS);
    }

    private void onAccepted() {
        if (rateLimiter != null && currentLimit.get() < configuredLimit && successStreak.incrementAndGet() >= RECOVERY_STREAK) {
            successStreak.set(0);
            int next = currentLimit.updateAndGet(l -> Math.min(configuredLimit, l + Math.max(1, configuredLimit / 10)));
            rateLimiter.changeLimitForPeriod(next);
        }
    }

    /** How a part becomes a submit_sm on a session (the MT sender knows the addresses). */
    @FunctionalInterface
    public interface Submission {
        CompletableFuture<SubmitSmResp> submit(AsyncSmppSession session, Segment part);
    }

    private final class Receiver implements MessageReceiverListener {

        private final DeliverHandler handler;
        private final AsyncSmppSession session;

        Receiver(DeliverHandler handler, AsyncSmppSession session) {
            this.handler = handler;
            this.session = session;
        }

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) {
            session.deferResponse(deliverSm.getSequenceNumber());
            DeliverReply reply = new DeliverReply(session, deliverSm.getSequenceNumber());
            try {
                handler.onDeliverSm(SmscLink.this, deliverSm, reply);
            } catch (RuntimeException e) {
                log.warn("deliver_sm on {} failed ({}); asking the SMS-C to retry", id(), e.toString());
                reply.retryLater();
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
            // alert_notification (handset reachable again) is not used
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }
}
