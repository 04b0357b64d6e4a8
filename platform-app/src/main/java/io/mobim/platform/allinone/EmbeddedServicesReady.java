package io.mobim.platform.allinone;

import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The embedded services start in the background; these markers make the first beans that talk to them
 * (the datasource, the Kafka admin that creates the topics) wait until they are up. Without embedded
 * services the waits return at once.
 */
final class EmbeddedServicesReady {

    private EmbeddedServicesReady() {
    }

    /** A bean whose creation waits for the embedded PostgreSQL. */
    static final class PostgresReady {
        PostgresReady() {
            EmbeddedServices.awaitPostgres();
        }
    }

    /** A bean whose creation waits for the embedded Kafka broker. */
    static final class KafkaReady {
        KafkaReady() {
            EmbeddedServices.awaitKafka();
        }
    }

    static final class DataSourceWaits extends AbstractDependsOnBeanFactoryPostProcessor {
        DataSourceWaits() {
            super(DataSource.class, "embeddedPostgresReady");
        }
    }

    static final class KafkaAdminWaits extends AbstractDependsOnBeanFactoryPostProcessor {
        KafkaAdminWaits() {
            super(KafkaAdmin.class, "embeddedKafkaReady");
        }
    }
}
