package io.mobim.events.consumer;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Static consumer-group membership (KIP-345) for every listener container of the application: those that the
 * listener container factories of the context build for {@code @KafkaListener}s, and those declared as beans. Each
 * consumer joins its group as {@code <instance>-<listener id>-<thread>}, the same after a restart, so a restarted
 * instance takes its partitions back at once instead of waiting for the dead members' session to time out and a
 * rebalance. A bean post-processor: it sets the factories' container customizer, and a container bean's
 * properties, before anything starts.
 *
 * <p>A static member does not leave its group when it stops: its partitions wait for it for
 * {@code sessionTimeout}, and go to the other members only after. So the instance id must be stable across restarts
 * (a StatefulSet's pod name) and unique among the running instances; two instances with one id fence each other.
 */
public final class StaticMembership implements BeanPostProcessor {

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    private final String instanceId;
    private final Duration sessionTimeout;

    /**
     * @param instanceId this instance's stable id (see {@link #instanceId(String)})
     * @param sessionTimeout how long the group waits for a member that stopped before giving its partitions away
     */
    public StaticMembership(String instanceId, Duration sessionTimeout) {
        if (!LEGAL.matcher(instanceId).matches() || instanceId.length() > 180) {
            throw new IllegalArgumentException("an instance id is up to 180 of a-z, A-Z, 0-9, '.', '_', '-': '" + instanceId + "'");
        }
        this.instanceId = instanceId;
        this.sessionTimeout = sessionTimeout;
    }

    /** {@code configured} if it has text, else this host's name (a StatefulSet's pod name, stable across restarts). */
    public static String instanceId(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("no host name to use as mobim.kafka.instance-id: set it", e);
        }
    }

    /** The group instance id of {@code listenerId}'s consumers (the container appends {@code -<thread>}). */
    public String memberOf(String listenerId) {
        return instanceId + "-" + listenerId;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
            customize(factory);
        } else if (bean instanceof AbstractMessageListenerContainer<?, ?> container) {
            apply(container);
        }
        return bean;
    }

    private <K, V> void customize(ConcurrentKafkaListenerContainerFactory<K, V> factory) {
        factory.setContainerCustomizer(this::apply);
    }

    /** Makes {@code container}'s consumers static members; it must not have started. */
    public void apply(MessageListenerContainer container) {
        Properties overrides = new Properties();
        overrides.putAll(container.getContainerProperties().getKafkaConsumerProperties());
        overrides.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, memberOf(container.getListenerId()));
        overrides.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sessionTimeout.toMillis()));
        container.getContainerProperties().setKafkaConsumerProperties(overrides);
    }
}
