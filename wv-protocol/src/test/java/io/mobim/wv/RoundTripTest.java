package io.mobim.wv;

import static org.assertj.core.api.Assertions.assertThat;

import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.WvMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every primitive, fully populated and empty, round-trips through both codecs in both versions. */
class RoundTripTest {

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Class<?> type : Samples.primitiveTypes()) {
            for (CspVersion v : CspVersion.values()) {
                for (String codec : List.of("xml", "wbxml")) {
                    out.add(Arguments.of(type.getSimpleName(), v, codec, type));
                }
            }
        }
        return out;
    }

    private static WvCodec codec(String name) {
        return name.equals("xml") ? WvCodec.xml() : WvCodec.wbxml();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void fullPrimitiveRoundTrips(String name, CspVersion v, String codecName, Class<?> type) throws Exception {
        WvMessage m = Samples.message(v, Samples.full(type));
        WvCodec codec = codec(codecName);
        byte[] bytes = codec.encode(m);
        WvMessage back = codec.decode(bytes, WvLimits.DEFAULT);
        assertThat(back).isEqualTo(m);
        assertThat(codec.encode(back)).isEqualTo(bytes);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void emptyPrimitiveRoundTrips(String name, CspVersion v, String codecName, Class<?> type) throws Exception {
        WvMessage m = Samples.message(v, Samples.empty(type));
        WvCodec codec = codec(codecName);
        assertThat(codec.decode(codec.encode(m), WvLimits.DEFAULT)).isEqualTo(m);
    }

    @Test
    void everyPrimitiveOfTheReferenceIsModelled() {
        List<String> names = new ArrayList<>();
        for (Class<?> t : Samples.primitiveTypes()) {
            names.add(((Primitive) Samples.empty(t)).elementName());
        }
        assertThat(names).contains(
                // section 4: session
                "Login-Request", "Login-Response", "ClientCapability-Request", "ClientCapability-Response",
                "Service-Request", "Service-Response", "KeepAlive-Request", "KeepAlive-Response", "Polling-Request",
                "Logout-Request", "Disconnect", "GetSPInfo-Request", "GetSPInfo-Response", "Status",
                // section 5: presence
                "UpdatePresence-Request", "GetPresence-Request", "GetPresence-Response", "SubscribePresence-Request",
                "UnsubscribePresence-Request", "PresenceNotification-Request", "PresenceAuth-Request",
                "PresenceAuth-User", "CancelAuth-Request", "GetWatcherList-Request", "GetWatcherList-Response",
                "CreateAttributeList-Request", "DeleteAttributeList-Request", "GetAttributeList-Request",
                "GetAttributeList-Response", "GetReactiveAuthStatus-Request", "GetReactiveAuthStatus-Response",
                // section 6: contact lists
                "GetList-Request", "GetList-Response", "CreateList-Request", "DeleteList-Request",
                "ListManage-Request", "ListManage-Response",
                // section 7: messaging
                "SendMessage-Request", "SendMessage-Response", "NewMessage", "MessageDelivered",
                "MessageNotification", "GetMessage-Request", "GetMessage-Response", "RejectMessage-Request",
                "GetMessageList-Request", "GetMessageList-Response", "DeliveryReport-Request",
                "SetDeliveryMethod-Request", "ForwardMessage-Request",
                // section 8: groups, invitations, blocking, search
                "CreateGroup-Request", "DeleteGroup-Request", "JoinGroup-Request", "JoinGroup-Response",
                "LeaveGroup-Request", "LeaveGroup-Response", "GroupChangeNotice", "GetGroupMembers-Request",
                "GetGroupMembers-Response", "AddGroupMembers-Request", "RemoveGroupMembers-Request",
                "MemberAccess-Request", "GetGroupProps-Request", "GetGroupProps-Response", "SetGroupProps-Request",
                "RejectList-Request", "RejectList-Response", "SubscribeGroupNotice-Request",
                "SubscribeGroupNotice-Response", "GetJoinedUsers-Request", "GetJoinedUsers-Response",
                "Invite-Request", "Invite-Response", "InviteUser-Request", "InviteUser-Response",
                "CancelInvite-Request", "CancelInviteUser-Request", "GetBlockedList-Request",
                "GetBlockedList-Response", "BlockEntity-Request", "Search-Request", "Search-Response",
                "StopSearch-Request");
        assertThat(names).hasSize(83).doesNotHaveDuplicates();
    }

    @Test
    void aMessageCanBeAnsweredInTheOtherVersion() throws Exception {
        for (Class<?> type : Samples.primitiveTypes()) {
            WvMessage m11 = Samples.message(CspVersion.V1_1, Samples.full(type));
            for (WvCodec codec : List.of(WvCodec.xml(), WvCodec.wbxml())) {
                WvMessage back = codec.decode(codec.encode(m11, CspVersion.V1_2), WvLimits.DEFAULT);
                assertThat(back).isEqualTo(m11.withVersion(CspVersion.V1_2));
            }
        }
    }
}
