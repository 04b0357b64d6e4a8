package io.mobim.platform.wv;

import io.mobim.wv.handset.WvHandset;
import static io.mobim.platform.wv.WvBlockingEndToEndTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.Rooms;
import io.mobim.wv.CspVersion;
import io.mobim.wv.model.CreateGroupRequest;
import io.mobim.wv.model.GetJoinedUsersRequest;
import io.mobim.wv.model.GetJoinedUsersResponse;
import io.mobim.wv.model.GroupChangeNotice;
import io.mobim.wv.model.GroupProperties;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.LeaveGroupRequest;
import io.mobim.wv.model.LeaveGroupResponse;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribeGroupNoticeRequest;
import io.mobim.wv.model.SubscribeGroupNoticeResponse;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.UserMapping;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Group change notices go to the members who take them, over real HTTP: a member who joined saying
 * SubscribeNotification F is not told of joins and leaves until SubscribeGroupNotice S, and is told after;
 * GetJoinedUsers lists who is in a group with their UserIDs, and in a public room screen names only.
 */
@MobimIntegrationTest
class WvGroupNoticesEndToEndTest extends WvTestBase {

    @Autowired Rooms rooms;

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void onlyMembersTakingNoticesAreToldOfJoinsAndLeaves(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        Msisdn carol = clients.subscriber("carol");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);
        WvHandset carolClient = clients.loggedIn(carol, version, encoding);
        String chat = "wv:" + alice.value() + "/notices@mobim";
        assertThat(aliceClient.request(new CreateGroupRequest(chat, new GroupProperties(List.of(new Property("AccessType", "Open")),
                null), true, null, true), Status.class).result().code()).isEqualTo(200);

        bobClient.request(new JoinGroupRequest(chat, new ScreenName("Bobby", chat), null, false, false), JoinGroupResponse.class);
        aliceClient.acknowledge(aliceClient.awaitPolled(GroupChangeNotice.class)); // bob joined
        assertThat(bobClient.request(new SubscribeGroupNoticeRequest(chat, "G"), SubscribeGroupNoticeResponse.class).value())
                .isEqualTo("F");

        carolClient.request(new JoinGroupRequest(chat, new ScreenName("Caz", chat), null, false, true), JoinGroupResponse.class);
        GroupChangeNotice toAlice = (GroupChangeNotice) aliceClient.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(toAlice.joined()).isNotNull();
        for (Transaction t = bobClient.poll(); t != null; t = bobClient.poll()) {
            assertThat(t.primitive()).as("bob does not take notices").isNotInstanceOf(GroupChangeNotice.class);
            bobClient.acknowledge(t);
        }

        assertThat(bobClient.request(new SubscribeGroupNoticeRequest(chat, "S"), Status.class).result().code()).isEqualTo(200);
        assertThat(bobClient.request(new SubscribeGroupNoticeRequest(chat, "G"), SubscribeGroupNoticeResponse.class).value())
                .isEqualTo("T");
        assertThat(carolClient.request(new LeaveGroupRequest(chat), LeaveGroupResponse.class).result().code()).isEqualTo(200);
        GroupChangeNotice toBob = (GroupChangeNotice) bobClient.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(toBob.left()).as("bob now takes notices").isNotNull();

        assertThat(carolClient.request(new SubscribeGroupNoticeRequest(chat, "S"), Status.class).result().code())
                .as("carol left").isEqualTo(808);
        assertThat(bobClient.request(new SubscribeGroupNoticeRequest(chat, "X"), Status.class).result().code()).isEqualTo(402);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"xml", "wbxml"})
    void joinedUsersOfAGroupHaveUserIdsAndOfAPublicRoomScreenNamesOnly(String encoding) {
        Msisdn dora = clients.subscriber("dora");
        Msisdn eli = clients.subscriber("eli");
        WvHandset doraClient = clients.loggedIn(dora, CspVersion.V1_2, encoding);
        WvHandset eliClient = clients.loggedIn(eli, CspVersion.V1_2, encoding);
        String group = "wv:" + dora.value() + "/joined@mobim";
        doraClient.request(new CreateGroupRequest(group, new GroupProperties(List.of(new Property("AccessType", "Open")), null),
                true, new ScreenName("Dora", group), true), Status.class);
        eliClient.request(new JoinGroupRequest(group, new ScreenName("Eli", group), null, false, true), JoinGroupResponse.class);

        GetJoinedUsersResponse inGroup = eliClient.request(new GetJoinedUsersRequest(group), GetJoinedUsersResponse.class);
        assertThat(inGroup.result().code()).isEqualTo(200);
        assertThat(inGroup.userMapList().mappings()).containsExactlyInAnyOrder(new UserMapping(id(dora), "Dora"),
                new UserMapping(id(eli), "Eli"));

        String name = "pub" + Long.toHexString(System.nanoTime()).substring(6);
        rooms.create(name, "Public", RoomKind.PUBLIC, null);
        String room = "wv:/" + name + "@mobim";
        doraClient.request(new JoinGroupRequest(room, new ScreenName("Dora", room), null, false, true), JoinGroupResponse.class);
        GetJoinedUsersResponse inRoom = eliClient.request(new GetJoinedUsersRequest(room), GetJoinedUsersResponse.class);
        assertThat(inRoom.userMapList().mappings()).extracting(UserMapping::sName).containsExactly("Dora");
        assertThat(inRoom.userMapList().mappings()).extracting(UserMapping::userId).as("public rooms keep members anonymous")
                .containsOnlyNulls();
        assertThat(eliClient.request(new GetJoinedUsersRequest("wv:/nothing-here@mobim"), Status.class).result().code()).isEqualTo(800);
    }
}
