package io.mobim.billing.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One embedded PostgreSQL 17 per test JVM (random port, no JVM shutdown hook), migrated with billing's Flyway
 * scripts the way the app runs them (location {@code db/migration/billing}, schema {@code billing}). Every user
 * (a Spring context) acquires it and releases it when closed; the last release stops it.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static EmbeddedPostgres pg;
    private static int users;

    static synchronized EmbeddedPostgres acquire() {
        if (pg == null) {
            try {
                pg = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
            Flyway.configure().dataSource(pg.getPostgresDatabase()).schemas("billing")
                    .locations("classpath:db/migration/billing").load().migrate();
        }
        users++;
        return pg;
    }

    static synchronized void release() throws IOException {
        if (--users > 0) {
            return;
        }
        pg.close();
        pg = null;
    }

    public static String jdbcUrl() {
        return acquire().getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = jdbcUrl();
        // registered before refresh: destroyed after every other bean of the context
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("testDatabaseRelease", TestDatabase::release);
        TestPropertyValues.of("spring.datasource.url=" + url, "spring.datasource.username=postgres",
                "spring.datasource.password=postgres").applyTo(context);
    }
}
