package io.mobim.clearing.it;

import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.FreePorts;
import io.mobim.events.Topics;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real services of the clearing house's tests, one of each per test JVM: an embedded PostgreSQL 17 migrated with
 * the clearing schema's Flyway scripts as the app runs them, and an in-process Kafka broker with
 * {@code interop.records.v1} (2 partitions) and its dead-letter topic. Each Spring context acquires them and releases
 * them when closed; the last release stops them.
 */
public final class ClearingServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres pg;
    private static EmbeddedKafkaBroker kafka;
    private static int users;

    static synchronized void acquire() throws Exception {
        if (pg == null) {
            pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("clearing")
                    .locations("classpath:db/migration/clearing").load().migrate();
        }
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(Files.createTempDirectory("clearing-kafka"), FreePorts.pick(), 2, true);
            kafka.createTopics(Map.of(Topics.INTEROP_RECORDS, 2, Topics.deadLetter(Topics.INTEROP_RECORDS), 2));
        }
        users++;
    }

    static synchronized void release() throws Exception {
        if (--users > 0) {
            return;
        }
        kafka.close();
        kafka = null;
        pg.close();
        pg = null;
    }

    static synchronized String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            acquire();
        } catch (Exception e) {
            throw new IllegalStateException("the clearing tests' PostgreSQL or Kafka did not start", e);
        }
        // registered before refresh: destroyed after every other bean of the context
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("clearingServicesRelease", () -> release());
        TestPropertyValues.of("spring.datasource.url=" + pg.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true",
                "spring.datasource.username=postgres", "spring.datasource.password=postgres",
                "spring.kafka.bootstrap-servers=" + kafka.bootstrapServers()).applyTo(context);
    }
}
