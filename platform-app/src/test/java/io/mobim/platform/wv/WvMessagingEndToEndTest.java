package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.messaging.DeliveryStatus;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.SendResult;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.GetMessageRequest;
import io.mobim.wv.model.GetMessageResponse;
import io.mobim.wv.model.MessageDelivered;
import io.mobim.wv.model.MessageNotification;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.TransactionMode;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSP messaging over real HTTP on the IM core: client to client in both encodings and both versions, client to a
 * subscriber who has only SMS (an MT on the SMS-C simulator's handset), SMS to a client (through the simulator, the
 * gateway and Kafka to the client's next poll), several recipients with one failing, and notify mode.
 */
@MobimIntegrationTest
class WvMessagingEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SmscSimulator smsc;
    @Autowired MessageSender sender;
    private Handsets phones;

    @BeforeEach
    void phones() {
        phones = new Handsets(smsc, subscribers);
    }

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void twoClientsExchangeAMessageAndItIsDeliveredOnceConfirmed(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);
        assertThat(bobClient.poll()).as("nothing waits: an empty 200").isNull();

        SendMessageResponse sent = aliceClient.send("Hello Bob", "wv:" + bob.value() + "@mobim");
        assertThat(sent.result().code()).isEqualTo(200);
        UUID messageId = UUID.fromString(sent.messageId());

        Transaction got = await().atMost(WAIT).until(bobClient::poll, t -> t != null && t.primitive() instanceof NewMessage);
        assertThat(got.mode()).isEqualTo(TransactionMode.REQUEST);
        assertThat(got.poll()).as("nothing more waits").isFalse();
        NewMessage message = (NewMessage) got.primitive();
        assertThat(message.contentData()).isEqualTo("Hello Bob");
        assertThat(message.messageInfo().messageId()).isEqualTo(sent.messageId());
        assertThat(message.messageInfo().sender().user().userId()).isEqualTo("wv:" + alice.value() + "@mobim");

        bobClient.confirm(got);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sender.outcomes(messageId)).singleElement()
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(DeliveryStatus.DELIVERED);
                    assertThat(r.route()).isEqualTo(SendResult.Route.CLIENT);
                }));
        assertThat(bobClient.poll()).as("a confirmed message is not handed out again").isNull();
    }

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aClientMessageReachesAnSmsOnlySubscriberAsAnMt(String encoding, CspVersion version) {
        Msisdn carol = clients.subscriber("carol");
        Msisdn dan = phones.subscriber("dan");
        WvHandset client = clients.loggedIn(carol, version, encoding);

        SendMessageResponse sent = client.send("Are you coming tonight?", dan.value().substring(1));
        assertThat(sent.result().code()).isEqualTo(200);

        assertThat(phones.awaitSms(dan, "Are you coming tonight?").text()).startsWith("carol");
        await().atMost(WAIT).untilAsserted(() -> assertThat(sender.outcomes(UUID.fromString(sent.messageId())))
                .singleElement().satisfies(r -> assertThat(r.route()).isEqualTo(SendResult.Route.SMS)));
    }

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void anSmsReachesTheClientOnItsNextPoll(String encoding, CspVersion version) {
        Msisdn erin = clients.subscriber("erin");
        Msisdn fred = phones.subscriber("fred");
        WvHandset client = clients.loggedIn(erin, version, encoding);

        phones.addsContact(fred, erin, "erin");
        phones.text(fred, "1 Call me when you land");

        Transaction got = await().atMost(WAIT).until(client::poll, t -> t != null && t.primitive() instanceof NewMessage);
        NewMessage message = (NewMessage) got.primitive();
        assertThat(message.contentData()).isEqualTo("Call me when you land");
        assertThat(message.messageInfo().sender().user().userId()).isEqualTo("wv:" + fred.value() + "@mobim");
        client.confirm(got);
        await().atMost(WAIT).untilAsserted(() -> assertThat(sender.outcomes(UUID.fromString(message.messageInfo().messageId())))
                .singleElement().satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.DELIVERED)));
    }

    @Test
    void aMessageToSeveralRecipientsSaysWhichFailed() {
        Msisdn gina = clients.subscriber("gina");
        Msisdn hal = clients.subscriber("hal");
        Msisdn ivy = phones.subscriber("ivy");
        WvHandset client = clients.loggedIn(gina, CspVersion.V1_2, "wbxml");
        clients.loggedIn(hal, CspVersion.V1_2, "wbxml");

        String unknown = "wv:+33612345678@mobim";
        String foreign = "wv:" + hal.value() + "@elsewhere.net";
        SendMessageResponse sent = client.send("Party at 8", "wv:" + hal.value() + "@mobim", ivy.value(), unknown, foreign);

        assertThat(sent.result().code()).isEqualTo(201);
        assertThat(sent.messageId()).isNotNull();
        assertThat(sent.result().detailedResults()).extracting(DetailedResult::code).containsExactlyInAnyOrder(531, 516);
        assertThat(sent.result().detailedResults()).filteredOn(d -> d.code() == 531).singleElement()
                .satisfies(d -> assertThat(d.userIds()).containsExactly(unknown));
        phones.awaitSms(ivy, "Party at 8");
    }

    @Test
    void aClientInNotifyModeIsToldOfAMessageAndFetchesIt() {
        Msisdn jack = clients.subscriber("jack");
        Msisdn kim = clients.subscriber("kim");
        WvHandset kimClient = clients.loggedIn(kim, CspVersion.V1_1, "xml");
        kimClient.capabilities("N");
        WvHandset jackClient = clients.loggedIn(jack, CspVersion.V1_1, "xml");

        SendMessageResponse first = jackClient.send("one", "wv:" + kim.value() + "@mobim");
        jackClient.send("two", "wv:" + kim.value() + "@mobim");

        Transaction told = await().atMost(WAIT).until(kimClient::poll, t -> t != null && t.primitive() instanceof MessageNotification);
        assertThat(told.poll()).as("a second message waits").isTrue();
        MessageNotification notification = (MessageNotification) told.primitive();
        assertThat(notification.messageInfo().messageId()).isEqualTo(first.messageId());

        GetMessageResponse fetched = kimClient.request(new GetMessageRequest(first.messageId()), GetMessageResponse.class);
        assertThat(fetched.contentData()).isEqualTo("one");
        assertThat(kimClient.request(new MessageDelivered(first.messageId()), io.mobim.wv.model.Status.class).result().code())
                .isEqualTo(200);
        assertThat(kimClient.request(new GetMessageRequest(first.messageId()), io.mobim.wv.model.Status.class).result().code())
                .as("confirmed: no longer waiting").isEqualTo(426);
        Transaction second = kimClient.poll();
        assertThat(((MessageNotification) second.primitive()).messageInfo().messageId()).isNotEqualTo(first.messageId());
        assertThat(second.poll()).isFalse();
    }
}
