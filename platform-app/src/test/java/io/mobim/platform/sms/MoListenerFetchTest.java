package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.MobimIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * The MO listener's consumers wait for a fetch to fill as long as {@code mobim.sms.mo-fetch-wait} says (the shared
 * test context sets it apart from the background listeners' wait), and a background listener (receipts) as long as
 * {@code spring.kafka.consumer.fetch-max-wait}. Read as the consumers are created: the consumer
 * factory's configuration, then the overrides of the container Spring Kafka started (a container factory's own
 * overrides are not passed on, which once lost the MO listener's settings).
 */
@MobimIntegrationTest
class MoListenerFetchTest {

    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired SmsSettings settings;
    @Autowired ApplicationContext context;
    @Autowired KafkaProperties kafka;

    @Test
    void theMoListenerWaitsForAFetchAsConfigured() {
        Map<String, Object> mo = consumerConfig(SmsConfiguration.SmsCommandListener.ID, "smsCommandListenerFactory");
        assertThat(Long.parseLong(mo.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG).toString()))
                .isEqualTo(settings.moFetchWait().toMillis());
    }

    @Test
    void aBackgroundListenerWaitsAsSpringKafkaSays() {
        Map<String, Object> receipts = consumerConfig("mobim-im-dlr", "smsOutcomeListenerFactory");
        assertThat(Long.parseLong(receipts.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG).toString()))
                .isEqualTo(kafka.getConsumer().getFetchMaxWait().toMillis())
                .isNotEqualTo(settings.moFetchWait().toMillis());
    }

    /** What the container's consumers are created with: its consumer factory's configuration, then its own overrides. */
    private Map<String, Object> consumerConfig(String listenerId, String factoryBean) {
        MessageListenerContainer container = listeners.getListenerContainer(listenerId);
        assertThat(container).as(listenerId).isNotNull();
        var factory = context.getBean(factoryBean, ConcurrentKafkaListenerContainerFactory.class);
        Map<String, Object> config = new HashMap<>(factory.getConsumerFactory().getConfigurationProperties());
        container.getContainerProperties().getKafkaConsumerProperties()
                .forEach((k, v) -> config.put(k.toString(), v));
        return config;
    }
}
