package io.mobim.platform.interconnect;

import io.mobim.events.EventJson;
import io.mobim.events.consumer.Outage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import tools.jackson.databind.JsonNode;

/**
 * Hands messages, presence authorizations and presence states to peer operators' platforms:
 * {@code POST <peer url>/s2s/v1/messages}, {@code /s2s/v1/authorizations} or {@code /s2s/v1/presence}, signed ({@link RequestSigning}).
 * The peer took it (2xx) or refused it for good (4xx but 401: its recipient, its rules, our request): an
 * {@link Answer}; what waits for an operator no longer configured as a peer is refused too, {@code UNKNOWN_PEER}. A peer
 * that does not answer, answers 5xx or does not recognise our signature (keys being rotated) is an {@link Outage}: the
 * message waits and is tried again.
 */
final class PeerClient {

    static final String MESSAGES_PATH = "/s2s/v1/messages";
    static final String AUTHORIZATIONS_PATH = "/s2s/v1/authorizations";
    static final String PRESENCE_PATH = "/s2s/v1/presence";

    private final InterconnectSettings settings;
    private final String ourCode;
    private final Clock clock;
    private final HttpClient http;

    PeerClient(InterconnectSettings settings, String ourCode, Clock clock) {
        this.settings = settings;
        this.ourCode = ourCode;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.requestTimeout()).build();
    }

    /** The peer's answer to a hand-over: taken (with its id of the message) or refused (with its reason). */
    record Answer(boolean taken, String peerReference, String refusal) {
    }

    Answer send(PeerOutbound outbound) {
        String operator = outbound.peer();
        InterconnectSettings.Peer peer = settings.peers().get(operator);
        if (peer == null) {
            // removed from the configuration while this waited for it: nothing will ever take it
            return new Answer(false, null, RequestSigning.Refusal.UNKNOWN_PEER.name());
        }
        String path = switch (outbound.kind()) {
            case "message" -> MESSAGES_PATH;
            case "authorization" -> AUTHORIZATIONS_PATH;
            default -> PRESENCE_PATH;
        };
        byte[] body = EventJson.mapper().writeValueAsBytes(outbound.body());
        URI uri = URI.create(peer.url().toString().replaceAll("/+$", "") + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(settings.requestTimeout())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        RequestSigning.headers(ourCode, peer.secret(), "POST", path, body, clock.instant()).forEach(request::header);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Outage(operator + " does not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Outage("interrupted while handing over to " + operator, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Answer(true, field(response.body(), "messageId"), null);
        }
        if (status >= 400 && status < 500 && status != 401 && status != 408 && status != 429) {
            String detail = field(response.body(), "detail");
            return new Answer(false, null, status + " " + (detail == null ? "" : detail.length() > 180 ? detail.substring(0, 180) : detail));
        }
        throw new Outage(operator + " answered " + status);
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = EventJson.mapper().readTree(json).get(name);
            return node == null || node.isNull() ? null : node.asString();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
