package io.mobim.smpp.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BindType;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's side of the connections: it listens, accepts binds (any system id, or the configured credentials;
 * none while binds are refused), keeps the ESMEs bound, and picks a bound receiver for each deliver_sm.
 */
final class EsmeBinds {

    private static final Logger log = LoggerFactory.getLogger(EsmeBinds.class);

    private record BoundEsme(SMPPServerSession session, BindType bindType, String systemId) {
        boolean receives() {
            return bindType == BindType.BIND_RX || bindType == BindType.BIND_TRX;
        }
    }

    private final SmscSimulator.Options options;
    private final BooleanSupplier closed;
    private final ServerSocket serverSocket;
    private final SMPPServerSessionListener listener;
    private final ThreadFactory daemons;
    private final ExecutorService sessionPool;
    private final Thread acceptThread;
    private final List<BoundEsme> bound = new CopyOnWriteArrayList<>();
    private final AtomicLong refusedBinds = new AtomicLong();
    private volatile boolean refuseBinds;

    /** Listens on {@code options}' address; accepts nothing until {@link #start}. */
    EsmeBinds(SmscSimulator.Options options, BooleanSupplier closed) throws IOException {
        this.options = options;
        this.closed = closed;
        AddressBoundListener factory = new AddressBoundListener(InetAddress.getByName(options.host()));
        this.listener = new SMPPServerSessionListener(options.port(), factory);
        this.serverSocket = factory.socket();
        listener.setPduProcessorDegree(8);
        listener.setQueueCapacity(1000);
        this.daemons = r -> {
            Thread t = new Thread(r, "smsc-sim-" + serverSocket.getLocalPort());
            t.setDaemon(true);
            return t;
        };
        this.sessionPool = Executors.newCachedThreadPool(daemons);
        this.acceptThread = daemons.newThread(this::acceptLoop);
    }

    /** Hands the ESMEs' requests and the fate of their answers to {@code receiver} and {@code responses}, and accepts. */
    void start(ServerMessageReceiverListener receiver, ServerResponseDeliveryListener responses) {
        listener.setMessageReceiverListener(receiver);
        listener.setResponseDeliveryListener(responses);
        acceptThread.start();
    }

    /** The simulator's daemon threads, named after its port. */
    ThreadFactory daemons() {
        return daemons;
    }

    ServerSocket serverSocket() {
        return serverSocket;
    }

    /** While true, binds are rejected with ESME_RBINDFAIL. */
    void refuseBinds(boolean refuse) {
        this.refuseBinds = refuse;
    }

    long refusedBinds() {
        return refusedBinds.get();
    }

    int boundSessions() {
        return (int) bound.stream().filter(b -> b.session().getSessionState().isBound()).count();
    }

    /** A session bound to receive (RX or TRX), picked at random among them. */
    SMPPServerSession receiver() throws IOException {
        List<BoundEsme> receivers = bound.stream()
                .filter(b -> b.receives() && b.session().getSessionState().isReceivable())
                .toList();
        if (receivers.isEmpty()) {
            throw new IOException("no ESME bound as receiver");
        }
        return receivers.get((int) (Math.abs(System.nanoTime()) % receivers.size())).session();
    }

    /** Closes every ESME session. */
    void closeSessions() {
        for (BoundEsme b : bound) {
            b.session().close();
        }
        bound.clear();
    }

    /** Stops listening and closes every session and the accepting threads. */
    void close() {
        try {
            listener.close();
        } catch (IOException e) {
            log.debug("closing the SMS-C simulator listener: {}", e.toString());
        }
        closeSessions();
    }

    /** Ends the accepting threads, once the deliveries are stopped. */
    void stopThreads() {
        sessionPool.shutdownNow();
        acceptThread.interrupt();
        try {
            acceptThread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void acceptLoop() {
        while (!closed.getAsBoolean()) {
            try {
                SMPPServerSession session = listener.accept();
                sessionPool.execute(() -> handleBind(session));
            } catch (IOException e) {
                if (!closed.getAsBoolean()) {
                    log.warn("SMS-C simulator accept failed: {}", e.toString());
                    SmscSimulator.sleep(50);
                }
            }
        }
    }

    private void handleBind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5_000);
            boolean credentialsOk = options.systemId() == null
                    || options.systemId().equals(request.getSystemId()) && Objects.equals(options.password(), request.getPassword());
            if (refuseBinds || closed.getAsBoolean()) {
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
            request.accept(SmscSimulator.SMSC_SYSTEM_ID);
            log.debug("SMS-C simulator bound {} as {}", request.getSystemId(), request.getBindType());
        } catch (Exception e) {
            log.debug("SMS-C simulator: no bind on a new connection: {}", e.toString());
            session.close();
        }
    }
}
