package io.mobim.platform.charging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.mobim.platform.outbox.Outbox;
import java.time.Clock;
import io.mobim.billing.BillingProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(BillingProperties.class)
class ChargingConfiguration {

    @Bean
    ChargingRecorder chargingRecorder(Outbox outbox, JdbcClient jdbc, Clock clock,
                                      BillingProperties billing) {
        // days of use are counted in billing's business time zone, so that one day here is one daily fee there
        return new ChargingRecorder(outbox, jdbc, billing.businessZone(), clock);
    }
}
