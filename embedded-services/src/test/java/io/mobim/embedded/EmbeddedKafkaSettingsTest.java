package io.mobim.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** An operator's broker settings reach the embedded broker; the ones that make it the embedded broker cannot be replaced. */
class EmbeddedKafkaSettingsTest {

    @Test
    void theBrokerRunsWithTheSettingsGivenOnTopOfItsOwn() throws Exception {
        Path dir = Files.createTempDirectory("mobim-kafka-settings-");
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(dir, FreePorts.pick(), 1, true,
                Map.of("num.io.threads", "3", "log.retention.hours", "24"));
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Config config = admin.describeConfigs(List.of(node)).all().get().get(node);
            assertThat(config.get("num.io.threads").value()).isEqualTo("3");
            assertThat(config.get("log.retention.hours").value()).isEqualTo("24");
            assertThat(config.get("node.id").value()).isEqualTo("1");
        }
    }

    @Test
    void aSettingTheEmbeddedBrokerOwnsIsRefusedByName() throws Exception {
        Path dir = Files.createTempDirectory("mobim-kafka-settings-");
        try {
            assertThatThrownBy(() -> EmbeddedKafkaBroker.start(dir, FreePorts.pick(), 1, true,
                    Map.of("listeners", "PLAINTEXT://0.0.0.0:9092")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("listeners");
        } finally {
            FileTrees.delete(dir);
        }
    }
}
