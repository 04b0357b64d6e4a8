package io.mobim.wv.handset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The standing TCP CIR connection against a server socket playing the platform's side of the protocol: HELO with the
 * SessionID, OK, each WVCI line handed over, PING when the line was quiet, and the end of the connection told. (Against
 * the platform itself: platform-app's {@code WvHandsetScenariosEndToEndTest}.)
 */
class StandingTcpTest {

    private final BlockingQueue<String> wakes = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> closes = new LinkedBlockingQueue<>();

    @Test
    void itSaysHeloHandsOverEachWakePingsWhenQuietAndIsToldOfTheEnd() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            StandingTcp tcp;
            CompletableFuture<StandingTcp> opening = CompletableFuture.supplyAsync(() -> StandingTcp.open("127.0.0.1",
                    server.getLocalPort(), "session-1", Duration.ofMillis(200), wakes::add, closes::add));
            try (Socket client = server.accept()) {
                client.setSoTimeout(10_000);
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = client.getOutputStream();
                assertThat(in.readLine()).isEqualTo("HELO session-1");
                out.write("OK\r\nWVCI 1.2 cookie-1\r\n".getBytes(StandardCharsets.US_ASCII));
                tcp = opening.get(10, TimeUnit.SECONDS);
                assertThat(wakes.poll(10, TimeUnit.SECONDS)).isEqualTo("WVCI 1.2 cookie-1");

                assertThat(in.readLine()).as("quiet: the client pings").isEqualTo("PING");
                out.write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
                assertThat(wakes).as("the OK of a PING is no wake").isEmpty();
            }
            assertThat(closes.poll(10, TimeUnit.SECONDS)).isEqualTo("closed by the server");
            tcp.close();
        }
    }

    @Test
    void aRefusedHeloFailsTheOpening() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> {
                try (Socket client = server.accept()) {
                    new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                } catch (Exception ignored) {
                    // the test sees the outcome on the client's side
                }
            });
            assertThatThrownBy(() -> StandingTcp.open("127.0.0.1", server.getLocalPort(), "no-such-session", wakes::add, closes::add))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("refused HELO (closed)");
        }
    }
}
