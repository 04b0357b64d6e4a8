package io.mobim.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.platform.MobimApplication;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.presence.ClientSessions;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two {@code im} instances share the database and Kafka. The second one takes a message, hands it to a client
 * and writes an SMS to its outbox, then dies before the client acknowledges and before its relay runs. The
 * surviving instance finishes both: nothing is lost, nothing is done twice.
 */
@MobimIntegrationTest
class InstanceFailoverTest {

    @Autowired Environment env;
    @Autowired Subscribers subscribers;
    @Autowired MessageSender sender;
    @Autowired ClientDeliveries clients;
    @Autowired SmscSimulator smsc;

    @Test
    void anInstanceKilledMidDeliveryLosesNothing() {
        Msisdn alice = register("alice", true);
        Msisdn frank = register("frank", true);
        Msisdn erin = register("erin", true);

        UUID toFrank;
        UUID frankSession;
        // arguments, not builder properties: those are defaults, below application.properties, and the second
        // instance then ran every role, with a gateway of its own that could take the MT to its own simulator
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(MobimApplication.class)
                .run("--mobim.roles=im", "--server.port=0", "--mobim.outbox.node-id=second-instance",
                        "--mobim.kafka.instance-id=second-instance", // two instances in one group: two names
                        "--mobim.outbox.interval=1h", // its relay runs once at start, then never again before it dies
                        "--mobim.admin.password=second",
                        "--spring.datasource.url=" + env.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + env.getProperty("spring.datasource.username"),
                        "--spring.kafka.bootstrap-servers=" + env.getProperty("spring.kafka.bootstrap-servers"))) {
            MessageSender secondSender = second.getBean(MessageSender.class);
            ClientDeliveries secondClients = second.getBean(ClientDeliveries.class);
            ClientSessions secondSessions = second.getBean(ClientSessions.class);

            frankSession = secondSessions.openSession(frank);
            toFrank = secondSender.send(alice, Target.subscriber(frank), "via the second instance", Origin.client(), null, false).messageId();
            assertThat(secondClients.fetch(frankSession, 10)).hasSize(1); // on frank's phone, not yet acknowledged
            secondSender.send(alice, Target.subscriber(erin), "queued on the second instance", Origin.client(), null, false);
        } // the second instance is gone

        assertThat(clients.acknowledge(frankSession, toFrank)).as("the client's ack reaches the surviving instance").isTrue();
        assertThat(sender.outcomes(toFrank)).singleElement().extracting(SendResult.Recipient::status).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(clients.acknowledge(frankSession, toFrank)).isFalse();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(smsc.messagesTo(erin.value()))
                .as("the dead instance's outbox is relayed by the survivor")
                .filteredOn(m -> m.text().equals("alice: queued on the second instance")).hasSize(1));
    }

    private Msisdn register(String nick, boolean smsFallback) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, null, null, "VODAFONE_UK", null, smsFallback, null));
        return m;
    }
}
