package io.mobim.platform.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties({OutboxSettings.class, NodeLeaseSettings.class})
class OutboxConfiguration {

    /** The fixed {@code mobim.outbox.node-id} if set, else a node id leased in the database, leased here. */
    @Bean
    NodeIdentity nodeIdentity(OutboxSettings settings, NodeLeaseSettings lease, JdbcTemplate jdbc,
                              PlatformTransactionManager txManager, Environment env, MeterRegistry meters) {
        if (settings.nodeId() != null && !settings.nodeId().isBlank()) {
            String fixed = settings.nodeId().strip();
            return () -> fixed;
        }
        Optional<Path> hintFile = lease.hintFile() != null && !lease.hintFile().isBlank()
                ? Optional.of(Path.of(lease.hintFile()))
                : Optional.ofNullable(env.getProperty("mobim.embedded.data-root")).map(root -> Path.of(root, "node-id"));
        NodeLease leased = new NodeLease(JdbcClient.create(jdbc), new TransactionTemplate(txManager), lease, hintFile, hostName(), meters);
        leased.acquire();
        return leased;
    }

    @Bean
    NodeLeaseHeartbeat nodeLeaseHeartbeat(NodeIdentity identity, NodeLeaseSettings lease) {
        return new NodeLeaseHeartbeat(identity, lease.heartbeat());
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, Clock clock, OutboxRelayLoop relayLoop) {
        return new Outbox(jdbc, clock, relayLoop::wakeUp);
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txManager, KafkaProperties kafka,
                            OutboxSettings settings, NodeIdentity nodeId, ObjectProvider<LocalConsumer> localConsumers,
                            MeterRegistry meters) {
        Map<String, Object> props = kafka.buildProducerProperties();
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        var factory = new DefaultKafkaProducerFactory<>(props, new StringSerializer(), new ByteArraySerializer());
        return new OutboxRelay(jdbc, new TransactionTemplate(txManager), factory.createProducer(), settings, nodeId,
                localConsumers.orderedStream().toList(), meters);
    }

    @Bean
    OutboxRelayLoop outboxRelayLoop(OutboxRelay relay, OutboxSettings settings) {
        return new OutboxRelayLoop(relay::drain, settings.interval(), settings.sendTimeout().plusSeconds(5));
    }

    /** The pod name in Kubernetes ({@code HOSTNAME}), else what the system says. */
    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
