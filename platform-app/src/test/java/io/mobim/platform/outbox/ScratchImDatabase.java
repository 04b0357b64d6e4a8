package io.mobim.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A database of its own in the embedded PostgreSQL with the {@code im} migrations applied up to a version: a relay
 * can run on it without the application's relay taking its rows. Dropped on close.
 */
final class ScratchImDatabase implements AutoCloseable {

    private final JdbcTemplate admin;
    private final String name = "outbox_scratch_" + UUID.randomUUID().toString().replace("-", "");
    final DataSource dataSource;
    private DefaultKafkaProducerFactory<String, byte[]> producers;

    /** {@code version}: the last {@code im} migration to apply, or {@code "latest"}. */
    ScratchImDatabase(DataSource embedded, String version) throws SQLException {
        this.admin = new JdbcTemplate(embedded);
        String url;
        try (Connection c = embedded.getConnection()) {
            url = c.getMetaData().getURL();
        }
        admin.execute("create database " + name);
        this.dataSource = new DriverManagerDataSource(url.replaceFirst("/postgres\\?", "/" + name + "?"));
        migrate(version);
    }

    void migrate(String version) {
        Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).schemas("im").defaultSchema("im")
                .createSchemas(true).locations("classpath:db/migration/im").target(version).load().migrate();
    }

    /** A relay on this database publishing to the embedded broker; its producer is closed with the database. */
    OutboxRelay relay(String bootstrapServers, String nodeId, int batchSize, MeterRegistry meters) {
        return relay(bootstrapServers, nodeId, batchSize, List.of(), meters);
    }

    /** A relay as {@link #relay(String, String, int, MeterRegistry)} that hands their topics' records to {@code localConsumers}. */
    OutboxRelay relay(String bootstrapServers, String nodeId, int batchSize, List<LocalConsumer> localConsumers, MeterRegistry meters) {
        if (producers == null) {
            producers = new DefaultKafkaProducerFactory<>(Map.<String, Object>of("bootstrap.servers", bootstrapServers),
                    new StringSerializer(), new ByteArraySerializer());
        }
        return new OutboxRelay(new JdbcTemplate(dataSource), new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                producers.createProducer(), new OutboxSettings(nodeId, batchSize, Duration.ofMillis(50), Duration.ofSeconds(10),
                Duration.ofSeconds(1)), () -> nodeId, localConsumers, meters);
    }

    @Override
    public void close() {
        if (producers != null) {
            producers.destroy();
        }
        admin.execute("drop database " + name + " with (force)");
    }
}
