package io.mobim.platform.directory;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
class DirectoryConfiguration {

    @Bean
    Directory directory(JdbcClient jdbc, Clock clock) {
        return new Directory(jdbc, clock);
    }
}
