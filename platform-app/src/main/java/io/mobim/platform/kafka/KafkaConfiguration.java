package io.mobim.platform.kafka;

import io.mobim.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

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

    private static NewTopic topic(String name, KafkaTopicSettings settings) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(settings.partitions());
        if (settings.replicationFactor() > 0) {
            builder.replicas(settings.replicationFactor());
        }
        return builder.build();
    }
}
