package io.mobim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.smpp.simulator.SmscSimulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same platform against containerised PostgreSQL and Kafka, as an operator would run it against external
 * services. Runs where a Docker engine exists; skipped cleanly where it does not.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"mobim.embedded.enabled=false", "mobim.admin.password=admin-secret"})
class TestcontainersSmokeTest {

    @Container
    static final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @Container
    static final KafkaContainer kafka = new KafkaContainer("apache/kafka-native:4.1.0");

    /** The operator's SMS-C: outside the all-in-one there is no simulator, so the test brings one as an external SMS-C. */
    static final SmscSimulator smsc = SmscSimulator.start(0);

    @DynamicPropertySource
    static void externalServices(DynamicPropertyRegistry registry) {
        registry.add("mobim.smpp.smsc[0].host", () -> "127.0.0.1");
        registry.add("mobim.smpp.smsc[0].port", smsc::port);
        registry.add("mobim.smpp.smsc[0].system-id", () -> "mobim");
        registry.add("spring.datasource.url", postgres::getJdbcUrl);
        registry.add("spring.datasource.username", postgres::getUsername);
        registry.add("spring.datasource.password", postgres::getPassword);
        registry.add("spring.kafka.bootstrap-servers", kafka::getBootstrapServers);
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void healthIsUpAgainstExternalServices() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }
}
