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
import io.mobim.platform.presence.PresenceService;
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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(MessagingSettings.class)
class MessagingConfiguration {

    @Bean
    Messaging messaging(JdbcClient jdbc, Subscribers subscribers, Contacts contacts, BlockList blocks, PresenceService presence,
                        Rooms rooms, Outbox outbox, ChargingRecorder charging, ApplicationEventPublisher events,
                        MessagingSettings settings, ObjectProvider<SmsRenderer> renderer, Clock clock, MeterRegistry meters) {
        return new Messaging(jdbc, subscribers, contacts, blocks, presence, rooms, outbox, charging, events, settings,
                renderer.getIfAvailable(() -> SmsRenderer.PLAIN), clock, meters);
    }

    /** Group commit for callers without a transaction; gets the transactional proxy of {@link Messaging}. */
    @Bean
    GroupCommit groupCommit(Messaging messaging, MessagingSettings settings, MeterRegistry meters) {
        return new GroupCommit(messaging, settings.groupCommit(), Duration.ofSeconds(30), meters);
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
    MessagingWorkers messagingWorkers(Messaging messaging, RecordBatches batches, MessageRetention retention) {
        return new MessagingWorkers(messaging, batches, retention);
    }

    /** The background work of messaging: time-driven rerouting, the SMS gateway's outcomes, and the retention purge. */
    static class MessagingWorkers {
        private final Messaging messaging;
        private final RecordBatches batches;
        private final MessageRetention retention;

        MessagingWorkers(Messaging messaging, RecordBatches batches, MessageRetention retention) {
            this.messaging = messaging;
            this.batches = batches;
            this.retention = retention;
        }

        @Scheduled(fixedDelayString = "${mobim.messaging.sweep-interval:5s}")
        void sweep() {
            while (messaging.sweep() > 0) {
                // more may be due: a backlog after downtime is worked off at once
            }
        }

        /** A run stops after {@link MessageRetention#BATCHES_PER_RUN} batches, so the sweep sharing this thread waits little. */
        @Scheduled(initialDelayString = "${mobim.messaging.purge-interval:10m}", fixedDelayString = "${mobim.messaging.purge-interval:10m}")
        void purge() {
            retention.purge();
        }

        /**
         * A poll of outcomes as a set, in one transaction (see {@link RecordBatches}); a poll of outcomes that change no
         * delivery (acceptances, service SMS) opens none. A replayed outcome finds its delivery done.
         */
        @KafkaListener(id = "mobim-im-dlr", idIsGroup = false, topics = Topics.SMS_DLR, containerFactory = "smsOutcomeListenerFactory")
        void onSmsOutcomes(List<ConsumerRecord<String, SmsDlr>> records) {
            batches.handleAll(Topics.SMS_DLR, records, Messaging::changesDelivery, messaging::onSmsOutcomes, messaging::onSmsOutcome);
        }
    }
}
