package io.mobim.platform.sms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.kafka.EventConsumers;
import io.mobim.platform.kafka.RecordBatches;
import io.mobim.platform.messaging.Messaging;
import io.mobim.platform.messaging.SmsRenderer;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.subscribers.Subscribers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("mobim.role.im.enabled")
@EnableConfigurationProperties(SmsSettings.class)
class SmsConfiguration {

    @Bean
    SmsReplies smsReplies(Outbox outbox, SmsSettings settings, Clock clock) {
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("sms/messages");
        texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
        texts.setFallbackToSystemLocale(false); // English is the bundle without a suffix, whatever the server's locale
        texts.setAlwaysUseMessageFormat(true);
        return new SmsReplies(texts, outbox, settings, clock);
    }

    @Bean
    SmsRenderer smsFallbackRenderer(SmsReplies replies, Contacts contacts) {
        return new SmsFallbackRenderer(replies, contacts);
    }

    @Bean
    SmsCommandHandler smsCommandHandler(JdbcClient jdbc, Subscribers subscribers, Contacts contacts,
                                        BlockList blocks, PresenceService presence, Messaging messaging, Rooms rooms,
                                        SmsReplies replies, SmsSettings settings, Clock clock, MeterRegistry meters) {
        return new SmsCommandHandler(jdbc, subscribers, contacts, blocks, presence, messaging, rooms, replies,
                settings, clock, meters);
    }

    @Bean
    SmsNotices smsNotices(Subscribers subscribers, PresenceService presence, SmsReplies replies, SmsSettings settings) {
        return new SmsNotices(subscribers, presence, replies, settings);
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SmsMo> smsCommandListenerFactory(EventConsumers consumers) {
        return consumers.batchFactory(SmsMo.class, "mobim-im-mo");
    }

    @Bean
    SmsCommandListener smsCommandListener(SmsCommandHandler handler, RecordBatches batches) {
        return new SmsCommandListener(handler, batches);
    }

    @Bean
    HandledMoPurge handledMoPurge(JdbcClient jdbc, Clock clock, SmsSettings settings, MeterRegistry meters) {
        return new HandledMoPurge(jdbc, clock, settings.handledMoRetention(), meters);
    }

    @Bean
    HandledMoPurgeSchedule handledMoPurgeSchedule(HandledMoPurge purge) {
        return new HandledMoPurgeSchedule(purge);
    }

    /** Every instance purges the marks of old MOs hourly (a run after a long pause catches up in batches). */
    static class HandledMoPurgeSchedule {
        private final HandledMoPurge purge;

        HandledMoPurgeSchedule(HandledMoPurge purge) {
            this.purge = purge;
        }

        @Scheduled(initialDelayString = "1m", fixedDelayString = "1h")
        void purge() {
            purge.purge();
        }
    }

    /**
     * Subscribers' SMS from the gateway ({@code sms.mo.v1}); each is handled once, in order per sender. A poll is
     * handled in one transaction (see {@link RecordBatches}).
     */
    static class SmsCommandListener {
        /** The listener container's id (its consumer group is the factory's). */
        static final String ID = "mobim-im-mo";

        private final SmsCommandHandler handler;
        private final RecordBatches batches;

        SmsCommandListener(SmsCommandHandler handler, RecordBatches batches) {
            this.handler = handler;
            this.batches = batches;
        }

        @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SMS_MO, containerFactory = "smsCommandListenerFactory")
        void onMos(List<ConsumerRecord<String, SmsMo>> records) {
            batches.handle(Topics.SMS_MO, records, handler::handle);
        }
    }
}
