package io.mobim.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mobim.platform.MobimApplication;
import io.mobim.platform.MobimIntegrationTest;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import io.mobim.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * What an operator notices at the edges of a running platform: where HTTP listens, and where the admin password
 * comes from. The all-in-one listens on 127.0.0.1 only, so another address of the same machine (127.0.0.2, also
 * loopback) is refused; a deployment listens on every interface. A process with one light role (clearing) on the
 * shared embedded PostgreSQL and broker stands for a deployment or a fresh all-in-one start.
 */
@MobimIntegrationTest
class DeploymentEdgesTest {

    private static final String OTHER_LOCAL_ADDRESS = "127.0.0.2";

    @Value("${local.server.port}")
    int port;

    @Autowired
    Environment env;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theAllInOneListensOnLoopbackOnly() throws Exception {
        assertThat(get("127.0.0.1", port, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(OTHER_LOCAL_ADDRESS, port), 2_000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void aDeploymentListensOnEveryInterface() throws Exception {
        try (ConfigurableApplicationContext deployment = start("--mobim.embedded.enabled=false", "--mobim.admin.password=deploy-secret")) {
            int deployed = deployment.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(get(OTHER_LOCAL_ADDRESS, deployed, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anInstanceStartedWithAnotherPartitionCountLeavesTheLiveTopicsAsTheyAre() throws Exception {
        // the all-in-one's topics have the embedded broker's few partitions; a deployment's default is more. Adding
        // partitions under running consumers would move handsets' keys and leave the new partitions unread for minutes
        Map<String, Integer> before = partitions(Topics.SMS_MO, Topics.SMS_MT);
        assertThat(before.get(Topics.SMS_MO)).isLessThan(6);
        try (ConfigurableApplicationContext deployment = start("--mobim.embedded.enabled=false", "--mobim.admin.password=deploy-secret",
                "--mobim.kafka.partitions=6")) {
            assertThat(partitions(Topics.SMS_MO, Topics.SMS_MT)).isEqualTo(before);
        }
    }

    private Map<String, Integer> partitions(String... topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                env.getRequiredProperty("spring.kafka.bootstrap-servers")))) {
            return admin.describeTopics(List.of(topics)).allTopicNames().get(10, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().partitions().size()));
        }
    }

    @Test
    void aDeploymentRefusesToStartWithoutAnAdminPasswordOrWithTheSimulator() {
        assertThatThrownBy(() -> start("--mobim.embedded.enabled=false").close())
                .hasStackTraceContaining("MOBIM_ADMIN_PASSWORD").hasStackTraceContaining("from a Secret");
        assertThatThrownBy(() -> start("--mobim.embedded.enabled=false", "--mobim.admin.password=x",
                "--mobim.smpp.simulator.enabled=true").close())
                .hasStackTraceContaining("test tool of the all-in-one runtime");
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThatThrownBy(() -> start("--mobim.embedded.enabled=false", "--mobim.admin.password=").close())
                .hasStackTraceContaining("mobim.admin.password is set but empty");
        assertThatThrownBy(() -> start("--mobim.embedded.enabled=false", "--mobim.admin.password=ok-secret",
                "--mobim.admin.billing-user=billing", "--mobim.admin.billing-password= ").close())
                .hasStackTraceContaining("mobim.admin.billing-password is set but empty");
    }

    @Test
    void theAllInOneGeneratesItsAdminPasswordOnceIntoAnOwnerOnlyFileAndReusesIt(@TempDir Path data) throws Exception {
        Path file = data.resolve("admin-password");
        String first;
        try (ConfigurableApplicationContext allInOne = start("--mobim.embedded.data-dir=" + data)) {
            assertThat(file).exists();
            assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
            first = Files.readString(file).strip();
            assertThat(first).hasSizeGreaterThanOrEqualTo(20);
            assertThat(allInOne.getBean(ApiUsers.class).generatedPasswordFile()).hasValue(file.toAbsolutePath().normalize());
            int p = allInOne.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(get("127.0.0.1", p, "/actuator/info", "admin:" + first).statusCode()).isEqualTo(200);
            assertThat(get("127.0.0.1", p, "/actuator/info", "admin:guess").statusCode()).isEqualTo(401);
        }
        try (ConfigurableApplicationContext again = start("--mobim.embedded.data-dir=" + data)) {
            assertThat(Files.readString(file).strip()).as("reused, not generated again").isEqualTo(first);
            int p = again.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            assertThat(get("127.0.0.1", p, "/actuator/info", "admin:" + first).statusCode()).isEqualTo(200);
        }
    }

    /** A clearing-only process on the shared embedded services, with the given settings on top. */
    private ConfigurableApplicationContext start(String... settings) {
        List<String> args = new ArrayList<>(List.of("--mobim.roles=clearing",
                "--spring.datasource.url=" + env.getRequiredProperty("spring.datasource.url"),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + env.getRequiredProperty("spring.kafka.bootstrap-servers"),
                "--spring.kafka.consumer.auto-offset-reset=latest",
                // its own name in the consumer groups: the shared platform's would fence that platform's consumers
                "--mobim.kafka.instance-id=deployment-edges",
                "--server.port=0"));
        args.addAll(List.of(settings));
        return new SpringApplicationBuilder(MobimApplication.class).run(args.toArray(String[]::new));
    }

    private HttpResponse<String> get(String host, int port, String path, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
