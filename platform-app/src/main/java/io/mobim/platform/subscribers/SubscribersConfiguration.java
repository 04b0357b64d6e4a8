package io.mobim.platform.subscribers;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SubscriberSettings.class)
class SubscribersConfiguration {

    @Bean
    Subscribers subscribers(SubscriberRepository repository, PasswordEncoder passwords, SubscriberSettings settings, Clock clock) {
        return new Subscribers(repository, passwords, settings, clock);
    }
}
