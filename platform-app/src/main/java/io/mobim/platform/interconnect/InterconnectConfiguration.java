package io.mobim.platform.interconnect;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import io.mobim.platform.kafka.EventConsumers;
import io.mobim.platform.kafka.KafkaTopicSettings;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.numberplan.NumberPlan;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.subscribers.Subscribers;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Messaging with peer operators (role {@code im}): the server-to-server interface both ways. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(InterconnectSettings.class)
class InterconnectConfiguration {

    /**
     * {@code /s2s/**} authenticates by signed requests ({@link S2sController}), not HTTP Basic: its own filter chain,
     * before the APIs' one, so that an operator's password is never accepted there nor asked for.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain s2sSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/s2s/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers("/s2s/v1/**").permitAll().anyRequest().denyAll());
        return http.build();
    }

    @Bean
    InteropRecords interopRecords(Outbox outbox) {
        return new InteropRecords(outbox);
    }

    @Bean
    OutboundMessages interconnect(NumberPlan plan, InterconnectSettings settings, Outbox outbox) {
        return new OutboundMessages(plan, settings, outbox);
    }

    @Bean
    AuthorizationForwarding authorizationForwarding(OutboundMessages outbound, Subscribers subscribers) {
        return new AuthorizationForwarding(outbound, subscribers);
    }

    @Bean
    PresenceForwarding presenceForwarding(OutboundMessages outbound, PresenceService presence, JdbcClient jdbc, Clock clock) {
        return new PresenceForwarding(outbound, presence, jdbc, clock);
    }

    @Bean
    InboundPresence inboundPresence(JdbcClient jdbc, Subscribers subscribers, OutboundMessages operators, MeterRegistry meters) {
        return new InboundPresence(jdbc, subscribers, operators, meters);
    }

    @Bean
    InboundAuthorizations inboundAuthorizations(Contacts contacts, Subscribers subscribers) {
        return new InboundAuthorizations(contacts, subscribers);
    }

    @Bean
    InboundMessages inboundMessages(MessageSender sender, InteropRecords records, PlatformTransactionManager transactions, Clock clock,
                                    MeterRegistry meters) {
        return new InboundMessages(sender, records, new TransactionTemplate(transactions), clock, meters);
    }

    @Bean
    OutboundDispatcher outboundDispatcher(InterconnectSettings settings, NumberPlan plan, InteropRecords records, JdbcClient jdbc,
                                          PlatformTransactionManager transactions, Clock clock, MeterRegistry meters, Contacts contacts,
                                          ApplicationEventPublisher events) {
        return new OutboundDispatcher(new PeerClient(settings, plan.homeOperator(), clock), records, jdbc,
                new TransactionTemplate(transactions), clock, meters, contacts, events);
    }

    @Bean
    PeerLanes peerLanes(OutboundDispatcher dispatcher, JdbcClient jdbc, InterconnectSettings settings, KafkaTopicSettings kafka,
                        Clock clock, MeterRegistry meters) {
        return new PeerLanes(dispatcher, jdbc, settings.peers().keySet(), kafka.retry().initialInterval(), kafka.retry().maxInterval(),
                settings.pollInterval(), clock, meters);
    }

    /** {@code interconnect}: UP whatever the peers' state (a peer down is not this instance's fault), each peer's in the details. */
    @Bean
    HealthIndicator interconnectHealthIndicator(PeerLanes lanes, OutboundDispatcher dispatcher) {
        return () -> {
            Map<String, Long> queued = queuedOrNone(dispatcher);
            Map<String, Object> peers = new TreeMap<>();
            lanes.states().forEach((peer, state) -> {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("state", state.down() ? "DOWN" : "UP");
                if (state.since() != null) {
                    details.put("since", state.since());
                }
                if (state.reason() != null) {
                    details.put("reason", state.reason());
                }
                details.put("queued", queued.getOrDefault(peer, 0L));
                peers.put(peer, details);
            });
            return Health.up().withDetail("peers", peers).build();
        };
    }

    private static Map<String, Long> queuedOrNone(OutboundDispatcher dispatcher) {
        try {
            return dispatcher.queued();
        } catch (RuntimeException databaseAway) {
            return Map.of(); // the db component says so
        }
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, PeerOutbound> interconnectListenerFactory(EventConsumers consumers) {
        return consumers.factory(PeerOutbound.class, "mobim-im-interconnect");
    }

    @Bean
    OutboundListener interconnectOutboundListener(OutboundDispatcher dispatcher, PeerLanes lanes) {
        return new OutboundListener(dispatcher, lanes);
    }

    /**
     * Queues each record behind what waits for its peer and wakes the peer's lane: never waits on a peer, so a peer that
     * is down holds back nobody else's records on the partition.
     */
    static class OutboundListener {
        private final OutboundDispatcher dispatcher;
        private final PeerLanes lanes;

        OutboundListener(OutboundDispatcher dispatcher, PeerLanes lanes) {
            this.dispatcher = dispatcher;
            this.lanes = lanes;
        }

        @KafkaListener(id = "mobim-im-interconnect", idIsGroup = false, topics = Topics.INTEROP_OUTBOUND,
                containerFactory = "interconnectListenerFactory")
        void onMessage(PeerOutbound outbound) {
            dispatcher.park(outbound);
            lanes.wake(outbound.peer());
        }
    }
}
