package io.mobim.wv.handset;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * A standing TCP CIR connection (STCP) as a handset keeps it: {@code HELO <SessionID>} answered {@code OK}, then
 * {@code PING} whenever the line was quiet for a while (the server closes a connection that says nothing for
 * {@code mobim.wv.cir.tcp-idle-timeout}), and each {@code WVCI} line the server sends handed to the wake handler on
 * the connection's own thread.
 */
final class StandingTcp implements AutoCloseable {

    /** Well within the server's idle timeout (35 minutes by default), as handsets ping. */
    private static final Duration PING_AFTER = Duration.ofMinutes(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final Socket socket = new Socket();
    private final String address;
    private volatile boolean closing;

    private StandingTcp(String host, int port) {
        this.address = host + ":" + port;
    }

    /**
     * Connects, says HELO for the session and waits for its OK; then reads on a daemon thread, handing each WVCI line to
     * {@code onWake} and each end of the connection to {@code onClosed}.
     *
     * @throws UncheckedIOException when it cannot connect or the server refuses the HELO
     */
    static StandingTcp open(String host, int port, String sessionId, Consumer<String> onWake, Consumer<String> onClosed) {
        return open(host, port, sessionId, PING_AFTER, onWake, onClosed);
    }

    /** {@link #open}, pinging after {@code pingAfter} of quiet. */
    static StandingTcp open(String host, int port, String sessionId, Duration pingAfter, Consumer<String> onWake,
                            Consumer<String> onClosed) {
        StandingTcp tcp = new StandingTcp(host, port);
        try {
            tcp.socket.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            tcp.socket.setSoTimeout((int) CONNECT_TIMEOUT.toMillis());
            BufferedReader in = new BufferedReader(new InputStreamReader(tcp.socket.getInputStream(), StandardCharsets.US_ASCII));
            tcp.write("HELO " + sessionId);
            String answer = in.readLine();
            if (!"OK".equals(answer)) {
                tcp.close();
                throw new IOException("the server refused HELO" + (answer == null ? " (closed)" : ": " + answer));
            }
            tcp.socket.setSoTimeout((int) pingAfter.toMillis());
            Thread.ofPlatform().daemon().name("wv-handset-cir").start(() -> tcp.read(in, onWake, onClosed));
            return tcp;
        } catch (IOException e) {
            tcp.close();
            throw new UncheckedIOException("cir tcp " + tcp.address + ": " + e.getMessage(), e);
        }
    }

    String address() {
        return address;
    }

    private void read(BufferedReader in, Consumer<String> onWake, Consumer<String> onClosed) {
        try {
            while (true) {
                String line;
                try {
                    line = in.readLine();
                } catch (SocketTimeoutException quiet) {
                    write("PING");
                    continue;
                }
                if (line == null) {
                    break;
                }
                if (line.startsWith("WVCI")) {
                    onWake.accept(line);
                } // else the OK of a PING
            }
            if (!closing) {
                onClosed.accept("closed by the server");
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                onClosed.accept(e.toString());
            }
        }
    }

    private void write(String line) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        closing = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
