package io.mobim.platform.presence;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.subscribers.Subscribers;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(PresenceSettings.class)
class PresenceConfiguration {

    @Bean
    PresenceService presenceService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, PresenceStamps stamps) {
        return new PresenceService(jdbc, events, clock, stamps);
    }

    @Bean
    ClientSessions clientSessions(JdbcClient jdbc, Subscribers subscribers, ApplicationEventPublisher events,
                                  PresenceSettings settings, ChargingRecorder charging, Clock clock, SessionTouches touches,
                                  PresenceStamps stamps) {
        return new ClientSessions(jdbc, subscribers, events, settings, charging, clock, touches, stamps);
    }

    @Bean
    PresenceStamps presenceStamps(JdbcClient jdbc, Clock clock) {
        return new PresenceStamps(jdbc, clock);
    }

    @Bean
    SessionTouches sessionTouches(JdbcClient jdbc, PresenceSettings settings, Clock clock) {
        return new SessionTouches(jdbc, settings, clock);
    }

    @Bean
    PresenceUpdates presenceUpdates(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        return new PresenceUpdates(jdbc, events, clock);
    }

    @Bean
    AttributeLists attributeLists(JdbcClient jdbc, Contacts contacts, PresenceSettings settings, Clock clock) {
        return new AttributeLists(jdbc, contacts, settings, clock);
    }

    @Bean
    SessionSweeper sessionSweeper(ClientSessions sessions, PresenceSettings settings) {
        return new SessionSweeper(sessions, settings.sweepInterval());
    }
}
