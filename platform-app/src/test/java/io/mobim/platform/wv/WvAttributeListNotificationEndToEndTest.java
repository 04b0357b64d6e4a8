package io.mobim.platform.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.CreateAttributeListRequest;
import io.mobim.wv.model.CreateListRequest;
import io.mobim.wv.model.ListManageRequest;
import io.mobim.wv.model.ListManageResponse;
import io.mobim.wv.model.NickList;
import io.mobim.wv.model.NickName;
import io.mobim.wv.model.Presence;
import io.mobim.wv.model.PresenceAuthUser;
import io.mobim.wv.model.PresenceNotificationRequest;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribePresenceRequest;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UpdatePresenceRequest;
import io.mobim.wv.model.User;
import io.mobim.wv.model.WvNode;
import io.mobim.wv.model.presence.PresenceSubList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A watcher a contact list's attribute list newly covers gets the presentity's presence, as far as the list grants
 * it, on their next polls: without waiting for the presentity to change anything. Whether the list came to cover
 * them by being created for the contact list they are on, or by their being added to a contact list that has one;
 * whether it authorised them just then or they were authorised already (they then see less); and when the
 * presentity is invisible (the newly authorised watcher sees them offline, and is told so).
 */
@MobimIntegrationTest
class WvAttributeListNotificationEndToEndTest extends WvTestBase {

    private static final PresenceSubList ONLY_AVAILABILITY = PresenceSubList.of(WvNode.of("PresenceSubList", WvNode.of("UserAvailability")));

    @Test
    void aWatcherNewlyCoveredByAContactListsAttributeListIsNotifiedWithoutAChange() {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        WvHandset aliceClient = clients.loggedIn(alice, CspVersion.V1_2, "xml");
        WvHandset bobClient = clients.loggedIn(bob, CspVersion.V1_2, "xml");
        String bobId = id(bob);
        busyWithStatus(bobClient, "Not for alice");
        ok(aliceClient, new SubscribePresenceRequest(List.of(new User(bobId)), List.of(), null, true));
        String friends = "wv:" + bob.value() + "/friends@mobim";
        assertThat(bobClient.request(new CreateListRequest(friends, new NickList(List.of(new NickName("Alice", id(alice)))), null),
                Status.class).result().code()).isEqualTo(200);
        drain(aliceClient);
        assertThat(aliceClient.poll()).as("bob has not authorised alice: nothing of his to see").isNull();

        ok(bobClient, new CreateAttributeListRequest(ONLY_AVAILABILITY, List.of(), List.of(friends), null));

        assertNotifiedOfAvailabilityOnly(aliceClient, bobId);
    }

    @Test
    void aWatcherAddedToAContactListWithAnAttributeListIsNotifiedWithoutAChange() {
        Msisdn carol = clients.subscriber("carol");
        Msisdn dave = clients.subscriber("dave");
        WvHandset carolClient = clients.loggedIn(carol, CspVersion.V1_1, "wbxml");
        WvHandset daveClient = clients.loggedIn(dave, CspVersion.V1_1, "wbxml");
        String daveId = id(dave);
        busyWithStatus(daveClient, "Not for carol");
        String work = listShowingOnlyAvailability(daveClient, dave);
        ok(carolClient, new SubscribePresenceRequest(List.of(new User(daveId)), List.of(), null, true));
        drain(carolClient);
        assertThat(carolClient.poll()).as("carol is on none of dave's lists: nothing of his to see").isNull();

        ListManageResponse managed = daveClient.request(new ListManageRequest(work,
                new NickList(List.of(new NickName("Carol", id(carol)))), null, null, null), ListManageResponse.class);
        assertThat(managed.result().code()).isEqualTo(200);

        assertNotifiedOfAvailabilityOnly(carolClient, daveId);
    }

    @Test
    void anAuthorisedWatcherAddedToAContactListWithAnAttributeListIsToldWhatTheyNowSee() {
        Msisdn erin = clients.subscriber("erin");
        Msisdn frank = clients.subscriber("frank");
        WvHandset erinClient = clients.loggedIn(erin, CspVersion.V1_2, "wbxml");
        WvHandset frankClient = clients.loggedIn(frank, CspVersion.V1_2, "wbxml");
        String frankId = id(frank);
        busyWithStatus(frankClient, "Not for erin");
        String work = listShowingOnlyAvailability(frankClient, frank);
        assertThat(frankClient.request(new PresenceAuthUser(id(erin), true), Status.class).result().code())
                .as("a grant before being asked").isEqualTo(200);
        ok(erinClient, new SubscribePresenceRequest(List.of(new User(frankId)), List.of(), null, true));
        Transaction everything = erinClient.awaitPolled(PresenceNotificationRequest.class);
        assertThat(((PresenceNotificationRequest) everything.primitive()).presences().getFirst().presenceSubList().toNode()
                .child("StatusText")).as("no list covers erin yet: she sees all").isNotNull();
        erinClient.acknowledge(everything);
        drain(erinClient);
        assertThat(erinClient.poll()).isNull();

        assertThat(frankClient.request(new ListManageRequest(work, new NickList(List.of(new NickName("Erin", id(erin)))),
                null, null, null), ListManageResponse.class).result().code()).isEqualTo(200);

        assertNotifiedOfAvailabilityOnly(erinClient, frankId);
    }

    @Test
    void aWatcherNewlyAuthorisedByAnInvisibleSubscriberIsToldTheySeeThemOffline() {
        Msisdn gina = clients.subscriber("gina");
        Msisdn hank = clients.subscriber("hank");
        Msisdn ivan = clients.subscriber("ivan");
        WvHandset ginaClient = clients.loggedIn(gina, CspVersion.V1_1, "xml");
        WvHandset hankClient = clients.loggedIn(hank, CspVersion.V1_1, "xml");
        WvHandset ivanClient = clients.loggedIn(ivan, CspVersion.V1_1, "xml");
        // gina already sees ivan: her polls have a snapshot to compare with, not a first look at everyone
        assertThat(ivanClient.request(new PresenceAuthUser(id(gina), true), Status.class).result().code()).isEqualTo(200);
        assertThat(ginaClient.request(new SubscribePresenceRequest(List.of(new User(id(ivan)), new User(id(hank))), List.of(), null,
                true), Status.class).result().code()).isEqualTo(200);
        ginaClient.acknowledge(ginaClient.awaitPolled(PresenceNotificationRequest.class));
        drain(ginaClient);
        assertThat(hankClient.request(new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("OnlineStatus", "F"))))), Status.class).result().code()).as("hank goes invisible").isEqualTo(200);
        String friends = "wv:" + hank.value() + "/friends@mobim";
        assertThat(hankClient.request(new CreateListRequest(friends, new NickList(List.of(new NickName("Gina", id(gina)))), null),
                Status.class).result().code()).isEqualTo(200);
        // ivan's change after that moves gina's snapshot past hank's going invisible
        assertThat(ivanClient.request(new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("StatusText", "Lunch"))))), Status.class).result().code()).isEqualTo(200);
        Transaction ivans = ginaClient.awaitPolled(PresenceNotificationRequest.class);
        assertThat(((PresenceNotificationRequest) ivans.primitive()).presences()).extracting(Presence::userId).containsExactly(id(ivan));
        ginaClient.acknowledge(ivans);
        drain(ginaClient);
        assertThat(ginaClient.poll()).isNull();

        assertThat(hankClient.request(new CreateAttributeListRequest(PresenceSubList.of(WvNode.of("PresenceSubList", WvNode.of("OnlineStatus"),
                WvNode.of("UserAvailability"))), List.of(), List.of(friends), null), Status.class).result().code()).isEqualTo(200);

        Transaction notified = ginaClient.awaitPolled(PresenceNotificationRequest.class);
        Presence seen = ((PresenceNotificationRequest) notified.primitive()).presences().stream()
                .filter(p -> p.userId().equals(id(hank))).findFirst().orElseThrow();
        assertThat(seen.presenceSubList().toNode().child("OnlineStatus").childText("PresenceValue")).isEqualTo("F");
        assertThat(seen.presenceSubList().toNode().child("UserAvailability").childText("PresenceValue")).isEqualTo("NOT_AVAILABLE");
    }

    /** The watcher's polls hand out the presentity's presence, with only the availability the list grants. */
    private static void assertNotifiedOfAvailabilityOnly(WvHandset watcher, String presentityId) {
        Transaction notified = watcher.awaitPolled(PresenceNotificationRequest.class);
        Presence seen = ((PresenceNotificationRequest) notified.primitive()).presences().stream()
                .filter(p -> p.userId().equals(presentityId)).findFirst().orElseThrow();
        assertThat(seen.presenceSubList().toNode().children()).extracting(WvNode::name).containsExactly("UserAvailability");
        assertThat(seen.presenceSubList().toNode().child("UserAvailability").childText("PresenceValue")).isEqualTo("DISCREET");
    }

    /** The presentity says they are busy, with a status text. */
    private static void busyWithStatus(WvHandset presentity, String statusText) {
        ok(presentity, new UpdatePresenceRequest(PresenceSubList.of(new WvNode("PresenceSubList", null, List.of(
                WvNode.presenceValue("UserAvailability", "DISCREET"), WvNode.presenceValue("StatusText", statusText))))));
    }

    /** A new empty contact list "work" of the presentity's, whose attribute list shows only the availability; its id. */
    private static String listShowingOnlyAvailability(WvHandset client, Msisdn presentity) {
        String work = "wv:" + presentity.value() + "/work@mobim";
        ok(client, new CreateListRequest(work, null, null));
        ok(client, new CreateAttributeListRequest(ONLY_AVAILABILITY, List.of(), List.of(work), null));
        return work;
    }

    /** Sends {@code request} as {@code client}, which must be answered with Status 200. */
    private static void ok(WvHandset client, Primitive request) {
        assertThat(client.request(request, Status.class).result().code()).as(request.elementName()).isEqualTo(200);
    }

    private static String id(Msisdn m) {
        return "wv:" + m.value() + "@mobim";
    }
}
