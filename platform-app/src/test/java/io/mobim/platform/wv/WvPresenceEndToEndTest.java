package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.GetPresenceRequest;
import io.mobim.wv.model.GetPresenceResponse;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceAuthRequest;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.PresenceNotificationRequest;
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
 * CSP presence over real HTTP: a client subscribes to a contact, the contact is asked on their client's poll and
 * authorises it from there,
 * updates their presence, and the watcher sees it by GetPresence (with attribute selection) and on its polls; a
 * user who was not authorised sees nothing.
 */
@MobimIntegrationTest
class WvPresenceEndToEndTest extends WvTestBase {



    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void aWatcherSeesWhatTheContactAuthorisedAndUpdated(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        Msisdn carol = clients.subscriber("carol");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);
        WvHandset carolClient = clients.loggedIn(carol, version, encoding);
        String bobId = "wv:" + bob.value() + "@mobim";

        assertThat(aliceClient.request(new SubscribePresenceRequest(List.of(new User(bobId)), List.of(), null, true), Status.class)
                .result().code()).isEqualTo(200);
        Transaction asked = await().atMost(Duration.ofSeconds(30)).until(bobClient::poll,
                t -> t != null && t.primitive() instanceof PresenceAuthRequest);
        assertThat(((PresenceAuthRequest) asked.primitive()).userId()).isEqualTo("wv:" + alice.value() + "@mobim");
        bobClient.acknowledge(asked);
        assertThat(bobClient.poll()).as("each request goes out to a client once").isNull();
        assertThat(bobClient.request(new PresenceAuthUser("wv:" + alice.value() + "@mobim", true), Status.class).result().code())
                .isEqualTo(200);
        assertThat(bobClient.request(new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("UserAvailability", "DISCREET"), WvNode.presenceValue("StatusText", "In a meeting"))))),
                Status.class).result().code()).isEqualTo(200);

        GetPresenceResponse seen = aliceClient.request(new GetPresenceRequest(List.of(new User(bobId)), List.of(), null),
                GetPresenceResponse.class);
        assertThat(seen.result().code()).isEqualTo(200);
        WvNode attributes = seen.presences().getFirst().presenceSubList().toNode();
        assertThat(attributes.child("UserAvailability").childText("PresenceValue")).isEqualTo("DISCREET");
        assertThat(attributes.child("StatusText").childText("PresenceValue")).isEqualTo("In a meeting");
        assertThat(attributes.child("OnlineStatus").childText("PresenceValue")).isEqualTo("T");

        GetPresenceResponse selected = aliceClient.request(new GetPresenceRequest(List.of(new User(bobId)), List.of(),
                PresenceSubList.of(WvNode.of("PresenceSubList", WvNode.of("StatusText")))), GetPresenceResponse.class);
        assertThat(selected.presences().getFirst().presenceSubList().toNode().children()).extracting(WvNode::name).containsExactly("StatusText");

        Transaction notified = await().atMost(Duration.ofSeconds(30)).until(aliceClient::poll,
                t -> t != null && t.primitive() instanceof PresenceNotificationRequest);
        Presence bobsPresence = ((PresenceNotificationRequest) notified.primitive()).presences().stream()
                .filter(p -> p.userId().equals(bobId)).findFirst().orElseThrow();
        assertThat(bobsPresence.presenceSubList().toNode().child("StatusText").childText("PresenceValue")).isEqualTo("In a meeting");

        GetPresenceResponse refused = carolClient.request(new GetPresenceRequest(List.of(new User(bobId)), List.of(), null),
                GetPresenceResponse.class);
        assertThat(refused.result().code()).as("carol was never authorised").isEqualTo(534);
        assertThat(refused.presences()).isEmpty();
    }
}
