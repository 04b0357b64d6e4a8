package io.mobim.platform.blocking;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
class BlockingConfiguration {

    @Bean
    BlockList blockList(JdbcClient jdbc, Clock clock) {
        return new BlockList(jdbc, clock);
    }
}
