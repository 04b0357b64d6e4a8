package io.mobim.billing.reconciliation;

import io.mobim.billing.reconciliation.ThreeWayReconciliation.LogEntry;
import io.mobim.events.EventJson;
import io.mobim.events.messagelog.MessageLogExtract;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
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
    private final Credentials inProcess;
    private final RestClient http;

    /**
     * HTTP Basic credentials the process that runs both roles gives its own billing to read its own message log: made
     * up at each start, never configured nor stored, so no deployment can inherit them.
     */
    public record Credentials(String username, String password) {
        public Credentials {
            if (username == null || username.isBlank() || password == null || password.isBlank()) {
                throw new IllegalArgumentException("in-process credentials need a user and a password");
            }
        }

        @Override
        public String toString() {
            return "Credentials[" + username + "]";
        }
    }

    public MessageLogClient(ReconciliationProperties.MessageLog settings, IntSupplier localPort, SslBundles sslBundles) {
        this(settings, localPort, sslBundles, null);
    }

    /**
     * @param localPort this process's HTTP port, asked at fetch time (the server starts after this bean)
     * @param sslBundles where {@code settings.sslBundle()} is looked up; may be null when no bundle is named
     * @param inProcess what to ask this process's own server with when {@code settings} name no credentials (the
     *                  all-in-one runtime); null when there are none
     */
    public MessageLogClient(ReconciliationProperties.MessageLog settings, IntSupplier localPort, SslBundles sslBundles,
            Credentials inProcess) {
        this.settings = settings;
        this.localPort = localPort;
        this.inProcess = inProcess;
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

    /**
     * The day's legs, as the reconciliation matches them, and the MOs the IM core handled free of charge (null from an
     * IM node that does not list them).
     */
    public record Fetched(String source, List<LogEntry> legs, Set<String> freeMos) implements Fetch {
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
        Credentials credentials = settings.hasCredentials() ? new Credentials(settings.username(), settings.password())
                : settings.url() == null ? inProcess : null;
        if (credentials == null) {
            return new NotFetched(uri.toString(), "no credentials for the message log are configured "
                    + "(mobim.billing.reconciliation.message-log.username/password)");
        }
        try {
            Extract extract = http.get().uri(uri)
                    .accept(MediaType.APPLICATION_JSON)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8)))
                    .exchange((request, response) -> {
                        if (response.getStatusCode().isError()) {
                            throw new IllegalStateException("HTTP " + response.getStatusCode().value() + problemDetail(response.getBody()));
                        }
                        return read(response.getBody());
                    });
            if (!day.equals(extract.day())) {
                return new NotFetched(uri.toString(), "the extract is for " + extract.day() + ", not " + day);
            }
            return new Fetched(uri.toString(), extract.legs(), extract.freeMos());
        } catch (RuntimeException e) {
            // an IM node down, refused credentials, a body that does not read: all the same to the report
            return new NotFetched(uri.toString(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** One leg at a time out of the array: the legs after it are not trailing garbage. */
    private static final ObjectReader LEG = EventJson.mapper().readerFor(MessageLogExtract.Leg.class)
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** {@code ": <detail>"} of an RFC 9457 problem body, else nothing: the IM core says why it has no log of the day. */
    private static String problemDetail(InputStream body) {
        try {
            JsonNode detail = EventJson.mapper().readTree(body.readNBytes(4096)).get("detail");
            return detail == null || detail.isNull() ? "" : ": " + detail.asString();
        } catch (IOException | RuntimeException notAProblem) {
            return "";
        }
    }

    /** An extract read from its JSON ({@link MessageLogExtract}'s shape), leg by leg, its other fields skipped. */
    record Extract(LocalDate day, List<LogEntry> legs, Set<String> freeMos) {
    }

    static Extract read(InputStream body) {
        LocalDate day = null;
        List<LogEntry> legs = new ArrayList<>();
        Set<String> freeMos = null;  // stays null if the extract has no such list (an older IM node)
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
                } else if ("freeMos".equals(name) && value == JsonToken.START_ARRAY) {
                    freeMos = new HashSet<>();
                    while (p.nextToken() == JsonToken.VALUE_STRING) {
                        freeMos.add(p.getString());
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        if (day == null) {
            throw new IllegalArgumentException("the message log extract names no day");
        }
        return new Extract(day, legs, freeMos);
    }
}
