package io.mobim.platform.blocking;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
class BlockingConfiguration {

    @Bean
    BlockList blockList(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        return new BlockList(jdbc, clock, events);
    }
}
