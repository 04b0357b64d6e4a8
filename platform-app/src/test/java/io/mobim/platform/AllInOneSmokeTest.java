package io.mobim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Topics;
import io.mobim.platform.schema.SchemaMigrations;
import io.mobim.smpp.simulator.SmscSimulator;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.AdminClient;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.SMPPSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;

/** The all-in-one platform starts on real embedded services and reports itself healthy. */
@MobimIntegrationTest
class AllInOneSmokeTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    SchemaMigrations migrations;

    @Autowired
    SmscSimulator simulator;

    private static final String ADMIN = "admin:admin-secret";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void healthIsUpWithDatabaseAndKafka() throws Exception {
        HttpResponse<String> health = get("/actuator/health", ADMIN);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"db\"").contains("\"kafka\"");
        assertThat(get("/actuator/health/liveness", null).body()).contains("\"status\":\"UP\"");
        HttpResponse<String> readiness = get("/actuator/health/readiness", ADMIN);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\"").contains("\"kafka\"");
    }

    @Test
    void probesArePublicButTheirDetailsAreNot() throws Exception {
        for (String probe : List.of("/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness")) {
            HttpResponse<String> anonymous = get(probe, null);
            assertThat(anonymous.statusCode()).as(probe).isEqualTo(200);
            assertThat(anonymous.body()).as(probe).contains("\"status\":\"UP\"")
                    .doesNotContain("\"db\"").doesNotContain("\"kafka\"").doesNotContain("components");
        }
    }

    @Test
    void everyTopicOfTheDesignAndItsDeadLetterTopicExists() throws Exception {
        try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            assertThat(names).containsAll(Topics.all())
                    .contains("sms.mo.v1", "sms.mt.v1", "sms.dlr.v1", "charging.v1", "interop.records.v1", "charging.v1.dlt");
        }
    }

    @Test
    void flywayMigratedTheImSchema() {
        assertThat(migrations.migratedSchemas()).contains("im");
        Integer applied = jdbc.queryForObject("select count(*) from im.flyway_schema_history where success", Integer.class);
        assertThat(applied).isPositive();
    }

    @Test
    void prometheusServesJvmMetricsToAnAuthenticatedScraperOnly() throws Exception {
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/actuator/prometheus", ADMIN);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("application=\"mobim\"");
    }

    @Test
    void smscSimulatorAcceptsAnSmppBind() throws Exception {
        int before = simulator.boundSessions();
        SMPPSession esme = new SMPPSession();
        try {
            String smscId = esme.connectAndBind("127.0.0.1", simulator.port(), new BindParameter(BindType.BIND_TRX,
                    "smoketest", "secret", "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null));
            assertThat(smscId).isEqualTo(SmscSimulator.SMSC_SYSTEM_ID);
            assertThat(simulator.boundSessions()).isEqualTo(before + 1);
        } finally {
            esme.unbindAndClose();
        }
    }

    private HttpResponse<String> get(String path, String basicAuth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (basicAuth != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basicAuth.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
