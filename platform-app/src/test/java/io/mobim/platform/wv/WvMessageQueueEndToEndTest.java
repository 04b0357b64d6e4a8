package io.mobim.platform.wv;

import static io.mobim.platform.wv.WvBlockingEndToEndTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.contacts.Contacts;
import io.mobim.platform.messaging.DeliveryStatus;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.DeliveryReportRequest;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.ForwardMessageRequest;
import io.mobim.wv.model.GetMessageListRequest;
import io.mobim.wv.model.GetMessageListResponse;
import io.mobim.wv.model.GetMessageRequest;
import io.mobim.wv.model.GetMessageResponse;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.GetWatcherListRequest;
import io.mobim.wv.model.GetWatcherListResponse;
import io.mobim.wv.model.MessageDelivered;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.RejectMessageRequest;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UnsubscribePresenceRequest;
import io.mobim.wv.model.User;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a client does with the messages waiting for it, over real HTTP: GetMessageList, GetMessage of a listed one,
 * RejectMessage, ForwardMessage; delivery reports to a client sender (from a client and from an SMS recipient's
 * receipt); and the watcher side of presence: UnsubscribePresence and GetWatcherList.
 */
@MobimIntegrationTest
class WvMessageQueueEndToEndTest extends WvTestBase {

    @Autowired MessageSender sender;
    @Autowired Contacts contacts;
    @Autowired SmscSimulator smsc;

    @Test
    void aClientListsRejectsAndTakesWaitingMessagesAndTheSenderIsTold() {
        Msisdn jack = clients.subscriber("jack");
        Msisdn kim = clients.subscriber("kim");
        WvHandset kimClient = clients.loggedIn(kim, CspVersion.V1_2, "xml");
        kimClient.capabilities("N");
        WvHandset jackClient = clients.loggedIn(jack, CspVersion.V1_2, "xml");
        String one = jackClient.send(true, "one", id(kim)).messageId();
        String two = jackClient.send(true, "two", id(kim)).messageId();
        String three = jackClient.send(true, "three", id(kim)).messageId();

        GetMessageListResponse listed = kimClient.request(new GetMessageListRequest(null, null), GetMessageListResponse.class);
        assertThat(listed.messageInfos()).extracting(MessageInfo::messageId).containsExactly(one, two, three);
        assertThat(listed.messageInfos().getFirst().sender().user().userId()).isEqualTo(id(jack));
        assertThat(kimClient.request(new GetMessageListRequest(null, 2), GetMessageListResponse.class).messageInfos()).hasSize(2);

        String unknown = UUID.randomUUID().toString();
        Status rejected = kimClient.request(new RejectMessageRequest(List.of(two, unknown)), Status.class);
        assertThat(rejected.result().code()).isEqualTo(201);
        assertThat(rejected.result().detailedResults()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(426);
            assertThat(d.messageIds()).containsExactly(unknown);
        });
        assertThat(sender.outcomes(UUID.fromString(two))).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(DeliveryStatus.FAILED));

        GetMessageResponse fetched = kimClient.request(new GetMessageRequest(three), GetMessageResponse.class);
        assertThat(fetched.contentData()).as("a listed message is fetched out of turn").isEqualTo("three");
        assertThat(kimClient.request(new MessageDelivered(three), Status.class).result().code()).isEqualTo(200);
        assertThat(kimClient.request(new GetMessageListRequest(null, null), GetMessageListResponse.class).messageInfos())
                .extracting(MessageInfo::messageId).containsExactly(one);

        DeliveryReportRequest first = (DeliveryReportRequest) jackClient.awaitPolled(DeliveryReportRequest.class).primitive();
        assertThat(first.messageInfo().messageId()).isEqualTo(two);
        assertThat(first.result().code()).as("rejected: not delivered").isEqualTo(410);
        assertThat(first.messageInfo().recipient().users()).extracting(User::userId).containsExactly(id(kim));
        Transaction second = jackClient.awaitPolled(DeliveryReportRequest.class);
        assertThat(((DeliveryReportRequest) second.primitive()).messageInfo().messageId()).isEqualTo(three);
        assertThat(((DeliveryReportRequest) second.primitive()).result().code()).isEqualTo(200);
        jackClient.acknowledge(second);
        assertThat(jackClient.poll()).as("each report goes out once").isNull();

        assertThat(kimClient.request(new GetMessageListRequest("wv:" + kim.value() + "/chat@mobim", null), Status.class)
                .result().code()).isEqualTo(800);
        assertThat(kimClient.request(new RejectMessageRequest(List.of()), Status.class).result().code()).isEqualTo(402);
        assertThat(kimClient.request(new RejectMessageRequest(List.of("not-an-id")), Status.class).result().code()).isEqualTo(426);
    }

    @Test
    void aClientSenderGetsTheReportOfAnSmsRecipientsReceipt() {
        Handsets phones = new Handsets(smsc, subscribers);
        Msisdn lou = clients.subscriber("lou");
        Msisdn max = phones.subscriber("max");
        WvHandset client = clients.loggedIn(lou, CspVersion.V1_1, "xml");

        SendMessageResponse sent = client.send(true, "See you at 6", id(max));
        phones.awaitSms(max, "See you at 6");
        DeliveryReportRequest report = (DeliveryReportRequest) client.awaitPolled(DeliveryReportRequest.class).primitive();
        assertThat(report.messageInfo().messageId()).isEqualTo(sent.messageId());
        assertThat(report.result().code()).isEqualTo(200);
    }

    @Test
    void aClientForwardsAMessageItReceived() {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        Msisdn carol = clients.subscriber("carol");
        WvHandset aliceClient = clients.loggedIn(alice, CspVersion.V1_1, "wbxml");
        WvHandset bobClient = clients.loggedIn(bob, CspVersion.V1_1, "wbxml");
        WvHandset carolClient = clients.loggedIn(carol, CspVersion.V1_1, "wbxml");
        String original = aliceClient.send("Meet at 8", id(bob)).messageId();
        bobClient.confirm(bobClient.awaitPolled(NewMessage.class));

        assertThat(bobClient.request(new ForwardMessageRequest(original, to(carol)), Status.class).result().code()).isEqualTo(200);
        NewMessage forwarded = (NewMessage) carolClient.awaitPolled(NewMessage.class).primitive();
        assertThat(forwarded.contentData()).isEqualTo("Meet at 8");
        assertThat(forwarded.messageInfo().sender().user().userId()).isEqualTo(id(bob));
        assertThat(forwarded.messageInfo().messageId()).isNotEqualTo(original);

        assertThat(carolClient.request(new ForwardMessageRequest(original, to(alice)), Status.class).result().code())
                .as("carol never got that message").isEqualTo(426);
        Status unknown = bobClient.request(new ForwardMessageRequest(original,
                new Recipient(List.of(new User("wv:+33612345678@mobim")), List.of(), List.of())), Status.class);
        assertThat(unknown.result().code()).isEqualTo(531);
        assertThat(bobClient.request(new ForwardMessageRequest(original, null), Status.class).result().code()).isEqualTo(402);
    }

    @Test
    void aWatcherUnsubscribesAndKeepsTheContact() {
        Msisdn dan = clients.subscriber("dan");
        Msisdn erin = clients.subscriber("erin");
        WvHandset danClient = clients.loggedIn(dan, CspVersion.V1_2, "wbxml");
        WvHandset erinClient = clients.loggedIn(erin, CspVersion.V1_2, "wbxml");
        danClient.request(new SubscribePresenceRequest(List.of(new User(id(erin))), List.of(), null, true), Status.class);
        erinClient.acknowledge(erinClient.awaitPolled(PresenceAuthRequest.class));
        erinClient.request(new PresenceAuthUser(id(dan), true), Status.class);
        assertThat(erinClient.request(new GetWatcherListRequest(), GetWatcherListResponse.class).userIds()).containsExactly(id(dan));
        assertThat(presenceOf(danClient, erin)).isEqualTo(200);

        assertThat(danClient.request(new UnsubscribePresenceRequest(List.of(new User(id(erin))), List.of(), null), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(presenceOf(danClient, erin)).isEqualTo(534);
        assertThat(erinClient.request(new GetWatcherListRequest(), GetWatcherListResponse.class).userIds()).isEmpty();
        assertThat(contacts.isContact(dan, erin)).as("still a contact").isTrue();

        assertThat(danClient.request(new UnsubscribePresenceRequest(List.of(), List.of(), null), Status.class).result().code())
                .isEqualTo(402);
        Status foreign = danClient.request(new UnsubscribePresenceRequest(List.of(new User("wv:+447700900999@elsewhere.net")),
                List.of(), null), Status.class);
        assertThat(foreign.result().code()).isEqualTo(516);
        assertThat(foreign.result().detailedResults()).extracting(DetailedResult::code).containsExactly(516);
    }

    private static Recipient to(Msisdn who) {
        return new Recipient(List.of(new User(id(who))), List.of(), List.of());
    }

    private static int presenceOf(WvHandset watcher, Msisdn presentity) {
        return watcher.request(new GetPresenceRequest(List.of(new User(id(presentity))), List.of(), null), GetPresenceResponse.class)
                .result().code();
    }
}
