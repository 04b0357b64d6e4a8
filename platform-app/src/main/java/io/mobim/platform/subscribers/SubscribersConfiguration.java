package io.mobim.platform.subscribers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(SubscriberSettings.class)
// each role declares its own repositories (spring.data.jpa.repositories.enabled=false), so none outlives its role
@EnableJpaRepositories(basePackageClasses = SubscriberRepository.class, bootstrapMode = BootstrapMode.DEFERRED)
class SubscribersConfiguration {

    @Bean
    PasswordVault passwordVault(SubscriberSettings settings) {
        return PasswordVault.from(settings);
    }

    @Bean
    Subscribers subscribers(SubscriberRepository repository, PasswordEncoder passwords, PasswordVault vault,
                            SubscriberSettings settings, Clock clock) {
        return new Subscribers(repository, passwords, vault, settings, clock);
    }
}
