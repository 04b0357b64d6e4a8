package io.mobim.platform.housekeeping;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(HousekeepingSettings.class)
class HousekeepingConfiguration {

    @Bean
    Housekeeping housekeeping(JdbcClient jdbc, PlatformTransactionManager transactions, HousekeepingSettings settings, Clock clock,
                              MeterRegistry meters) {
        return new Housekeeping(jdbc, new TransactionTemplate(transactions), settings, clock, meters);
    }
}
