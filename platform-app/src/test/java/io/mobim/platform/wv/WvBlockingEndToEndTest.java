package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.AccessList;
import io.mobim.wv.model.BlockEntityRequest;
import io.mobim.wv.model.DetailedResult;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.GetBlockedListRequest;
import io.mobim.wv.model.GetBlockedListResponse;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSP blocking over real HTTP on the IM core's access lists: a blocked user's messages are refused (532) and never
 * delivered, their authorisation requests never reach the blocker, and they see no presence; a grant list in use
 * lets only its members through; the lists are the ones the SMS channel's BLOCK command changes.
 */
@MobimIntegrationTest
class WvBlockingEndToEndTest extends WvTestBase {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired SmscSimulator smsc;

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aBlockedUserCanNeitherMessageNorAskNorSee(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        Msisdn carol = clients.subscriber("carol");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);
        WvHandset carolClient = clients.loggedIn(carol, version, encoding);
        bobClient.request(new SubscribePresenceRequest(List.of(new User(id(alice))), List.of(), null, true), Status.class);
        Transaction asked = await().atMost(WAIT).until(aliceClient::poll, t -> t != null && t.primitive() instanceof PresenceAuthRequest);
        aliceClient.acknowledge(asked);
        aliceClient.request(new PresenceAuthUser(id(bob), true), Status.class);
        assertThat(presenceOf(bobClient, alice)).isEqualTo(200);

        Status blocked = aliceClient.request(new BlockEntityRequest(
                new AccessList(true, null, users(bob, carol), null), null), Status.class);
        assertThat(blocked.result().code()).isEqualTo(200);
        GetBlockedListResponse lists = aliceClient.request(new GetBlockedListRequest(), GetBlockedListResponse.class);
        assertThat(lists.blockList().inUse()).isTrue();
        assertThat(lists.blockList().entityList().userIds()).containsExactly(id(bob), id(carol));
        assertThat(lists.grantList().inUse()).isFalse();
        assertThat(lists.grantList().entityList().userIds()).isEmpty();

        assertThat(bobClient.send("let me explain", id(alice)).result().code()).isEqualTo(532);
        assertThat(presenceOf(bobClient, alice)).as("a blocked watcher sees nothing").isEqualTo(534);
        carolClient.request(new SubscribePresenceRequest(List.of(new User(id(alice))), List.of(), null, true), Status.class);
        assertThat(aliceClient.poll()).as("neither bob's message nor carol's request reached alice").isNull();

        assertThat(aliceClient.request(new BlockEntityRequest(new AccessList(null, null, null, users(bob)), null), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(presenceOf(bobClient, alice)).as("unblocked, the authorisation holds again").isEqualTo(200);
        assertThat(bobClient.send("sorry", id(alice)).result().code()).isEqualTo(200);
        assertThat(aliceClient.request(new BlockEntityRequest(new AccessList(false, null, null, null), null), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(aliceClient.request(new GetBlockedListRequest(), GetBlockedListResponse.class).blockList())
                .satisfies(l -> assertThat(l.inUse()).isFalse())
                .satisfies(l -> assertThat(l.entityList().userIds()).containsExactly(id(carol)));
        assertThat(carolClient.send("hi", id(alice)).result().code()).as("a block list not in use refuses no one").isEqualTo(200);
    }

    @Test
    void aGrantListInUseLetsOnlyItsMembersThrough() {
        Msisdn dan = clients.subscriber("dan");
        Msisdn erin = clients.subscriber("erin");
        Msisdn fred = clients.subscriber("fred");
        WvHandset danClient = clients.loggedIn(dan, CspVersion.V1_1, "wbxml");
        WvHandset erinClient = clients.loggedIn(erin, CspVersion.V1_1, "wbxml");
        WvHandset fredClient = clients.loggedIn(fred, CspVersion.V1_1, "wbxml");

        assertThat(danClient.request(new BlockEntityRequest(null, new AccessList(true, null, users(erin), null)), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(erinClient.send("granted", id(dan)).result().code()).isEqualTo(200);
        assertThat(fredClient.send("not granted", id(dan)).result().code()).isEqualTo(532);

        danClient.request(new BlockEntityRequest(null, new AccessList(false, null, null, null)), Status.class);
        assertThat(fredClient.send("now anyone", id(dan)).result().code()).isEqualTo(200);
    }

    @Test
    void badEntriesAreNamedAndTheRestApplies() {
        Msisdn gina = clients.subscriber("gina");
        Msisdn hal = clients.subscriber("hal");
        WvHandset client = clients.loggedIn(gina, CspVersion.V1_2, "xml");
        String foreign = "wv:+447700900999@elsewhere.net";

        Status partly = client.request(new BlockEntityRequest(new AccessList(null, null,
                new EntityList(List.of(id(hal), foreign, id(gina)), List.of(), List.of()), null), null), Status.class);
        assertThat(partly.result().code()).isEqualTo(201);
        assertThat(partly.result().detailedResults()).extracting(DetailedResult::code).containsExactlyInAnyOrder(516, 402);
        assertThat(client.request(new GetBlockedListRequest(), GetBlockedListResponse.class).blockList().entityList().userIds())
                .containsExactly(id(hal));
        assertThat(client.request(new BlockEntityRequest(null, null), Status.class).result().code()).isEqualTo(402);
        assertThat(client.request(new BlockEntityRequest(new AccessList(null, null,
                new EntityList(List.of("not a number"), List.of(), List.of()), null), null), Status.class).result().code())
                .as("nothing applied").isEqualTo(531);
    }

    @Test
    void aClientBlocksAnSmsUserWhoseMessagesAreThenRefused() {
        Handsets phones = new Handsets(smsc, subscribers);
        Msisdn ivy = clients.subscriber("ivy");
        Msisdn jack = phones.subscriber("jack");
        WvHandset client = clients.loggedIn(ivy, CspVersion.V1_2, "wbxml");
        client.request(new BlockEntityRequest(new AccessList(null, null, users(jack), null), null), Status.class);

        phones.addsContact(jack, ivy, "ivy");
        phones.text(jack, "1 are you there?");
        phones.awaitSms(jack, "was not delivered");
        assertThat(client.poll()).as("the SMS user's message was refused, not stored").isNull();
    }

    private static int presenceOf(WvHandset watcher, Msisdn presentity) {
        return watcher.request(new GetPresenceRequest(List.of(new User(id(presentity))), List.of(), null), GetPresenceResponse.class)
                .result().code();
    }

    private static EntityList users(Msisdn... who) {
        return new EntityList(List.of(who).stream().map(WvBlockingEndToEndTest::id).toList(), List.of(), List.of());
    }

    static String id(Msisdn m) {
        return "wv:" + m.value() + "@mobim";
    }
}
