package io.mobim.platform.wv.cir;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.platform.presence.ClientSessionClosed;
import io.mobim.platform.wv.session.WakeSignals;
import io.mobim.platform.wv.session.WakeSignals.Kind;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.platform.wv.session.WvSessions;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * Standing TCP CIR (STCP): clients that agreed it connect, send {@code HELO <SessionID>} and are answered {@code OK};
 * they send {@code PING} now and then and are answered {@code OK}; whenever something may wait for their subscriber
 * they are sent a {@code WVCI} line and poll. The signals come from {@link WakeSignals}, raised by the database for
 * every writer on any instance, so a client is woken by whichever instance holds its connection. Each connection is
 * served by a virtual thread; a wake is written by another, and skipped while a write to the same client is still
 * under way (one wake is as good as several).
 */
public class TcpCirServer implements SmartLifecycle, WakeSignals.Listener {

    private static final Logger log = LoggerFactory.getLogger(TcpCirServer.class);
    /** The longest line a client may send: HELO and a SessionID fit well within it. */
    private static final int MAX_LINE = 512;
    private static final byte[] OK = "OK\r\n".getBytes(StandardCharsets.US_ASCII);

    private final WvSessions sessions;
    private final CirSettings settings;
    private final String defaultBindAddress;
    /** Connections that said HELO, by the core session they named. */
    private final Map<UUID, Connection> bySession = new ConcurrentHashMap<>();
    /** The same connections by subscriber: the signals name subscribers. */
    private final Map<String, Set<Connection>> bySubscriber = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final Counter lines;
    private final MeterRegistry meters;
    private final Counter refused;
    private volatile ServerSocket server;
    private volatile String advertisedAddress;
    private volatile boolean running;

    public TcpCirServer(WvSessions sessions, CirSettings settings, String defaultBindAddress, MeterRegistry meters) {
        this.sessions = sessions;
        this.settings = settings;
        this.defaultBindAddress = defaultBindAddress;
        this.meters = meters;
        this.lines = Counter.builder("mobim.wv.cir.tcp.lines")
                .description("WVCI lines written on standing TCP connections: wakes, and one on each HELO").register(meters);
        this.refused = Counter.builder("mobim.wv.cir.tcp.refused")
                .description("STCP connections refused: over the limit, or no valid HELO").register(meters);
        Gauge.builder("mobim.wv.cir.tcp.connections", open, Set::size)
                .description("Standing TCP CIR connections this instance holds").register(meters);
    }

    /** Whether clients can be offered STCP: the port is open. */
    public boolean listening() {
        return server != null && running;
    }

    /** The address clients are told to connect to. */
    public String address() {
        return advertisedAddress;
    }

    /** The port clients are told to connect to (the one bound, when the setting asked for any). */
    public int port() {
        ServerSocket s = server;
        return s == null ? -1 : s.getLocalPort();
    }

    @Override
    public void signalled(Map<String, Kind> msisdns) {
        msisdns.forEach((msisdn, kind) -> {
            Set<Connection> held = bySubscriber.get(msisdn);
            if (held != null) {
                held.forEach(c -> c.wake(kind));
            }
        });
    }

    @Override
    public void anyoneMayWait() {
        bySession.values().forEach(c -> c.wake(null));
    }

    /** A session that ended on this instance no longer keeps its connection. */
    @EventListener
    public void onClosed(ClientSessionClosed closed) {
        Connection c = bySession.get(closed.sessionId());
        if (c != null) {
            c.close();
        }
    }

    @Override
    public void start() {
        String bind = settings.tcpBindAddress() != null ? settings.tcpBindAddress() : defaultBindAddress;
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(bind == null || bind.isBlank() ? new InetSocketAddress(settings.tcpPort())
                    : new InetSocketAddress(InetAddress.getByName(bind), settings.tcpPort()));
            InetAddress local = s.getInetAddress();
            advertisedAddress = settings.tcpAddress() != null ? settings.tcpAddress()
                    : local.isAnyLocalAddress() ? InetAddress.getLocalHost().getHostAddress() : local.getHostAddress();
            server = s;
            running = true;
            Thread.ofPlatform().name("wv-cir-tcp-accept").daemon().start(this::accept);
            log.info("STCP CIR listening on {}:{} (clients told {}:{})", local.getHostAddress(), s.getLocalPort(), advertisedAddress,
                    s.getLocalPort());
        } catch (IOException e) {
            // the channel still works without it: clients are offered the other methods, or poll
            log.error("STCP CIR cannot listen on {}:{} ({}); clients are not offered STCP", bind, settings.tcpPort(), e.toString());
        }
    }

    private void accept() {
        while (running) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (running) {
                    log.warn("STCP CIR accept failed: {}", e.toString());
                }
                continue;
            }
            if (open.size() >= settings.tcpMaxConnections()) {
                refused.increment();
                closeQuietly(socket);
                continue;
            }
            Connection c = new Connection(socket);
            open.add(c);
            Thread.ofVirtual().name("wv-cir-tcp").start(c::serve);
        }
    }

    @Override
    public void stop() {
        running = false;
        ServerSocket s = server;
        if (s != null) {
            closeQuietly(s);
        }
        open.forEach(Connection::close);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** One client's standing connection. */
    private final class Connection {

        private final Socket socket;
        private final AtomicBoolean writing = new AtomicBoolean();
        private volatile WvSession session;
        private volatile byte[] wakeLine;

        Connection(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket) {
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, settings.tcpIdleTimeout().toMillis()));
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream(), MAX_LINE);
                OutputStream out = socket.getOutputStream();
                String line;
                while (running && (line = readLine(in)) != null) {
                    if (line.regionMatches(true, 0, "HELO ", 0, 5)) {
                        if (!hello(line.substring(5).strip())) {
                            refused.increment();
                            return;
                        }
                        write(out, OK);
                        wake(null); // what was signalled while it had no connection: one poll finds out
                    } else if (line.equalsIgnoreCase("PING")) {
                        write(out, OK);
                    } else if (session == null) {
                        refused.increment();
                        return; // not a CIR client
                    }
                    // anything else from a known client is ignored: clients may add lines of their own
                }
            } catch (SocketTimeoutException e) {
                log.debug("STCP CIR connection idle for {}: closed", settings.tcpIdleTimeout());
            } catch (IOException e) {
                log.debug("STCP CIR connection lost: {}", e.toString());
            } finally {
                open.remove(this);
                unregister();
            }
        }

        /** Names the session this connection wakes; false if it is not a live one. */
        private boolean hello(String sessionId) {
            WvSession s = sessions.find(sessionId).orElse(null);
            if (s == null) {
                return false;
            }
            unregister();
            session = s;
            wakeLine = (CirMessages.line(s.version(), s.sessionCookie()) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            Connection before = bySession.put(s.clientSession(), this);
            if (before != null && before != this) {
                before.close(); // the client connected again: its old connection is dead to it
            }
            bySubscriber.compute(s.msisdn().value(), (m, held) -> {
                Set<Connection> set = held == null ? ConcurrentHashMap.newKeySet() : held;
                set.add(this);
                return set;
            });
            return true;
        }

        /** Writes the WVCI line, for something of {@code kind} signalled (null: something may wait). */
        void wake(Kind kind) {
            byte[] line = wakeLine;
            if (line == null || !writing.compareAndSet(false, true)) {
                return;
            }
            Thread.ofVirtual().name("wv-cir-wake").start(() -> {
                try {
                    write(socket.getOutputStream(), line);
                    lines.increment();
                    if (kind != null) {
                        meters.counter(CirSweeper.WAKES, "method", CirMethod.STCP.name(), "kind", kind.name()).increment();
                    }
                } catch (IOException e) {
                    close();
                } finally {
                    writing.set(false);
                }
            });
        }

        private void write(OutputStream out, byte[] bytes) throws IOException {
            synchronized (this) {
                out.write(bytes);
                out.flush();
            }
        }

        void close() {
            closeQuietly(socket);
            open.remove(this);
            unregister();
        }

        private void unregister() {
            WvSession s = session;
            if (s != null) {
                bySession.remove(s.clientSession(), this);
                bySubscriber.computeIfPresent(s.msisdn().value(), (m, held) -> {
                    held.remove(this);
                    return held.isEmpty() ? null : held;
                });
            }
        }

        /** A line without its end (LF or CR LF); null at the end of the stream. */
        private String readLine(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    return line.toString(StandardCharsets.US_ASCII).strip();
                }
                if (line.size() >= MAX_LINE) {
                    throw new IOException("line longer than " + MAX_LINE + " bytes");
                }
                line.write(b);
            }
            return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII).strip();
        }
    }
}
