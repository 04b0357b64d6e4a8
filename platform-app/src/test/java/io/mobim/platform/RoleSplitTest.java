package io.mobim.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A process that runs one role only, as a split deployment does, starts on a database that has none of the other
 * roles' tables, comes up healthy, and carries none of the IM core's beans (whose sweepers and relay would
 * otherwise poll tables that do not exist). It borrows the shared embedded PostgreSQL server (its own database)
 * and the shared broker (its own consumer groups, reading only new records).
 */
@MobimIntegrationTest
class RoleSplitTest {

    @Autowired
    DataSource shared;

    @Autowired
    Environment env;

    @ParameterizedTest
    @ValueSource(strings = {"billing", "clearing"})
    void aRoleStartsAloneWithOnlyItsOwnSchema(String role) throws Exception {
        String database = "split_" + role;
        JdbcTemplate admin = new JdbcTemplate(shared);
        admin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        admin.execute("CREATE DATABASE " + database);
        String url = env.getRequiredProperty("spring.datasource.url").replaceFirst("/postgres\\?", "/" + database + "?");

        try (ConfigurableApplicationContext split = new SpringApplicationBuilder(MobimApplication.class).run(
                "--mobim.roles=" + role,
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + env.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "--spring.kafka.consumer.auto-offset-reset=latest",
                "--mobim.billing.consumer.group-id=split-billing",
                "--mobim.billing.reconciliation.gateway.group-id=split-billing-gateway",
                "--mobim.clearing.consumer.group-id=split-clearing",
                "--mobim.kafka.instance-id=split-" + role,
                "--server.port=0",
                "--mobim.admin.user=admin", "--mobim.admin.password=admin-secret")) {

            int port = split.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");

            assertThat(split.getBeanNamesForType(MessageSender.class)).isEmpty();
            assertThat(split.getBeanNamesForType(PresenceService.class)).isEmpty();
            assertThat(split.getBeanNamesForType(ClientSessions.class)).isEmpty();

            JdbcTemplate own = new JdbcTemplate(new DriverManagerDataSource(url));
            Set<String> schemas = new HashSet<>(own.queryForList("""
                    select schema_name from information_schema.schemata
                    where schema_name in ('im', 'smpp', 'billing', 'clearing')""", String.class));
            assertThat(schemas).containsExactly(role);
        } finally {
            admin.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }
}
