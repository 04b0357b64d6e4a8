package io.mobim.platform.wv;

import io.mobim.wv.handset.WvHandset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.CancelAuthRequest;
import io.mobim.wv.model.ClientId;
import io.mobim.wv.model.CreateAttributeListRequest;
import io.mobim.wv.model.CreateListRequest;
import io.mobim.wv.model.DeleteAttributeListRequest;
import io.mobim.wv.model.GetAttributeListRequest;
import io.mobim.wv.model.GetAttributeListResponse;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.GetReactiveAuthStatusRequest;
import io.mobim.wv.model.GetReactiveAuthStatusResponse;
import io.mobim.wv.model.NickList;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.ReactiveAuthState;
import io.mobim.wv.model.ServiceRequest;
import io.mobim.wv.model.ServiceResponse;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Presence authorisation both ways over real HTTP. Reactive: a client that agreed REACT is asked (PresenceAuth-Request
 * on its poll) when a watcher without a grant subscribes, accepts, and its attribute list then decides what the
 * watcher sees, by GetPresence and on polls. Proactive: a client that left REACT out is never asked; its default
 * attribute list is the grant.
 */
@MobimIntegrationTest
class WvAttributeListsEndToEndTest extends WvTestBase {

    private static final PresenceSubList ONLY_AVAILABILITY = PresenceSubList.of(WvNode.of("PresenceSubList", WvNode.of("UserAvailability")));

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void anAcceptedWatcherSeesOnlyWhatTheAttributeListAllows(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);
        String aliceId = id(alice);
        String bobId = id(bob);

        ServiceResponse agreed = bobClient.request(new ServiceRequest(new ClientId("http://handset/wv", null),
                WvNode.of("Functions", WvNode.of("WVCSPFeat", WvNode.of("PresenceFeat"))), false), ServiceResponse.class);
        WvNode presenceFeat = agreed.functions().child("WVCSPFeat").child("PresenceFeat");
        assertThat(presenceFeat.child("PresenceAuthFunc").child("REACT")).as("reactive authorisation agreed").isNotNull();
        assertThat(presenceFeat.child("AttListFunc").children()).extracting(WvNode::name).containsExactly("CALI", "DALI", "GALS");

        assertThat(aliceClient.request(new SubscribePresenceRequest(List.of(new User(bobId)), List.of(), null, true), Status.class)
                .result().code()).isEqualTo(200);
        Transaction asked = await().atMost(Duration.ofSeconds(30)).until(bobClient::poll,
                t -> t != null && t.primitive() instanceof PresenceAuthRequest);
        assertThat(((PresenceAuthRequest) asked.primitive()).userId()).isEqualTo(aliceId);
        bobClient.acknowledge(asked);
        assertThat(bobClient.request(new PresenceAuthUser(aliceId, true), Status.class).result().code()).isEqualTo(200);
        assertThat(bobClient.request(new CreateAttributeListRequest(ONLY_AVAILABILITY, List.of(aliceId), List.of(), null),
                Status.class).result().code()).isEqualTo(200);
        assertThat(bobClient.request(new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("UserAvailability", "DISCREET"), WvNode.presenceValue("StatusText", "Secret plans"))))),
                Status.class).result().code()).isEqualTo(200);

        GetPresenceResponse seen = aliceClient.request(new GetPresenceRequest(List.of(new User(bobId)), List.of(), null),
                GetPresenceResponse.class);
        assertThat(seen.result().code()).isEqualTo(200);
        assertThat(seen.presences().getFirst().presenceSubList().toNode().children()).extracting(WvNode::name)
                .as("the status text, online status and reachability are not alice's to see").containsExactly("UserAvailability");
        assertThat(seen.presences().getFirst().presenceSubList().toNode().child("UserAvailability").childText("PresenceValue"))
                .isEqualTo("DISCREET");
        Transaction notified = aliceClient.awaitPolled(PresenceNotificationRequest.class);
        WvNode notifiedAttributes = ((PresenceNotificationRequest) notified.primitive()).presences().stream()
                .filter(p -> p.userId().equals(bobId)).findFirst().orElseThrow().presenceSubList().toNode();
        assertThat(notifiedAttributes.children()).extracting(WvNode::name).containsExactly("UserAvailability");

        GetAttributeListResponse lists = bobClient.request(new GetAttributeListRequest(List.of(), List.of(), null),
                GetAttributeListResponse.class);
        assertThat(lists.presences()).hasSize(1);
        assertThat(lists.presences().getFirst().userId()).isEqualTo(aliceId);
        assertThat(lists.presences().getFirst().presenceSubList().toNode().children()).extracting(WvNode::name).containsExactly("UserAvailability");

        assertThat(bobClient.request(new DeleteAttributeListRequest(List.of(aliceId), List.of(), null), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(aliceClient.request(new GetPresenceRequest(List.of(new User(bobId)), List.of(), null), GetPresenceResponse.class)
                .presences().getFirst().presenceSubList().toNode().child("StatusText")).as("no list: an accepted watcher sees all").isNotNull();

        assertThat(bobClient.request(new CancelAuthRequest(aliceId), Status.class).result().code()).isEqualTo(200);
        assertThat(aliceClient.request(new GetPresenceRequest(List.of(new User(bobId)), List.of(), null), GetPresenceResponse.class)
                .result().code()).as("authorisation taken back").isEqualTo(534);
    }

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void withoutReactiveAuthorisationTheDefaultAttributeListDecides(String encoding, CspVersion version) {
        Msisdn carol = clients.subscriber("carol");
        Msisdn dave = clients.subscriber("dave");
        WvHandset carolClient = clients.loggedIn(carol, version, encoding);
        WvHandset daveClient = clients.loggedIn(dave, version, encoding);
        ServiceResponse agreed = carolClient.request(new ServiceRequest(new ClientId("http://handset/wv", null),
                WvNode.of("Functions", WvNode.of("WVCSPFeat", WvNode.of("PresenceFeat", WvNode.of("PresenceDeliverFunc"),
                        WvNode.of("AttListFunc"), WvNode.of("ContListFunc"), WvNode.of("PresenceAuthFunc", WvNode.of("GETWL"))))),
                false), ServiceResponse.class);
        assertThat(agreed.functions().child("WVCSPFeat").child("PresenceFeat").child("PresenceAuthFunc").child("REACT")).isNull();

        assertThat(daveClient.request(new SubscribePresenceRequest(List.of(new User(id(carol))), List.of(), null, true),
                Status.class).result().code()).isEqualTo(200);
        for (Transaction t = carolClient.poll(); t != null; t = carolClient.poll()) {
            assertThat(t.primitive()).as("a client without REACT is not asked").isNotInstanceOf(PresenceAuthRequest.class);
            carolClient.acknowledge(t);
        }
        assertThat(daveClient.request(new GetPresenceRequest(List.of(new User(id(carol))), List.of(), null),
                GetPresenceResponse.class).result().code()).as("no grant yet").isEqualTo(534);

        assertThat(carolClient.request(new CreateAttributeListRequest(PresenceSubList.of(WvNode.of("PresenceSubList", WvNode.of("OnlineStatus"),
                WvNode.of("StatusText"), WvNode.of("StatusMood"))), List.of(), List.of(), true), Status.class).result().code())
                .isEqualTo(200);
        GetPresenceResponse seen = daveClient.request(new GetPresenceRequest(List.of(new User(id(carol))), List.of(), null),
                GetPresenceResponse.class);
        assertThat(seen.result().code()).isEqualTo(200);
        assertThat(seen.presences().getFirst().presenceSubList().toNode().children()).extracting(WvNode::name)
                .containsExactly("OnlineStatus").doesNotContain("UserAvailability", "CommCap");
        Msisdn erin = clients.subscriber("erin");
        WvHandset erinClient = clients.loggedIn(erin, version, encoding);
        erinClient.request(new SubscribePresenceRequest(List.of(new User(id(carol))), List.of(), null, true), Status.class);
        assertThat(erinClient.request(new GetPresenceRequest(List.of(new User(id(carol))), List.of(), null),
                GetPresenceResponse.class).result().code()).as("the default list is carol's grant to newcomers too").isEqualTo(200);
        String work = "wv:" + carol.value() + "/work@mobim";
        assertThat(carolClient.request(new CreateListRequest(work, new NickList(List.of(new NickName("Dave", id(dave)))), null),
                Status.class).result().code()).isEqualTo(200);
        assertThat(carolClient.request(new CreateAttributeListRequest(ONLY_AVAILABILITY, List.of(), List.of(work), null),
                Status.class).result().code()).isEqualTo(200);
        assertThat(daveClient.request(new GetPresenceRequest(List.of(new User(id(carol))), List.of(), null),
                GetPresenceResponse.class).presences().getFirst().presenceSubList().toNode().children()).extracting(WvNode::name)
                .as("the list of a contact list dave is on wins over the default list").containsExactly("UserAvailability");
        assertThat(erinClient.request(new GetPresenceRequest(List.of(new User(id(carol))), List.of(), null),
                GetPresenceResponse.class).presences().getFirst().presenceSubList().toNode().children()).extracting(WvNode::name)
                .containsExactly("OnlineStatus");
        assertThat(carolClient.request(new CreateAttributeListRequest(PresenceSubList.of(WvNode.of("PresenceSubList", WvNode.of("Qualifier"))),
                List.of(), List.of(), true), Status.class).result().code()).as("not a presence attribute").isEqualTo(750);

        if (version == CspVersion.V1_2) {
            GetReactiveAuthStatusResponse status = carolClient.request(new GetReactiveAuthStatusRequest(List.of(id(dave))),
                    GetReactiveAuthStatusResponse.class);
            assertThat(status.statusList().states()).containsExactly(new ReactiveAuthState(id(dave), "GRANTED"));
        }
    }

    private static String id(Msisdn m) {
        return "wv:" + m.value() + "@mobim";
    }
}
