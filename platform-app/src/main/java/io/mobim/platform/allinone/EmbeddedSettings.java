package io.mobim.platform.allinone;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The all-in-one runtime's embedded services. Each one starts only when its external counterpart is not
 * configured: {@code spring.datasource.url} replaces the embedded PostgreSQL, {@code spring.kafka.bootstrap-servers}
 * the embedded Kafka broker.
 *
 * @param enabled start embedded services at all (false requires external PostgreSQL and Kafka)
 * @param dataDir where the embedded PostgreSQL cluster and Kafka log live, so state survives a restart
 * @param ephemeral use a fresh temporary directory instead of {@code dataDir}, deleted on shutdown (tests)
 * @param postgresPort PostgreSQL's port on 127.0.0.1; 0 picks a free one
 * @param kafkaPort the Kafka broker's client port on 127.0.0.1; 0 picks a free one
 * @param kafkaPartitions partition count of the embedded broker's topics (the default: one per listener thread)
 * @param postgresSettings PostgreSQL server settings on top of the embedded defaults, by name, e.g.
 *                         {@code mobim.embedded.postgres-settings.shared_buffers=1GB}; a name with a dot goes in
 *                         brackets: {@code mobim.embedded.postgres-settings[pg_stat_statements.track]=all}
 * @param kafkaSettings Kafka broker settings on top of the embedded defaults, by name in brackets, e.g.
 *                      {@code mobim.embedded.kafka-settings[log.retention.hours]=24}
 */
@Validated
@ConfigurationProperties("mobim.embedded")
public record EmbeddedSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("./data") @NotBlank String dataDir,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("0") @Min(0) @Max(65535) int postgresPort,
        @DefaultValue("0") @Min(0) @Max(65535) int kafkaPort,
        @DefaultValue("1") @Min(1) int kafkaPartitions,
        Map<String, String> postgresSettings,
        Map<String, String> kafkaSettings) {

    public EmbeddedSettings {
        postgresSettings = postgresSettings == null ? Map.of() : Map.copyOf(postgresSettings);
        kafkaSettings = kafkaSettings == null ? Map.of() : Map.copyOf(kafkaSettings);
    }
}
