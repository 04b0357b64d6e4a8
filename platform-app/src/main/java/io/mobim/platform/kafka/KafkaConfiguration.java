package io.mobim.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import jakarta.persistence.EntityManagerFactory;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates every topic of the design document, and its dead-letter topic, at startup (existing ones are left as they are). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicSettings.class)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics mobimTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(Topics.all().stream().map(name -> topic(name, settings)).toArray(NewTopic[]::new));
    }

    @Bean
    EventConsumers eventConsumers(org.springframework.boot.kafka.autoconfigure.KafkaProperties properties, KafkaTopicSettings settings) {
        return new EventConsumers(properties, settings.listenerConcurrency(), settings.commitInterval());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin, KafkaTopicSettings settings) {
        return new KafkaHealthIndicator(admin, settings.healthTimeout());
    }

    /** Poll-at-once handling for the IM core's listeners (the role with the database). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty("mobim.role.im.enabled")
    static class Batches {
        @Bean
        RecordBatches recordBatches(PlatformTransactionManager transactions, ObjectProvider<EntityManagerFactory> jpa,
                                    MeterRegistry meters) {
            return new RecordBatches(new TransactionTemplate(transactions), jpa.getIfAvailable(), meters);
        }
    }

    private static NewTopic topic(String name, KafkaTopicSettings settings) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(settings.partitions());
        if (settings.replicationFactor() > 0) {
            builder.replicas(settings.replicationFactor());
        }
        return builder.build();
    }
}
