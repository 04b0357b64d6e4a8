package io.mobim.platform.messaging.log;

import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The message log extract: part of the {@code im} role, which owns the tables it reads. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
class MessageLogConfiguration {

    @Bean
    MessageLog messageLog(JdbcClient jdbc, @Value("${mobim.billing.business-zone:UTC}") ZoneId businessZone) {
        // the same default zone as the charging recorder's days of use: one business day everywhere
        return new MessageLog(jdbc, businessZone);
    }
}
