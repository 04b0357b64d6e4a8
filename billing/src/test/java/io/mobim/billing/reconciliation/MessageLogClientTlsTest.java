package io.mobim.billing.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.mobim.events.EventJson;
import io.mobim.events.messagelog.MessageLogExtract;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ssl.DefaultSslBundleRegistry;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.jks.JksSslStoreBundle;
import org.springframework.boot.ssl.jks.JksSslStoreDetails;

/**
 * Billing fetches the IM core's message log over TLS with the billing team's credentials: an IM node whose
 * certificate an operator's own CA signed (here a self-signed one in a test trust store) is trusted through a
 * Spring Boot SSL bundle, and not without it.
 */
class MessageLogClientTlsTest {

    private static final LocalDate DAY = LocalDate.of(2031, 3, 14);
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();

    private HttpsServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();

    @BeforeEach
    void anImNodeServingHttps() throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = getClass().getResourceAsStream("/tls/im-server.p12")) {
            keys.load(in, STORE_PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext(MessageLogClient.PATH, exchange -> {
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = EventJson.mapper().writeValueAsBytes(new MessageLogExtract(DAY, "Europe/London", null, null, List.of()));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void anHttpsUrlIsVerifiedWithTheNamedSslBundleAndCarriesTheCredentials() {
        DefaultSslBundleRegistry bundles = new DefaultSslBundleRegistry("im-log", SslBundle.of(new JksSslStoreBundle(null,
                new JksSslStoreDetails("PKCS12", null, "classpath:tls/im-truststore.p12", "changeit"))));
        MessageLogClient client = new MessageLogClient(settings("im-log"), () -> -1, bundles);

        MessageLogClient.Fetch fetch = client.fetch(DAY, ZoneId.of("Europe/London"));

        assertThat(fetch).isInstanceOf(MessageLogClient.Fetched.class);
        assertThat(fetch.source()).startsWith("https://127.0.0.1:");
        assertThat(authorizations).containsExactly("Basic " + Base64.getEncoder()
                .encodeToString("billing:billing-secret".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void withoutTheBundleAnUnknownCertificateIsRefusedAndNothingIsSent() {
        MessageLogClient client = new MessageLogClient(settings(null), () -> -1, null);

        MessageLogClient.Fetch fetch = client.fetch(DAY, ZoneId.of("Europe/London"));

        assertThat(fetch).isInstanceOfSatisfying(MessageLogClient.NotFetched.class,
                f -> assertThat(f.reason()).contains("PKIX path building failed"));
        assertThat(authorizations).as("the credentials never left over an unverified connection").isEmpty();
    }

    private ReconciliationProperties.MessageLog settings(String sslBundle) {
        URI url = URI.create("https://127.0.0.1:" + server.getAddress().getPort() + MessageLogClient.PATH);
        return new ReconciliationProperties.MessageLog(url, false, "billing", "billing-secret", Duration.ofSeconds(10), sslBundle);
    }
}
