package io.mobim.platform.kafka;

import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.EmbeddedPostgresServer;
import io.mobim.embedded.FileTrees;
import io.mobim.embedded.FreePorts;
import java.nio.file.Path;

/**
 * An embedded PostgreSQL and Kafka broker of a test's own, which it can stop and start again on the same data and
 * the same ports, the way an outage and a recovery look to the application: connections refused, then accepted.
 */
final class StoppableServices implements AutoCloseable {

    private static final int PARTITIONS = 2;

    private final Path root;
    private final int postgresPort = FreePorts.pick();
    private final int kafkaPort = FreePorts.pick();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;

    private StoppableServices(Path root) {
        this.root = root;
    }

    static StoppableServices start(Path root) throws Exception {
        StoppableServices services = new StoppableServices(root);
        services.startPostgres();
        services.startKafka();
        return services;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgresPort + "/postgres?user=postgres&reWriteBatchedInserts=true";
    }

    String bootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    void stopPostgres() throws Exception {
        postgres.close();
        postgres = null;
    }

    void startPostgres() throws Exception {
        postgres = EmbeddedPostgresServer.start(root.resolve("postgres"), postgresPort, false);
    }

    void stopKafka() throws Exception {
        kafka.close();
        kafka = null;
    }

    void startKafka() throws Exception {
        kafka = EmbeddedKafkaBroker.start(root.resolve("kafka"), kafkaPort, PARTITIONS, false);
    }

    @Override
    public void close() throws Exception {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        FileTrees.delete(root);
    }
}
