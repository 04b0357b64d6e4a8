package io.mobim.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.embedded.EmbeddedKafkaBroker;
import io.mobim.embedded.FreePorts;
import io.mobim.events.consumer.StaticMembership;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.MessageListener;

/**
 * A restarted instance consumes at once (issue #16): its consumers are static members of their group, so when the
 * instance stops (or dies) the group keeps their places for the session timeout instead of rebalancing, and the
 * instance that comes back under the same id takes its partitions back without waiting for anything.
 */
class StaticMembershipRestartTest {

    private static final String TOPIC = "restart.probe.v1";
    private static final String GROUP = "restart-probe";
    private static final String BEAN_GROUP = "restart-probe-bean";
    private static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();
    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void broker() throws Exception {
        kafka = EmbeddedKafkaBroker.start(Files.createTempDirectory("static-membership"), FreePorts.pick(), 2, true);
        kafka.createTopics(Map.of(TOPIC, 2));
    }

    @AfterAll
    static void stopBroker() throws Exception {
        kafka.close();
    }

    @Test
    void aRestartedInstanceConsumesWithinSecondsOfBeingUp() throws Exception {
        try (AnnotationConfigApplicationContext first = instance("node-a")) {
            send("before the restart");
            await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVED.contains("before the restart"));
        }
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(GROUP, BEAN_GROUP)).all().get();
            assertThat(groups.get(GROUP).members()).as("a stopped static member keeps its place, as one that died would")
                    .map(MemberDescription::groupInstanceId).map(id -> id.orElse(null))
                    .containsExactlyInAnyOrder("node-a-probe-0", "node-a-probe-1");
            assertThat(groups.get(BEAN_GROUP).members()).as("a container declared as a bean (the gateway's) too")
                    .map(MemberDescription::groupInstanceId).map(id -> id.orElse(null))
                    .containsExactly("node-a-beanProbe-0");
        }

        long started = System.nanoTime();
        try (AnnotationConfigApplicationContext again = instance("node-a")) {
            long up = System.nanoTime();
            send("after the restart");
            await().atMost(Duration.ofSeconds(60)).until(() -> RECEIVED.contains("after the restart"));
            Duration sinceUp = Duration.ofNanos(System.nanoTime() - up);
            assertThat(sinceUp).as("consuming after the restart (started in %s ms)", (up - started) / 1_000_000)
                    .isLessThan(Duration.ofSeconds(10));
        }
    }

    private static AnnotationConfigApplicationContext instance(String instanceId) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.setId("instance-" + instanceId);
        context.register(Probe.class);
        context.refresh();
        return context;
    }

    private static void send(String text) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            for (int key = 0; key < 4; key++) { // both partitions
                producer.send(new ProducerRecord<>(TOPIC, "k" + key, text));
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableKafka
    static class Probe {

        @Bean
        static StaticMembership staticMembership(ApplicationContext context) {
            return new StaticMembership(context.getId().substring("instance-".length()), Duration.ofSeconds(90));
        }

        @Bean
        ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory() {
            var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
            factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, GROUP,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer()));
            factory.setConcurrency(2);
            return factory;
        }

        @Bean
        Listener listener() {
            return new Listener();
        }

        /** Like the gateway's {@code smppMtListener}: a container bean, not a {@code @KafkaListener}. */
        @Bean
        ConcurrentMessageListenerContainer<String, String> beanProbe() {
            ContainerProperties properties = new ContainerProperties(TOPIC);
            properties.setMessageListener((MessageListener<String, String>) record -> { });
            return new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, BEAN_GROUP), new StringDeserializer(), new StringDeserializer()), properties);
        }
    }

    static class Listener {
        @KafkaListener(id = "probe", idIsGroup = false, topics = TOPIC)
        void on(String text) {
            RECEIVED.add(text);
        }
    }
}
