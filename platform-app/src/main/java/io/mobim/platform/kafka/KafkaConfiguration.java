package io.mobim.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Topics;
import io.mobim.events.consumer.ConsumerClientMetrics;
import io.mobim.events.consumer.ConsumerOutages;
import io.mobim.events.consumer.StaticMembership;
import jakarta.persistence.EntityManagerFactory;
import java.time.Clock;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates every topic of the design document, and its dead-letter topic, at startup (existing ones keep their
 * partitions, see {@link ExistingTopicPartitions}; a dead-letter topic's retention is set on existing ones too, with
 * {@code spring.kafka.admin.modify-topic-configs});
 * gives every consumer of the process a static group membership and publishes its client metrics; and watches the consumers for outages.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaTopicSettings.class)
class KafkaConfiguration {

    @Bean
    KafkaAdmin.NewTopics mobimTopics(KafkaTopicSettings settings) {
        return new KafkaAdmin.NewTopics(Topics.all().stream().map(name -> topic(name, settings)).toArray(NewTopic[]::new));
    }

    /** Boot's {@link KafkaAdmin} creates missing topics but never changes an existing one's partition count. */
    @Bean
    static BeanPostProcessor existingTopicsKeepTheirPartitions(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    KafkaTopicSettings settings = Binder.get(environment).bindOrCreate("mobim.kafka", KafkaTopicSettings.class);
                    admin.setCreateOrModifyTopic(new ExistingTopicPartitions(admin.getConfigurationProperties(),
                            Topics.all(), settings.healthTimeout()));
                }
                return bean;
            }
        };
    }

    @Bean
    ConsumerOutages consumerOutages(MeterRegistry meters, ObjectProvider<Clock> clock) {
        return new ConsumerOutages(meters, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    EventConsumers eventConsumers(org.springframework.boot.kafka.autoconfigure.KafkaProperties properties, KafkaTopicSettings settings,
                                  ConsumerOutages outages) {
        return new EventConsumers(properties, settings, outages);
    }

    @Bean
    ConsumerOutagesHealthIndicator kafkaConsumersHealthIndicator(ConsumerOutages outages) {
        return new ConsumerOutagesHealthIndicator(outages);
    }

    /**
     * Every listener container of the process, the IM's, billing's and the gateway's. A bean post-processor, made
     * before the other beans: it reads its settings straight from the environment.
     */
    @Bean
    static StaticMembership staticMembership(Environment environment) {
        KafkaTopicSettings settings = Binder.get(environment).bindOrCreate("mobim.kafka", KafkaTopicSettings.class);
        return new StaticMembership(StaticMembership.instanceId(settings.instanceId()), settings.sessionTimeout());
    }

    /**
     * The Kafka client metrics of every consumer of the process, tagged with its group (the console's consumer lag).
     * A bean post-processor like {@link #staticMembership}; the registry is looked up when the first consumer starts.
     */
    @Bean
    static ConsumerClientMetrics consumerClientMetrics(Environment environment, ObjectProvider<MeterRegistry> meters) {
        KafkaTopicSettings settings = Binder.get(environment).bindOrCreate("mobim.kafka", KafkaTopicSettings.class);
        return new ConsumerClientMetrics(meters::getObject, settings.clientMetricsRefresh());
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
        if (Topics.isDeadLetter(name)) {
            builder.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.deadLetterRetention().toMillis()));
        }
        return builder.build();
    }
}
