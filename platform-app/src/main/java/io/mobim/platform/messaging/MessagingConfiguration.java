package io.mobim.platform.messaging;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsDlr;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.kafka.EventConsumers;
import io.mobim.platform.kafka.RecordBatches;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceUpdates;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.subscribers.Subscribers;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(MessagingSettings.class)
class MessagingConfiguration {

    @Bean
    MessagingCounters messagingCounters(MeterRegistry meters) {
        return new MessagingCounters(meters);
    }

    @Bean
    Deliveries deliveries(JdbcClient jdbc, Subscribers subscribers, ChargingRecorder charging, ApplicationEventPublisher events,
                          MessagingCounters counters) {
        return new Deliveries(jdbc, subscribers, charging, events, counters);
    }

    @Bean
    SmsSubmission smsSubmission(Contacts contacts, Outbox outbox, ObjectProvider<SmsRenderer> renderer, MessagingSettings settings) {
        return new SmsSubmission(contacts, outbox, renderer.getIfAvailable(() -> SmsRenderer.PLAIN), settings);
    }

    @Bean
    MessageSender messageSender(JdbcClient jdbc, Subscribers subscribers, Contacts contacts, BlockList blocks, ClientSessions clientSessions,
                                Rooms rooms, ChargingRecorder charging, SmsSubmission sms, Deliveries deliveries,
                                MessagingSettings settings, Clock clock, MessagingCounters counters, MeterRegistry meters,
                                ObjectProvider<Interconnect> interconnect) {
        SendRules rules = new SendRules(jdbc, deliveries, settings, counters, meters);
        Interconnect peers = interconnect.getIfAvailable(() -> Interconnect.NONE);
        return new MessageSender(jdbc, rules, new ListAndRoomSends(subscribers, contacts, blocks, clientSessions, rooms, sms, rules),
                new MessageWriter(jdbc, sms, charging, settings, counters, peers), deliveries, peers, clock);
    }

    @Bean
    OpenDeliveries openDeliveries(JdbcClient jdbc) {
        return new OpenDeliveries(jdbc);
    }

    @Bean
    ClientMessages clientMessages(JdbcClient jdbc, Clock clock) {
        return new ClientMessages(jdbc, clock);
    }

    @Bean
    ClientDeliveries clientDeliveries(JdbcClient jdbc, ClientSessions clientSessions, Deliveries deliveries, Clock clock) {
        return new ClientDeliveries(jdbc, clientSessions, deliveries, clock);
    }

    @Bean
    ClientReports clientReports(JdbcClient jdbc, ClientSessions clientSessions, Clock clock) {
        return new ClientReports(jdbc, clientSessions, clock);
    }

    @Bean
    SmsOutcomes smsOutcomes(JdbcClient jdbc, Deliveries deliveries, Clock clock) {
        return new SmsOutcomes(jdbc, deliveries, clock);
    }

    @Bean
    DeliverySweeper deliverySweeper(JdbcClient jdbc, Subscribers subscribers, ClientSessions clientSessions, SmsSubmission sms,
                                    Deliveries deliveries, MessagingSettings settings, Clock clock, MessagingCounters counters) {
        return new DeliverySweeper(jdbc, subscribers, clientSessions, sms, deliveries, settings, clock, counters);
    }

    /**
     * Group commit for callers without a transaction; gets the transactional proxies of the sender, the client
     * deliveries and presence.
     */
    @Bean
    GroupCommit groupCommit(MessageSender sender, ClientDeliveries clientDeliveries, PresenceUpdates presenceUpdates,
                            MessagingSettings settings, MeterRegistry meters) {
        return new GroupCommit(sender, clientDeliveries, presenceUpdates, settings.groupCommit(), Duration.ofSeconds(30), meters);
    }

    @Bean
    MessageRetention messageRetention(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock,
                                      MessagingSettings settings, MeterRegistry meters) {
        return new MessageRetention(jdbc, new TransactionTemplate(transactions), clock, settings.retention(), meters);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SmsDlr> smsOutcomeListenerFactory(EventConsumers consumers) {
        return consumers.batchFactory(SmsDlr.class, "mobim-im-dlr");
    }

    @Bean
    MessagingWorkers messagingWorkers(DeliverySweeper sweeper, SmsOutcomes smsOutcomes, RecordBatches batches, MessageRetention retention,
                                      MessagingSettings settings) {
        return new MessagingWorkers(sweeper, smsOutcomes, batches, retention, settings);
    }

    /** The background work of messaging: time-driven rerouting, the SMS gateway's outcomes, and the retention purge. */
    static class MessagingWorkers implements SchedulingConfigurer {
        private final DeliverySweeper sweeper;
        private final SmsOutcomes smsOutcomes;
        private final RecordBatches batches;
        private final MessageRetention retention;
        private final MessagingSettings settings;

        MessagingWorkers(DeliverySweeper sweeper, SmsOutcomes smsOutcomes, RecordBatches batches, MessageRetention retention,
                         MessagingSettings settings) {
            this.sweeper = sweeper;
            this.smsOutcomes = smsOutcomes;
            this.batches = batches;
            this.retention = retention;
            this.settings = settings;
        }

        @Override
        public void configureTasks(ScheduledTaskRegistrar tasks) {
            tasks.addFixedDelayTask(this::sweep, settings.sweepInterval());
            tasks.addFixedDelayTask(new FixedDelayTask(this::purge, settings.purgeInterval(), settings.purgeInterval()));
        }

        void sweep() {
            while (sweeper.sweep() > 0) {
                // more may be due: a backlog after downtime is worked off at once
            }
        }

        /** A run stops after {@link MessageRetention#BATCHES_PER_RUN} batches, so the sweep sharing this thread waits little. */
        void purge() {
            retention.purge();
        }

        /**
         * A poll of outcomes as a set, in one transaction (see {@link RecordBatches}); a poll of outcomes that change no
         * delivery (acceptances, service SMS) opens none. A replayed outcome finds its delivery done.
         */
        @KafkaListener(id = "mobim-im-dlr", idIsGroup = false, topics = Topics.SMS_DLR, containerFactory = "smsOutcomeListenerFactory")
        void onSmsOutcomes(List<ConsumerRecord<String, SmsDlr>> records) {
            batches.handleAll(Topics.SMS_DLR, records, SmsOutcomes::changesDelivery, smsOutcomes::onSmsOutcomes, smsOutcomes::onSmsOutcome);
        }
    }
}
