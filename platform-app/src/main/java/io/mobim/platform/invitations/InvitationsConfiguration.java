package io.mobim.platform.invitations;

import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.subscribers.Subscribers;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(InvitationSettings.class)
class InvitationsConfiguration {

    @Bean
    Invitations invitations(JdbcClient jdbc, Subscribers subscribers, BlockList blocks, ApplicationEventPublisher events,
                            InvitationSettings settings, Clock clock) {
        return new Invitations(jdbc, subscribers, blocks, events, settings, clock);
    }
}
