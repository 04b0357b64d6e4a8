package io.mobim.platform.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.platform.MobimIntegrationTest;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscribers;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A command the domain refuses (a blocked sender, a room that does not exist) is still a handled command: the
 * sender gets the refusal in one SMS, and nothing is stored or retried. The refusal is thrown inside the
 * command's transaction, so this also proves it does not doom that transaction (and the reply with it).
 */
@MobimIntegrationTest
class SmsRefusalsEndToEndTest {

    @Autowired SmscSimulator smsc;
    @Autowired Subscribers subscribers;
    @Autowired JdbcClient jdbc;
    private Handsets handsets;

    @BeforeEach
    void handsets() {
        handsets = new Handsets(smsc, subscribers);
    }

    @Test
    void aBlockedSenderIsToldTheMessageWasNotDeliveredAndNothingIsStored() {
        Msisdn alice = handsets.subscriber("Alice");
        Msisdn bob = handsets.subscriber("Bob");
        handsets.addsContact(alice, bob, "Bob");
        handsets.addsContact(bob, alice, "Alice");
        handsets.text(bob, "BLOCK 1");
        handsets.awaitSms(bob, "Alice is blocked");

        handsets.text(alice, "1 are you there?");
        handsets.awaitSms(alice, "Your message to Bob was not delivered.");

        assertThat(jdbc.sql("select count(*) from im.message where sender = ?").param(alice.value()).query(Long.class).single())
                .as("a refused message is never stored").isZero();
        handsets.text(alice, "LIST");
        handsets.awaitSms(alice, "1 Bob");
        assertThat(smsc.messagesTo(alice.value())).as("the refusal came once, not once per retry of its MO")
                .filteredOn(m -> m.text().contains("not delivered")).hasSize(1);
        assertThat(smsc.messagesTo(bob.value())).noneMatch(m -> m.text().contains("are you there"));
    }

    @Test
    void joiningARoomThatDoesNotExistIsAnsweredOnce() {
        Msisdn carol = handsets.subscriber("Carol");
        handsets.text(carol, "JOIN nosuchroom Caro");
        handsets.awaitSms(carol, "There is no room #nosuchroom");
        handsets.text(carol, "ROOMS");
        handsets.awaitSms(carol, "Rooms:");
        assertThat(smsc.messagesTo(carol.value())).filteredOn(m -> m.text().contains("no room")).hasSize(1);
    }

    @Test
    void aTakenRoomNicknameIsRefusedAndTheFirstHolderKeepsIt() {
        // the refusal comes from a unique index: it must not leave the command's transaction aborted
        Msisdn dave = handsets.subscriber("Dave");
        Msisdn erin = handsets.subscriber("Erin");
        String nick = "Zed" + dave.value().substring(dave.value().length() - 5);
        handsets.text(dave, "JOIN football " + nick);
        handsets.awaitSms(dave, "You are in #football as " + nick);
        handsets.text(erin, "JOIN football " + nick.toLowerCase());
        handsets.awaitSms(erin, "That nickname is taken in #football");
        handsets.text(erin, "JOIN football Erin" + erin.value().substring(erin.value().length() - 5));
        handsets.awaitSms(erin, "You are in #football as Erin");
        handsets.text(erin, "JOIN football " + nick.toUpperCase());
        // the first refusal already satisfies a wait for the words: wait for the second one itself
        await().atMost(Duration.ofSeconds(60)).until(() -> smsc.messagesTo(erin.value()).stream()
                .filter(m -> m.text().contains("That nickname is taken in #football")).count() == 2);
        assertThat(jdbc.sql("select nickname from im.room_member where room = 'football' and msisdn = ?")
                .param(erin.value()).query(String.class).single()).startsWith("Erin");
    }
}
