package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.DeliveryStatus;
import io.mobim.platform.messaging.Messaging;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.subscribers.Msisdn;
import io.mobim.platform.subscribers.SubscriberChanges;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Subscribers with plain phones use the service by SMS: every step goes through the SMS-C simulator, a real
 * SMPP session to the gateway, Kafka, the command handler and back.
 */
@MobimIntegrationTest
class SmsChannelEndToEndTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired Messaging messaging;
    @Autowired JdbcClient jdbc;

    private Msisdn subscriber(String nick, String locale) {
        Msisdn m = TestNumbers.next();
        subscribers.register(m, nick, new SubscriberChanges(null, null, locale, "VODAFONE_UK", null, null, null));
        return m;
    }

    private void text(Msisdn from, String text) {
        smsc.injectMo(from.value(), "20123", text).join();
    }

    private HandsetMessage awaitSms(Msisdn handset, String containing) {
        return await().atMost(WAIT).until(() -> smsc.messagesTo(handset.value()).stream()
                .filter(m -> m.text().contains(containing)).findFirst().orElse(null), m -> m != null);
    }

    @Test
    void aliceAddsBobBobAcceptsAndTheyChatBySms() {
        Msisdn alice = subscriber("A", "en");
        Msisdn bob = subscriber("Bob", "en");

        text(alice, "ADD " + bob.value() + " Bob");
        assertThat(awaitSms(alice, "is contact 1").from()).isEqualTo("20123");
        awaitSms(bob, "A (" + alice.value() + ") wants to add you. Text ACCEPT 1 or DENY 1.");

        text(bob, "ACCEPT 1");
        awaitSms(bob, "You accepted A");
        awaitSms(alice, "Bob accepted you");

        text(alice, "1 Hello there");
        HandsetMessage received = awaitSms(bob, "A: Hello there");
        assertThat(received.from()).isEqualTo("20123");

        UUID messageId = jdbc.sql("select id from im.message where sender = ? order by created_at desc limit 1")
                .param(alice.value()).query(UUID.class).single();
        await().atMost(WAIT).untilAsserted(() -> assertThat(messaging.outcomes(messageId)).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).as("the SMS-C's receipt marks it delivered").isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(r.route()).isEqualTo(SendResult.Route.SMS);
                }));

        text(alice, "LIST");
        awaitSms(alice, "1 Bob (by SMS)");
    }

    @Test
    void aFrenchSubscriberIsAnsweredInFrenchAndNonsenseGetsHelp() {
        Msisdn claire = subscriber("claire", "fr");
        text(claire, "SALONS");
        awaitSms(claire, "Salons: #");
        text(claire, "blah blah");
        awaitSms(claire, "mobim: <n> texte");
    }

    @Test
    void aStrangerRegistersByTextAndStopSilencesTheService() {
        Msisdn newcomer = TestNumbers.next();
        text(newcomer, "hello?");
        awaitSms(newcomer, "Text REG <nickname> to 20123");
        text(newcomer, "REG zed");
        awaitSms(newcomer, "Welcome to mobim, zed!");
        assertThat(subscribers.find(newcomer)).isPresent();

        text(newcomer, "STOP");
        awaitSms(newcomer, "You left mobim");
        int before = smsc.messagesTo(newcomer.value()).size();
        text(newcomer, "LIST");
        text(newcomer, "START");
        awaitSms(newcomer, "Welcome back to mobim, zed!");
        List<HandsetMessage> after = smsc.messagesTo(newcomer.value());
        assertThat(after).as("LIST after STOP got no answer; START did").hasSize(before + 1);
    }

    @Test
    void aLongUnicodeMessageArrivesWholeAndInOrder() {
        Msisdn alice = subscriber("A", "en");
        Msisdn bob = subscriber("Bob", "en");
        text(alice, "ADD " + bob.value() + " Bob");
        awaitSms(alice, "is contact 1");
        String greek = "Καλημέρα! ".repeat(40).strip(); // about 400 characters, UCS-2 only
        text(alice, "1 " + greek);
        HandsetMessage received = awaitSms(bob, "A: Καλημέρα!");
        assertThat(received.text()).isEqualTo("A: " + greek);
        assertThat(received.parts()).as("UCS-2 parts of 67 characters").isGreaterThanOrEqualTo(6);
    }

    @Test
    void theSmscDropsMidBurstAndComesBackAndEveryMessageArrivesExactlyOnce() {
        Msisdn alice = subscriber("A", "en");
        Msisdn bob = subscriber("Bob", "en");
        for (int i = 0; i < 20; i++) {
            if (i == 8) {
                smsc.dropConnections(); // the SMS-C goes away mid-burst; the gateway rebinds
            }
            messaging.send(alice, io.mobim.platform.messaging.Target.subscriber(bob), "burst " + i, io.mobim.platform.messaging.Origin.client(),
                    null, false);
        }
        awaitEachExactlyOnce(bob, "burst ", 20);
    }

    @Test
    void aThrottlingSmscSlowsTheGatewayDownAndNothingIsLost() {
        Msisdn alice = subscriber("A", "en");
        Msisdn bob = subscriber("Bob", "en");
        smsc.throttleNext(15); // ESME_RTHROTTLED to the next 15 submits
        for (int i = 0; i < 20; i++) {
            messaging.send(alice, io.mobim.platform.messaging.Target.subscriber(bob), "slow " + i, io.mobim.platform.messaging.Origin.client(),
                    null, false);
        }
        awaitEachExactlyOnce(bob, "slow ", 20);
    }

    private void awaitEachExactlyOnce(Msisdn handset, String prefix, int count) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(smsc.messagesTo(handset.value()).stream()
                .filter(m -> m.text().contains(prefix)).count()).isGreaterThanOrEqualTo(count));
        List<String> texts = smsc.messagesTo(handset.value()).stream().map(HandsetMessage::text).filter(t -> t.contains(prefix)).toList();
        for (int i = 0; i < count; i++) {
            String wanted = "A: " + prefix + i;
            assertThat(texts.stream().filter(t -> t.equals(wanted)).count()).as("'%s' arrives exactly once", wanted).isEqualTo(1);
        }
    }
}
