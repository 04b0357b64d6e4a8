package io.mobim.platform.subscribers;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.data.repository.config.BootstrapMode;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(SubscriberSettings.class)
// each role declares its own repositories (spring.data.jpa.repositories.enabled=false), so none outlives its role
@EnableJpaRepositories(basePackageClasses = SubscriberRepository.class, bootstrapMode = BootstrapMode.DEFERRED)
class SubscribersConfiguration {

    /**
     * The key in a file only where one is named or the all-in-one's embedded services run (their data root): a process
     * on external services never writes a key next to wherever it was started.
     */
    @Bean
    PasswordVault passwordVault(SubscriberSettings settings, Environment env) {
        Path keyFile = settings.passwordKeyFile() != null ? settings.passwordKeyFile()
                : Optional.ofNullable(env.getProperty("mobim.embedded.data-root")).map(root -> Path.of(root, "password-key")).orElse(null);
        return PasswordVault.from(settings.passwordKey(), keyFile);
    }

    @Bean
    Subscribers subscribers(SubscriberRepository repository, PasswordEncoder passwords, PasswordVault vault,
                            SubscriberSettings settings, Clock clock) {
        return new Subscribers(repository, passwords, vault, settings, clock);
    }
}
