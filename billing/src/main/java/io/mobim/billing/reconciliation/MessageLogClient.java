package io.mobim.billing.reconciliation;

import io.mobim.billing.reconciliation.ThreeWayReconciliation.LogEntry;
import io.mobim.events.EventJson;
import io.mobim.events.messagelog.MessageLogExtract;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

/**
 * Fetches the IM core's message log extract of a business day over HTTP ({@code GET <url>/<day>?zone=<zone>}),
 * the only way billing may learn what the IM core logged: it never reads the IM's tables. It sends the billing team's
 * HTTP Basic credentials, over TLS when the url is https (verified against the JVM's CAs or a named SSL bundle's
 * trust store). A failure is an answer, not an exception: the report then says it fell back and why.
 *
 * <p>A day's extract holds every chargeable leg of the day: it is read as it arrives, one leg at a time, and each
 * kept only as the few fields the reconciliation matches on ({@link LogEntry}), never as the whole response body.
 */
public class MessageLogClient {

    /** The path of the extract on an IM node. */
    public static final String PATH = "/api/v1/messages/log";

    private final ReconciliationProperties.MessageLog settings;
    private final IntSupplier localPort;
    private final RestClient http;

    /**
     * @param localPort this process's HTTP port, asked at fetch time (the server starts after this bean)
     * @param sslBundles where {@code settings.sslBundle()} is looked up; may be null when no bundle is named
     */
    public MessageLogClient(ReconciliationProperties.MessageLog settings, IntSupplier localPort, SslBundles sslBundles) {
        this.settings = settings;
        this.localPort = localPort;
        HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(settings.timeout());
        if (settings.sslBundle() != null) {
            if (sslBundles == null) {
                throw new IllegalStateException("mobim.billing.reconciliation.message-log.ssl-bundle names '"
                        + settings.sslBundle() + "' but no SSL bundles are configured (spring.ssl.bundle.*)");
            }
            client.sslContext(sslBundles.getBundle(settings.sslBundle()).createSslContext());
        }
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client.build());
        requests.setReadTimeout(settings.timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** The extract, or why there is none. */
    public sealed interface Fetch {
        /** Where it was asked for (or would have been). */
        String source();
    }

    /** The day's legs, as the reconciliation matches them. */
    public record Fetched(String source, List<LogEntry> legs) implements Fetch {
    }

    public record NotFetched(String source, String reason) implements Fetch {
    }

    public Fetch fetch(LocalDate day, ZoneId zone) {
        if (!settings.configured()) {
            return new NotFetched("none", "no message log source is configured "
                    + "(mobim.billing.reconciliation.message-log.url, or local-server in the all-in-one runtime)");
        }
        URI base;
        if (settings.url() != null) {
            base = settings.url();
        } else {
            int port = localPort.getAsInt();
            if (port <= 0) {
                return new NotFetched("local server", "this process's HTTP server is not running");
            }
            base = URI.create("http://127.0.0.1:" + port + PATH);
        }
        URI uri = UriComponentsBuilder.fromUri(base).pathSegment(day.toString()).queryParam("zone", zone.getId()).build().toUri();
        if (!settings.hasCredentials()) {
            return new NotFetched(uri.toString(), "no credentials for the message log are configured "
                    + "(mobim.billing.reconciliation.message-log.username/password; the all-in-one runtime uses "
                    + "mobim.admin.billing-user/billing-password)");
        }
        try {
            Extract extract = http.get().uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (settings.username() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8)))
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isError()) {
                            throw new IllegalStateException("HTTP " + response.getStatusCode().value());
                        }
                        return read(response.getBody());
                    });
            if (!day.equals(extract.day())) {
                return new NotFetched(uri.toString(), "the extract is for " + extract.day() + ", not " + day);
            }
            return new Fetched(uri.toString(), extract.legs());
        } catch (RuntimeException e) {
            // an IM node down, refused credentials, a body that does not read: all the same to the report
            return new NotFetched(uri.toString(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One leg at a time out of the array: the legs after it are not trailing garbage. */
    private static final ObjectReader LEG = EventJson.mapper().readerFor(MessageLogExtract.Leg.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** An extract read from its JSON ({@link MessageLogExtract}'s shape), leg by leg, its other fields skipped. */
    record Extract(LocalDate day, List<LogEntry> legs) {
    }

    static Extract read(InputStream body) {
        LocalDate day = null;
        List<LogEntry> legs = new ArrayList<>();
        try (JsonParser p = EventJson.mapper().createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("the message log extract is not a JSON object");
            }
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("day".equals(name) && value == JsonToken.VALUE_STRING) {
                    day = LocalDate.parse(p.getString());
                } else if ("legs".equals(name) && value == JsonToken.START_ARRAY) {
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        MessageLogExtract.Leg leg = LEG.readValue(p);
                        legs.add(new LogEntry(leg.messageId(), leg.direction(), leg.channel(), leg.gatewayId()));
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        if (day == null) {
            throw new IllegalArgumentException("the message log extract names no day");
        }
        return new Extract(day, legs);
    }
}
