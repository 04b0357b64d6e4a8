package io.mobim.platform.deadletters;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The dead-letter admin API, in every role: the dead-letter topics of all modules are on the one Kafka cluster. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DeadLetterSettings.class)
class DeadLetterConfiguration {

    @Bean
    DeadLetterTopics deadLetterTopics(KafkaAdmin admin, KafkaProperties kafka, DeadLetterSettings settings, MeterRegistry meters) {
        return new DeadLetterTopics(admin.getConfigurationProperties(), kafka.buildConsumerProperties(),
                kafka.buildProducerProperties(), settings, meters);
    }
}
