package io.mobim.platform.messaging.log;

import io.mobim.billing.BillingProperties;
import io.mobim.platform.messaging.FreeMos;
import io.mobim.platform.messaging.MessagingSettings;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The message log extract: part of the {@code im} role, which owns the tables it reads. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties({BillingProperties.class, MessagingSettings.class})
class MessageLogConfiguration {

    @Bean
    MessageLog messageLog(JdbcClient jdbc, BillingProperties billing, MessagingSettings messaging, FreeMos freeMos, Clock clock) {
        // the same zone as the charging recorder's days of use: one business day everywhere
        return new MessageLog(jdbc, billing.businessZone(), clock, messaging.retention(), messaging.validity(),
                freeMos);
    }
}
