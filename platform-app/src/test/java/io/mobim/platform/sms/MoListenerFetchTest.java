package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.platform.MobimIntegrationTest;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * MOs are on the subscriber's path: the running MO listener's consumers take an MO as soon as the broker has it,
 * while a background listener (receipts) lets its fetches fill. Read as the consumers are created: the consumer
 * factory's configuration, then the overrides of the container Spring Kafka started (a container factory's own
 * overrides are not passed on, which once lost the MO listener's settings).
 */
@MobimIntegrationTest
class MoListenerFetchTest {

    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired SmsSettings settings;
    @Autowired ApplicationContext context;

    @Test
    void theMoListenerFetchesAsSoonAsThereIsAnMo() {
        Map<String, Object> mo = consumerConfig(SmsConfiguration.SmsCommandListener.ID, "smsCommandListenerFactory");
        assertThat(Integer.parseInt(mo.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG).toString())).isEqualTo(1);
        assertThat(Long.parseLong(mo.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG).toString()))
                .isEqualTo(settings.moFetchWait().toMillis());
    }

    @Test
    void aBackgroundListenerLetsItsFetchesFill() {
        Map<String, Object> receipts = consumerConfig("mobim-im-dlr", "smsOutcomeListenerFactory");
        assertThat(Integer.parseInt(receipts.get(ConsumerConfig.FETCH_MIN_BYTES_CONFIG).toString())).isGreaterThan(1);
        assertThat(Long.parseLong(receipts.get(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG).toString()))
                .isGreaterThan(settings.moFetchWait().toMillis());
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
