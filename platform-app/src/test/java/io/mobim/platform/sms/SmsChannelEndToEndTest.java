package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.DeliveryStatus;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.SendResult;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.Handsets;
import io.mobim.platform.support.TestNumbers;
import io.mobim.smpp.simulator.HandsetMessage;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
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
    @Autowired MessageSender sender;
    @Autowired JdbcClient jdbc;
    private Handsets handsets;

    @BeforeEach
    void handsets() {
        handsets = new Handsets(smsc, subscribers);
    }

    @Test
    void aliceAddsBobBobAcceptsAndTheyChatBySms() {
        Msisdn alice = handsets.subscriber("A", "en");
        Msisdn bob = handsets.subscriber("Bob", "en");

        handsets.text(alice, "ADD " + bob.value() + " Bob");
        assertThat(handsets.awaitSms(alice, "is contact 1").from()).isEqualTo("20123");
        handsets.awaitSms(bob, "A (" + alice.value() + ") wants to add you. Text ACCEPT 1 or DENY 1.");

        handsets.text(bob, "ACCEPT 1");
        handsets.awaitSms(bob, "You accepted A");
        handsets.awaitSms(alice, "Bob accepted you");

        handsets.text(alice, "1 Hello there");
        HandsetMessage received = handsets.awaitSms(bob, "A: Hello there");
        assertThat(received.from()).isEqualTo("20123");

        UUID messageId = jdbc.sql("select id from im.message where sender = ? order by created_at desc limit 1")
                .param(alice.value()).query(UUID.class).single();
        await().atMost(WAIT).untilAsserted(() -> assertThat(sender.outcomes(messageId)).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).as("the SMS-C's receipt marks it delivered").isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(r.route()).isEqualTo(SendResult.Route.SMS);
                }));

        handsets.text(alice, "LIST");
        handsets.awaitSms(alice, "1 Bob (by SMS)");
    }

    @Test
    void aFrenchSubscriberIsAnsweredInFrenchAndNonsenseGetsHelp() {
        Msisdn claire = handsets.subscriber("claire", "fr");
        handsets.text(claire, "SALONS");
        handsets.awaitSms(claire, "Salons: #");
        handsets.text(claire, "blah blah");
        handsets.awaitSms(claire, "mobim: <n> texte");
    }

    @Test
    void aStrangerRegistersByTextAndStopSilencesTheService() {
        Msisdn newcomer = TestNumbers.next();
        handsets.text(newcomer, "hello?");
        handsets.awaitSms(newcomer, "Text REG <nickname> to 20123");
        handsets.text(newcomer, "REG zed");
        handsets.awaitSms(newcomer, "Welcome to mobim, zed!");
        assertThat(subscribers.find(newcomer)).isPresent();

        handsets.text(newcomer, "STOP");
        handsets.awaitSms(newcomer, "You left mobim");
        int before = smsc.messagesTo(newcomer.value()).size();
        handsets.text(newcomer, "LIST");
        handsets.text(newcomer, "START");
        handsets.awaitSms(newcomer, "Welcome back to mobim, zed!");
        List<HandsetMessage> after = smsc.messagesTo(newcomer.value());
        assertThat(after).as("LIST after STOP got no answer; START did").hasSize(before + 1);
    }

    @Test
    void aLongUnicodeMessageArrivesWholeAndInOrder() {
        Msisdn alice = handsets.subscriber("A", "en");
        Msisdn bob = handsets.subscriber("Bob", "en");
        handsets.addsContact(alice, bob, "Bob");
        String greek = "Καλημέρα! ".repeat(40).strip(); // about 400 characters, UCS-2 only
        handsets.text(alice, "1 " + greek);
        HandsetMessage received = handsets.awaitSms(bob, "A: Καλημέρα!");
        assertThat(received.text()).isEqualTo("A: " + greek);
        assertThat(received.parts()).as("UCS-2 parts of 67 characters").isGreaterThanOrEqualTo(6);
    }

    @Test
    void aMessagePaddedWithNulCharactersIsDeliveredAndAnsweredNotLost() {
        // some handsets and SMS-Cs pad with NUL; the database cannot store one, so it used to dead-letter the MO
        Msisdn alice = handsets.subscriber("A", "en");
        Msisdn bob = handsets.subscriber("Bob", "en");
        handsets.addsContact(alice, bob, "Bob");
        handsets.text(alice, "1 padded\u0000 Ωmega\u0000\u0000");
        assertThat(handsets.awaitSms(bob, "A: padded").text()).isEqualTo("A: padded Ωmega");
        handsets.text(alice, "\u0000LIST");
        handsets.awaitSms(alice, "1 Bob");
    }

    @Test
    void theSmscDropsMidBurstAndComesBackAndEveryMessageArrivesExactlyOnce() {
        Msisdn alice = handsets.subscriber("A", "en");
        Msisdn bob = handsets.subscriber("Bob", "en");
        for (int i = 0; i < 20; i++) {
            if (i == 8) {
                smsc.dropConnections(); // the SMS-C goes away mid-burst; the gateway rebinds
            }
            sender.send(alice, io.mobim.platform.messaging.Target.subscriber(bob), "burst " + i, io.mobim.platform.messaging.Origin.client(),
                    null, false);
        }
        awaitEachExactlyOnce(bob, "burst ", 20);
    }

    @Test
    void aThrottlingSmscSlowsTheGatewayDownAndNothingIsLost() {
        Msisdn alice = handsets.subscriber("A", "en");
        Msisdn bob = handsets.subscriber("Bob", "en");
        smsc.throttleNext(15); // ESME_RTHROTTLED to the next 15 submits
        for (int i = 0; i < 20; i++) {
            sender.send(alice, io.mobim.platform.messaging.Target.subscriber(bob), "slow " + i, io.mobim.platform.messaging.Origin.client(),
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
