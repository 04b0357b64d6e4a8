package io.mobim.smpp.esme;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.micrometer.tagged.TaggedRateLimiterMetrics;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.mobim.smpp.config.SmppProperties;
import io.mobim.smpp.codec.Segment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.InvalidResponseException;
import org.jsmpp.PDUException;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.ResponseTimeoutException;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitSmResult;

/**
 * One configured SMS-C: its session(s), kept bound by {@link BoundSession}, a send window (a semaphore: at
 * most {@code window} submit_sm awaiting their response) and a throughput limit (a Resilience4j rate
 * limiter). When the SMS-C answers ESME_RTHROTTLED or ESME_RMSGQFUL the limit is halved, and it grows back
 * by a tenth of the configured rate after every 50 accepted submits (additive increase, multiplicative
 * decrease), so the gateway slows down to what the SMS-C takes.
 */
public final class SmscLink {

    private static final int RECOVERY_STREAK = 50;

    private final SmppProperties.Smsc config;
    private final List<BoundSession> sessions = new ArrayList<>();
    private final BoundSession transmitter;
    private final Semaphore window;
    private final RateLimiter rateLimiter;
    private final int configuredLimit;
    private final Duration period;
    private final AtomicInteger currentLimit;
    private final AtomicInteger successStreak = new AtomicInteger();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Counter submitsOk;
    private final Counter submitsThrottled;
    private final Counter submitsFailed;
    private final Counter submitsNoResponse;
    private final Timer submitLatency;

    public SmscLink(SmppProperties.Smsc config, DeliverHandler deliverHandler, ScheduledExecutorService scheduler,
                    MeterRegistry registry) {
        this.config = config;
        this.window = new Semaphore(config.window(), true);
        if (config.throughput() >= 10) {
            period = Duration.ofMillis(100);
            configuredLimit = (config.throughput() + 9) / 10;
        } else {
            period = Duration.ofSeconds(1);
            configuredLimit = config.throughput();
        }
        currentLimit = new AtomicInteger(configuredLimit);
        RateLimiterRegistry limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
                .limitForPeriod(configuredLimit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ofSeconds(5))
                .build());
        this.rateLimiter = limiters.rateLimiter("smpp-" + config.id());
        // resilience4j_ratelimiter_available_permissions / _waiting_threads{name="smpp-<link>"}
        TaggedRateLimiterMetrics.ofRateLimiterRegistry(limiters).bindTo(registry);
        MessageReceiverListener receiver = new Receiver(deliverHandler);
        String id = config.id();
        Runnable onChange = () -> { };
        BoundSession tx = null;
        switch (config.bindType()) {
            case TRANSCEIVER -> {
                tx = new BoundSession(id, config, BindType.BIND_TRX, receiver, scheduler, onChange);
                sessions.add(tx);
            }
            case TRANSMITTER_RECEIVER -> {
                tx = new BoundSession(id, config, BindType.BIND_TX, null, scheduler, onChange);
                sessions.add(tx);
                sessions.add(new BoundSession(id, config, BindType.BIND_RX, receiver, scheduler, onChange));
            }
            case TRANSMITTER -> {
                tx = new BoundSession(id, config, BindType.BIND_TX, null, scheduler, onChange);
                sessions.add(tx);
            }
            case RECEIVER -> sessions.add(new BoundSession(id, config, BindType.BIND_RX, receiver, scheduler, onChange));
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
                .description("submit_sm per second allowed now (halved on throttling)").tag("link", id).register(registry);
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

    /** Submits per second allowed now. */
    public double currentThroughputLimit() {
        return currentLimit.get() * (1_000.0 / period.toMillis());
    }

    /** submit_sm awaiting their response now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Submits one part and returns the SMS-C's message id. Blocks for the window, the throughput limit
     * and the response.
     */
    public String submit(Submission submission, Segment part) throws SubmitException {
        BoundSession tx = transmitter;
        SMPPSession session = tx == null ? null : tx.boundSession();
        if (session == null) {
            throw new SubmitException(SubmitException.Reason.NOT_BOUND, -1, "link " + id() + " has no bound transmitter", null);
        }
        if (!rateLimiter.acquirePermission()) {
            throw new SubmitException(SubmitException.Reason.BUSY, -1, "throughput limit of link " + id(), null);
        }
        try {
            if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
                throw new SubmitException(SubmitException.Reason.BUSY, -1, "send window of link " + id() + " is full", null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SubmitException(SubmitException.Reason.BUSY, -1, "interrupted", e);
        }
        inFlight.incrementAndGet();
        long start = System.nanoTime();
        try {
            SubmitSmResult result = submission.submit(session, part);
            submitLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            submitsOk.increment();
            onAccepted();
            return result.getMessageId();
        } catch (NegativeResponseException e) {
            int status = e.getCommandStatus();
            if (status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL) {
                submitsThrottled.increment();
                onThrottled();
                throw new SubmitException(SubmitException.Reason.THROTTLED, status, "SMS-C throttled", e);
            }
            submitsFailed.increment();
            if (isTemporary(status)) {
                throw new SubmitException(SubmitException.Reason.TEMPORARY, status, "temporary SMS-C error", e);
            }
            throw new SubmitException(SubmitException.Reason.PERMANENT, status, "SMS-C refused the message", e);
        } catch (ResponseTimeoutException | InvalidResponseException e) {
            submitsNoResponse.increment();
            throw new SubmitException(SubmitException.Reason.NO_RESPONSE, -1, "no valid submit_sm_resp", e);
        } catch (IOException e) {
            submitsNoResponse.increment();
            throw new SubmitException(SubmitException.Reason.NO_RESPONSE, -1, "connection failed: " + e.getMessage(), e);
        } catch (PDUException e) {
            submitsFailed.increment();
            throw new SubmitException(SubmitException.Reason.PERMANENT, -1, "cannot build submit_sm: " + e.getMessage(), e);
        } finally {
            inFlight.decrementAndGet();
            window.release();
        }
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
        int next = currentLimit.updateAndGet(l -> Math.max(1, l / 2));
        rateLimiter.changeLimitForPeriod(next);
    }

    private void onAccepted() {
        if (currentLimit.get() < configuredLimit && successStreak.incrementAndGet() >= RECOVERY_STREAK) {
            successStreak.set(0);
            int next = currentLimit.updateAndGet(l -> Math.min(configuredLimit, l + Math.max(1, configuredLimit / 10)));
            rateLimiter.changeLimitForPeriod(next);
        }
    }

    /** How a part becomes a submit_sm on a session (the MT sender knows the addresses). */
    @FunctionalInterface
    public interface Submission {
        SubmitSmResult submit(SMPPSession session, Segment part) throws PDUException, ResponseTimeoutException,
                InvalidResponseException, NegativeResponseException, IOException;
    }

    private final class Receiver implements MessageReceiverListener {

        private final DeliverHandler handler;

        Receiver(DeliverHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            handler.onDeliverSm(SmscLink.this, deliverSm);
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
