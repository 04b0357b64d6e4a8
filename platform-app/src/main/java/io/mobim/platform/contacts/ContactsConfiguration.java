package io.mobim.platform.contacts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.subscribers.Subscribers;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(ContactSettings.class)
class ContactsConfiguration {

    @Bean
    Contacts contacts(JdbcClient jdbc, Subscribers subscribers, BlockList blocks, ApplicationEventPublisher events,
                      ContactSettings settings, Clock clock) {
        return new Contacts(jdbc, subscribers, blocks, events, settings, clock);
    }
}
