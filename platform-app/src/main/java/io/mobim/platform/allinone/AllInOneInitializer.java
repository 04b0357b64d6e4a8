package io.mobim.platform.allinone;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextException;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the embedded PostgreSQL and Kafka broker before the application context refreshes, for every
 * service whose external address is not configured, and points Spring's datasource and Kafka clients at them.
 * The services are released by a disposable bean registered before any other, so they stop after every bean
 * that uses them (connection pools, consumers) has been closed.
 */
public final class AllInOneInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

    static final String PROPERTY_SOURCE = "mobimEmbeddedServices";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment env = context.getEnvironment();
        if (env.getPropertySources().contains(PROPERTY_SOURCE)) {
            return; // a child context or a second run over the same environment
        }
        EmbeddedSettings settings = Binder.get(env)
                .bind("mobim.embedded", Bindable.of(EmbeddedSettings.class))
                .orElseGet(() -> Binder.get(env).bindOrCreate("mobim.embedded", EmbeddedSettings.class));
        if (!settings.enabled()) {
            return;
        }
        boolean wantPostgres = !env.containsProperty("spring.datasource.url");
        boolean wantKafka = !env.containsProperty("spring.kafka.bootstrap-servers");
        if (!wantPostgres && !wantKafka) {
            return;
        }
        EmbeddedServices.Running running;
        try {
            running = EmbeddedServices.acquire(settings, wantPostgres, wantKafka);
        } catch (Exception e) {
            throw new ApplicationContextException("could not start the embedded services of the all-in-one runtime "
                    + "(set spring.datasource.url and spring.kafka.bootstrap-servers to use external ones)", e);
        }
        ((DefaultSingletonBeanRegistry) context.getBeanFactory())
                .registerDisposableBean("mobimEmbeddedServicesRelease", EmbeddedServices::release);

        Map<String, Object> props = new LinkedHashMap<>();
        if (running.jdbcUrl() != null) {
            props.put("spring.datasource.url", running.jdbcUrl() + "&reWriteBatchedInserts=true");
            props.put("spring.datasource.username", "postgres");
            props.put("mobim.embedded.postgres.running", "true");
        }
        if (running.kafkaBootstrapServers() != null) {
            props.put("spring.kafka.bootstrap-servers", running.kafkaBootstrapServers());
            props.put("mobim.embedded.kafka.running", "true");
        }
        props.put("mobim.embedded.data-root", running.dataRoot().toString());
        env.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, props));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }
}
