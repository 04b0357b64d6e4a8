package io.mobim.platform.sms;

import io.mobim.platform.messaging.Interconnect;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.sms.SmsMo;
import io.mobim.platform.blocking.BlockList;
import io.mobim.platform.directory.Directory;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.kafka.EventConsumers;
import io.mobim.platform.kafka.RecordBatches;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.SmsRenderer;
import io.mobim.platform.outbox.Outbox;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.platform.presence.PresenceService;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.smpp.SmppGateway;
import io.mobim.smpp.mo.HandledMoLag;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import jakarta.persistence.EntityManagerFactory;
import org.springframework.beans.factory.ObjectProvider;
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
    SmsRenderer smsFallbackRenderer(SmsReplies replies) {
        return new SmsFallbackRenderer(replies);
    }

    /** MTs to the gateway of this process without a round trip through Kafka, where it is the only gateway. */
    @Bean
    LocalGatewayMts localGatewayMts(ObjectProvider<SmppGateway> gateway) {
        return new LocalGatewayMts(gateway);
    }

    @Bean
    FreeMoLog freeMos(JdbcClient jdbc, HandledMoPurge purge) {
        return new FreeMoLog(jdbc, purge::keptSince);
    }

    @Bean
    HandledMos handledMos(JdbcClient jdbc, Clock clock, SmsSettings settings, MeterRegistry meters) {
        return new HandledMos(jdbc, clock, settings.redeliveryWindow(), settings.redeliveryMatch(), meters);
    }

    @Bean
    SmsCommandHandler smsCommandHandler(HandledMos handled, Subscribers subscribers, Contacts contacts,
                                        BlockList blocks, PresenceService presence, MessageSender messaging, Rooms rooms,
                                        Directory directory, SmsReplies replies, SmsSettings settings, MeterRegistry meters) {
        return new SmsCommandHandler(handled, subscribers, contacts, blocks, presence, messaging, rooms, directory, replies,
                settings, meters);
    }

    @Bean
    SmsCommandBatch smsCommandBatch(SmsCommandHandler handler, HandledMos handled, MessageSender messaging, SmsReplies replies,
                                    ObjectProvider<EntityManagerFactory> jpa) {
        return new SmsCommandBatch(handler, handled, messaging, replies, jpa.getIfAvailable());
    }

    @Bean
    SmsNotices smsNotices(Subscribers subscribers, ClientSessions clientSessions, SmsReplies replies, SmsSettings settings,
                          ObjectProvider<Interconnect> interconnect) {
        return new SmsNotices(subscribers, clientSessions, replies, settings, interconnect.getIfAvailable(() -> Interconnect.NONE));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, SmsMo> smsCommandListenerFactory(EventConsumers consumers, SmsSettings settings) {
        return consumers.batchFactory(SmsMo.class, Topics.SMS_MO_IM_GROUP, settings.moFetchWait());
    }

    @Bean
    SmsCommandListener smsCommandListener(SmsCommandBatch commands, SmsCommandHandler handler, RecordBatches batches,
                                          ObjectProvider<HandledMoLag> lag) {
        return new SmsCommandListener(commands, handler, batches, lag.getIfAvailable());
    }

    /**
     * Where the gateway of this process is the only one: the IM core's lag counted as it handles the MOs, for MO
     * admission (in place of the consumer group's committed offsets, which are as old as their last commit) and for
     * billing's yield to bursts (ratingyield).
     */
    @Bean
    @ConditionalOnBooleanProperty("mobim.smpp.mt.sole-gateway")
    HandledMoLag handledMoLag() {
        return new HandledMoLag();
    }

    @Bean
    HandledMoPurge handledMoPurge(JdbcClient jdbc, Clock clock, SmsSettings settings, MeterRegistry meters) {
        return new HandledMoPurge(jdbc, clock, settings.handledMoRetention(), settings.redeliveryWindow(), meters);
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
     * handled as a set in one transaction ({@link SmsCommandBatch}); if that fails, one MO per transaction up to the
     * one that fails (see {@link RecordBatches}).
     */
    static class SmsCommandListener {
        /** The listener container's id (its consumer group is the factory's). */
        static final String ID = Topics.SMS_MO_IM_GROUP;

        private final SmsCommandBatch commands;
        private final SmsCommandHandler handler;
        private final RecordBatches batches;
        /** Told of every poll handled, where the lag is counted in this process (the sole gateway); or null. */
        private final HandledMoLag lag;

        SmsCommandListener(SmsCommandBatch commands, SmsCommandHandler handler, RecordBatches batches, HandledMoLag lag) {
            this.commands = commands;
            this.handler = handler;
            this.batches = batches;
            this.lag = lag;
        }

        @KafkaListener(id = ID, idIsGroup = false, topics = Topics.SMS_MO, containerFactory = "smsCommandListenerFactory")
        void onMos(List<ConsumerRecord<String, SmsMo>> records) {
            batches.handleAll(Topics.SMS_MO, records, commands::handleAll, handler::handle);
            if (lag != null) {
                lag.handled(records.size());
            }
        }
    }
}
