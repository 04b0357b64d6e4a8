package io.mobim.platform.wv;

import static io.mobim.platform.wv.WvBlockingEndToEndTest.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.events.Msisdn;
import io.mobim.platform.MobimIntegrationTest;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.support.Handsets;
import io.mobim.smpp.simulator.SmscSimulator;
import io.mobim.wv.CspVersion;
import io.mobim.wv.handset.WvHandset;
import io.mobim.wv.model.AddGroupMembersRequest;
import io.mobim.wv.model.CreateGroupRequest;
import io.mobim.wv.model.DeleteGroupRequest;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.GetGroupMembersRequest;
import io.mobim.wv.model.GetGroupMembersResponse;
import io.mobim.wv.model.GetGroupPropsRequest;
import io.mobim.wv.model.GetGroupPropsResponse;
import io.mobim.wv.model.Group;
import io.mobim.wv.model.GroupChangeNotice;
import io.mobim.wv.model.GroupProperties;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.LeaveGroupRequest;
import io.mobim.wv.model.LeaveGroupResponse;
import io.mobim.wv.model.MemberAccessRequest;
import io.mobim.wv.model.MemberList;
import io.mobim.wv.model.MessageInfo;
import io.mobim.wv.model.NewMessage;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.Recipient;
import io.mobim.wv.model.RejectListRequest;
import io.mobim.wv.model.RejectListResponse;
import io.mobim.wv.model.RemoveGroupMembersRequest;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.SendMessageRequest;
import io.mobim.wv.model.SendMessageResponse;
import io.mobim.wv.model.SetGroupPropsRequest;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.User;
import io.mobim.wv.model.UserList;
import io.mobim.wv.model.UserMapping;
import io.mobim.wv.model.WelcomeNote;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CSP groups over real HTTP on the IM core's rooms: a subscriber's open group chat with change notices, a restricted
 * group with its member list, roles and reject list, the errors, and a public room shared with an SMS user.
 */
@MobimIntegrationTest
class WvGroupsEndToEndTest extends WvTestBase {

    @Autowired SmscSimulator smsc;
    @Autowired Rooms rooms;

    @ParameterizedTest(name = "{0} CSP {1}")
    @MethodSource("io.mobim.platform.wv.WvClients#encodingsAndVersions")
    void anOpenGroupChatWithChangeNotices(String encoding, CspVersion version) {
        Msisdn alice = clients.subscriber("alice");
        Msisdn bob = clients.subscriber("bob");
        WvHandset aliceClient = clients.loggedIn(alice, version, encoding);
        WvHandset bobClient = clients.loggedIn(bob, version, encoding);
        String chat = "wv:" + alice.value() + "/chat@mobim";

        assertThat(aliceClient.request(create(chat, "Open", props("Name", "Chat", "Topic", "Weekend")), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(aliceClient.request(create(chat, "Open"), Status.class).result().code()).isEqualTo(801);

        JoinGroupResponse joined = bobClient.request(new JoinGroupRequest(chat, new ScreenName("Bobby", chat), null, true, true),
                JoinGroupResponse.class);
        assertThat(joined.result().code()).isEqualTo(200);
        assertThat(joined.welcomeNote().contentData()).isEqualTo("Welcome!");
        assertThat(screenNames(version, joined.userList(), joined.userMapList())).containsExactlyInAnyOrder("alice", "Bobby");
        GroupChangeNotice came = (GroupChangeNotice) aliceClient.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(came.groupId()).isEqualTo(chat);
        assertThat(screenNames(version, came.joined().userList(), came.joined().userMapList())).containsExactly("Bobby");
        if (version == CspVersion.V1_2) {
            assertThat(came.joined().userMapList().mappings()).extracting(UserMapping::userId).containsExactly(id(bob));
        }

        SendMessageResponse sent = bobClient.request(toGroup(chat, "Hi all"), SendMessageResponse.class);
        assertThat(sent.result().code()).isEqualTo(200);
        NewMessage message = (NewMessage) aliceClient.awaitPolled(NewMessage.class).primitive();
        assertThat(message.contentData()).isEqualTo("Hi all");
        assertThat(message.messageInfo().sender().group().screenName()).isEqualTo(new ScreenName("Bobby", chat));
        assertThat(message.messageInfo().recipient().groups()).extracting(Group::groupId).containsExactly(chat);

        assertThat(bobClient.request(new SetGroupPropsRequest(chat, props("Topic", "Sunday"), null), Status.class).result().code())
                .as("bob does not manage the group").isEqualTo(816);
        assertThat(aliceClient.request(new SetGroupPropsRequest(chat, props("Topic", "Sunday"), null), Status.class).result().code())
                .isEqualTo(200);
        GroupChangeNotice changed = (GroupChangeNotice) bobClient.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(changed.groupProperties().properties()).contains(new Property("Topic", "Sunday"));
        GetGroupPropsResponse read = bobClient.request(new GetGroupPropsRequest(chat), GetGroupPropsResponse.class);
        assertThat(read.groupProperties().properties()).contains(new Property("Name", "Chat"), new Property("AccessType", "Open"),
                new Property("Topic", "Sunday"));

        LeaveGroupResponse left = bobClient.request(new LeaveGroupRequest(chat), LeaveGroupResponse.class);
        assertThat(left.result().code()).isEqualTo(200);
        assertThat(left.groupId()).isEqualTo(chat);
        GroupChangeNotice gone = (GroupChangeNotice) aliceClient.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(screenNames(version, gone.left().userList(), gone.left().userMapList())).containsExactly("Bobby");
        assertThat(bobClient.request(new LeaveGroupRequest(chat), Status.class).result().code()).isEqualTo(808);
        assertThat(bobClient.request(toGroup(chat, "still there?"), SendMessageResponse.class).result().code()).isEqualTo(808);

        assertThat(bobClient.request(new DeleteGroupRequest(chat), Status.class).result().code()).isEqualTo(816);
        assertThat(aliceClient.request(new DeleteGroupRequest(chat), Status.class).result().code()).isEqualTo(200);
        assertThat(bobClient.request(new JoinGroupRequest(chat, null, null, false, false), Status.class).result().code()).isEqualTo(800);
    }

    @Test
    void aRestrictedGroupHasAMemberListRolesAndARejectList() {
        Msisdn carol = clients.subscriber("carol");
        Msisdn dan = clients.subscriber("dan");
        Msisdn erin = clients.subscriber("erin");
        WvHandset carolClient = clients.loggedIn(carol, CspVersion.V1_1, "xml");
        WvHandset danClient = clients.loggedIn(dan, CspVersion.V1_1, "xml");
        WvHandset erinClient = clients.loggedIn(erin, CspVersion.V1_1, "xml");
        String team = "wv:" + carol.value() + "/team@mobim";
        carolClient.request(create(team, "Restricted"), Status.class);

        assertThat(danClient.request(new JoinGroupRequest(team, null, null, false, false), Status.class).result().code())
                .as("not on the member list").isEqualTo(431);
        assertThat(carolClient.request(new AddGroupMembersRequest(team, users(dan)), Status.class).result().code()).isEqualTo(200);
        assertThat(danClient.request(new JoinGroupRequest(team, null, null, false, false), JoinGroupResponse.class).result().code())
                .isEqualTo(200);
        carolClient.acknowledge(carolClient.awaitPolled(GroupChangeNotice.class)); // dan joined
        GetGroupMembersResponse members = danClient.request(new GetGroupMembersRequest(team), GetGroupMembersResponse.class);
        assertThat(members.admin().userList().users()).extracting(User::userId).containsExactly(id(carol));
        assertThat(members.userList().users()).extracting(User::userId).containsExactly(id(dan));

        assertThat(danClient.request(new RejectListRequest(team, entities(erin), null), Status.class).result().code())
                .as("an ordinary member manages nothing").isEqualTo(816);
        assertThat(carolClient.request(new MemberAccessRequest(team, null, new MemberList(users(dan), null), null), Status.class)
                .result().code()).isEqualTo(200);
        assertThat(carolClient.request(new GetGroupMembersRequest(team), GetGroupMembersResponse.class).mod().userList().users())
                .extracting(User::userId).containsExactly(id(dan));
        RejectListResponse rejected = danClient.request(new RejectListRequest(team, entities(erin), null), RejectListResponse.class);
        assertThat(rejected.userList().users()).extracting(User::userId).containsExactly(id(erin));
        assertThat(erinClient.request(new AddGroupMembersRequest(team, users(erin)), Status.class).result().code()).isEqualTo(816);
        assertThat(erinClient.request(new JoinGroupRequest(team, null, null, false, false), Status.class).result().code()).isEqualTo(809);

        assertThat(carolClient.request(new RemoveGroupMembersRequest(team, users(dan)), Status.class).result().code()).isEqualTo(200);
        GroupChangeNotice kicked = (GroupChangeNotice) carolClient.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(kicked.left().userList().users()).extracting(User::userId).containsExactly(id(dan));
        assertThat(danClient.request(toGroup(team, "hello?"), SendMessageResponse.class).result().code()).isEqualTo(808);
    }

    @Test
    void badGroupRequestsGetTheirStatus() {
        Msisdn fred = clients.subscriber("fred");
        Msisdn gina = clients.subscriber("gina");
        Msisdn hal = clients.subscriber("hal");
        WvHandset fredClient = clients.loggedIn(fred, CspVersion.V1_2, "wbxml");
        WvHandset ginaClient = clients.loggedIn(gina, CspVersion.V1_2, "wbxml");
        WvHandset halClient = clients.loggedIn(hal, CspVersion.V1_2, "wbxml");
        String small = "wv:" + fred.value() + "/small@mobim";

        assertThat(ginaClient.request(create(small, "Open"), Status.class).result().code()).as("fred's name space").isEqualTo(816);
        assertThat(fredClient.request(create(small, "Secret"), Status.class).result().code()).isEqualTo(806);
        assertThat(fredClient.request(create(small, "Open", props("MaxActiveUsers", "2")), Status.class).result().code()).isEqualTo(200);
        assertThat(ginaClient.request(new JoinGroupRequest(small, new ScreenName("fred", small), null, false, false), Status.class)
                .result().code()).as("fred's screen name").isEqualTo(811);
        ginaClient.request(new JoinGroupRequest(small, null, null, false, false), JoinGroupResponse.class);
        assertThat(ginaClient.request(new JoinGroupRequest(small, null, null, false, false), Status.class).result().code()).isEqualTo(807);
        assertThat(halClient.request(new JoinGroupRequest(small, null, null, false, false), Status.class).result().code()).isEqualTo(817);
        assertThat(halClient.request(new JoinGroupRequest("wv:" + fred.value() + "/nothing@mobim", null, null, false, false),
                Status.class).result().code()).isEqualTo(800);
        assertThat(halClient.request(new JoinGroupRequest("nonsense", null, null, false, false), Status.class).result().code())
                .isEqualTo(800);
        assertThat(halClient.request(new GetGroupMembersRequest("wv:/lobby@mobim"), Status.class).result().code()).isEqualTo(804);
    }

    @Test
    void aClientAndAnSmsUserTalkInAPublicRoomUnderScreenNames() {
        Handsets phones = new Handsets(smsc, subscribers);
        Msisdn ivy = clients.subscriber("ivy");
        Msisdn jack = phones.subscriber("jack");
        String name = "wvroom" + Long.toHexString(System.nanoTime()).substring(6);
        rooms.create(name, "WV room", RoomKind.PUBLIC, null);
        String room = "wv:/" + name + "@mobim";
        WvHandset client = clients.loggedIn(ivy, CspVersion.V1_2, "xml");

        client.request(new JoinGroupRequest(room, new ScreenName("Ivy", room), null, false, true), JoinGroupResponse.class);
        phones.text(jack, "JOIN " + name + " Jacko");
        GroupChangeNotice came = (GroupChangeNotice) client.awaitPolled(GroupChangeNotice.class).primitive();
        assertThat(came.joined().userList().screenNames()).extracting(ScreenName::sName).containsExactly("Jacko");
        assertThat(came.joined().userList().users()).as("a public room's members stay anonymous").isEmpty();

        assertThat(client.request(toGroup(room, "Anyone here?"), SendMessageResponse.class).result().code()).isEqualTo(200);
        phones.awaitSms(jack, "Anyone here?");
        phones.text(jack, "#" + name + " I am");
        NewMessage reply = (NewMessage) client.awaitPolled(NewMessage.class).primitive();
        assertThat(reply.contentData()).isEqualTo("I am");
        assertThat(reply.messageInfo().sender().group().screenName().sName()).isEqualTo("Jacko");
    }

    private static SendMessageRequest toGroup(String groupId, String text) {
        return new SendMessageRequest(false, new MessageInfo(null, null, "text/plain", "None", text.getBytes(StandardCharsets.UTF_8).length,
                new Recipient(List.of(), List.of(new Group(groupId, null)), List.of()), null, null, null, null), text);
    }

    private static CreateGroupRequest create(String groupId, String access, GroupProperties more) {
        List<Property> all = new java.util.ArrayList<>(more.properties());
        all.add(new Property("AccessType", access));
        return new CreateGroupRequest(groupId, new GroupProperties(all, new WelcomeNote("text/plain", "None", "Welcome!")), true, null, true);
    }

    private static CreateGroupRequest create(String groupId, String access) {
        return create(groupId, access, props());
    }

    private static GroupProperties props(String... nameValues) {
        List<Property> list = new java.util.ArrayList<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            list.add(new Property(nameValues[i], nameValues[i + 1]));
        }
        return new GroupProperties(list, null);
    }

    private static UserList users(Msisdn... who) {
        return new UserList(Arrays.stream(who).map(m -> new User(id(m))).toList(), List.of());
    }

    private static EntityList entities(Msisdn... who) {
        return new EntityList(Arrays.stream(who).map(WvBlockingEndToEndTest::id).toList(), List.of(), List.of());
    }

    private static List<String> screenNames(CspVersion version, UserList list, io.mobim.wv.model.UserMapList map) {
        return version == CspVersion.V1_2 && map != null ? map.mappings().stream().map(UserMapping::sName).toList()
                : list.screenNames().stream().map(ScreenName::sName).toList();
    }
}
