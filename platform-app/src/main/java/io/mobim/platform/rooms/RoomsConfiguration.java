package io.mobim.platform.rooms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.mobim.platform.subscribers.Subscribers;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
class RoomsConfiguration {

    @Bean
    Rooms rooms(JdbcClient jdbc, Subscribers subscribers, ApplicationEventPublisher events, Clock clock) {
        return new Rooms(jdbc, subscribers, events, clock);
    }

    @Bean
    Groups groups(JdbcClient jdbc, Rooms rooms, ApplicationEventPublisher events) {
        return new Groups(jdbc, rooms, events);
    }

    @Bean
    RoomNotices roomNotices(JdbcClient jdbc, Clock clock) {
        return new RoomNotices(jdbc, clock);
    }
}
