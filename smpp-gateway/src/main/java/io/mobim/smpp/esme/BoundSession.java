package io.mobim.smpp.esme;

import io.mobim.smpp.config.SmppProperties;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import java.util.function.Function;
import org.jsmpp.session.MessageReceiverListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMPP session of a link (transceiver, transmitter or receiver) that keeps itself bound: a closed
 * session is replaced by a new one (jSMPP sessions cannot be reused) after a delay that doubles from
 * {@code reconnectInitial} to {@code reconnectMax}, with jitter, for ever until {@link #stop()}. The
 * receiver listener is set before the bind, so no deliver_sm is refused; it answers deliver_sm through the
 * session ({@link AsyncSmppSession}), possibly later.
 */
final class BoundSession {

    private static final Logger log = LoggerFactory.getLogger(BoundSession.class);

    private final String linkId;
    private final SmppProperties.Smsc config;
    private final BindType bindType;
    private final Function<AsyncSmppSession, MessageReceiverListener> receiver;
    private final ScheduledExecutorService scheduler;
    private final Runnable onChange;
    private final AtomicBoolean reconnectPending = new AtomicBoolean();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private volatile AsyncSmppSession session;
    private volatile boolean stopped;
    private volatile String lastError;
    private volatile Instant boundSince;

    BoundSession(String linkId, SmppProperties.Smsc config, BindType bindType,
                 Function<AsyncSmppSession, MessageReceiverListener> receiver,
                 ScheduledExecutorService scheduler, Runnable onChange) {
        this.linkId = linkId;
        this.config = config;
        this.bindType = bindType;
        this.receiver = receiver;
        this.scheduler = scheduler;
        this.onChange = onChange;
    }

    void start() {
        reconnectPending.set(true);
        scheduler.execute(this::connect);
    }

    BindType bindType() {
        return bindType;
    }

    /** The session if it is bound now, else null. */
    AsyncSmppSession boundSession() {
        AsyncSmppSession s = session;
        return s != null && s.getSessionState().isBound() ? s : null;
    }

    boolean isBound() {
        return boundSession() != null;
    }

    /** Successful binds since start (1 after the first bind; more after rebinds). */
    int bindCount() {
        return binds.get();
    }

    String lastError() {
        return lastError;
    }

    Instant boundSince() {
        return boundSince;
    }

    private void connect() {
        reconnectPending.set(false);
        if (stopped) {
            return;
        }
        AsyncSmppSession s = AsyncSmppSession.create();
        s.setEnquireLinkTimer((int) config.enquireLink().toMillis());
        s.setTransactionTimer(config.transactionTimeout().toMillis());
        s.setPduProcessorDegree(config.pduProcessorDegree());
        s.setQueueCapacity(config.queueCapacity());
        if (receiver != null) {
            s.setMessageReceiverListener(receiver.apply(s));
        }
        s.addSessionStateListener((newState, oldState, source) -> {
            if (newState == SessionState.CLOSED && source == session) {
                lost("session closed");
            }
        });
        try {
            s.connectAndBind(config.host(), config.port(), new BindParameter(bindType, config.systemId(), config.password(),
                    config.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    config.bindTimeout().toMillis());
        } catch (IOException e) {
            s.close();
            failures.incrementAndGet();
            lastError = e.getMessage();
            log.warn("SMPP link {} {} to {}:{} failed to bind (attempt {}): {}", linkId, bindType, config.host(), config.port(),
                    failures.get(), e.getMessage());
            scheduleReconnect();
            onChange.run();
            return;
        }
        if (stopped) {
            s.unbindAndClose();
            return;
        }
        session = s;
        failures.set(0);
        binds.incrementAndGet();
        boundSince = Instant.now();
        lastError = null;
        log.info("SMPP link {} bound {} to {}:{} as {}", linkId, bindType, config.host(), config.port(), config.systemId());
        onChange.run();
        if (s.getSessionState() == SessionState.CLOSED) {
            lost("closed right after bind");
        }
    }

    private void lost(String why) {
        if (stopped) {
            return;
        }
        lastError = why;
        boundSince = null;
        log.warn("SMPP link {} {} lost its session: {}; rebinding", linkId, bindType, why);
        scheduleReconnect();
        onChange.run();
    }

    private void scheduleReconnect() {
        if (stopped || !reconnectPending.compareAndSet(false, true)) {
            return;
        }
        int n = Math.max(1, failures.get());
        long base = config.reconnectInitial().toMillis() << Math.min(n - 1, 20);
        long delay = Math.min(config.reconnectMax().toMillis(), Math.max(1, base));
        delay = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        try {
            scheduler.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            reconnectPending.set(false);
        }
    }

    /** Unbinds and stops rebinding. */
    void stop(Duration grace) {
        stopped = true;
        AsyncSmppSession s = session;
        session = null;
        if (s != null) {
            if (s.getSessionState().isBound()) {
                s.unbindAndClose();
            } else {
                s.close();
            }
        }
    }
}
