package io.mobim.platform.interconnect;

import com.sun.net.httpserver.HttpServer;
import io.mobim.events.EventJson;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;

/**
 * A peer operator's platform reduced to its server-to-server interface, on a fixed loopback port: down (nothing
 * listens there) until {@link #start()}, then it takes every request with 202 and keeps what it was sent, in order.
 */
final class FakePeer implements AutoCloseable {

    /** A request it took: the path, the caller's {@code Mobim-Peer} header and the body. */
    record Received(String path, String caller, JsonNode body) {
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private HttpServer server;

    FakePeer(int port) {
        this.port = port;
    }

    int port() {
        return port;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    synchronized void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        server.createContext("/s2s/v1/", exchange -> {
            try (exchange) {
                received.add(new Received(exchange.getRequestURI().getPath(), exchange.getRequestHeaders().getFirst("Mobim-Peer"),
                        EventJson.mapper().readTree(exchange.getRequestBody().readAllBytes())));
                byte[] answer = ("{\"messageId\":\"" + UUID.randomUUID() + "\",\"status\":\"ACCEPTED\",\"duplicate\":false}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(202, answer.length);
                exchange.getResponseBody().write(answer);
            }
        });
        server.start();
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
        }
    }
}
