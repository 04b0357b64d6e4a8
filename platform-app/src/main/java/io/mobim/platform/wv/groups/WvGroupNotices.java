package io.mobim.platform.wv.groups;

import io.mobim.events.Msisdn;
import io.mobim.platform.rooms.Groups;
import io.mobim.platform.rooms.Room;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.RoomMember;
import io.mobim.platform.rooms.RoomNotices;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.CspRoutes;
import io.mobim.platform.wv.GroupIds;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.GetJoinedUsersRequest;
import io.mobim.wv.model.GetJoinedUsersResponse;
import io.mobim.wv.model.Primitive;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.SubscribeGroupNoticeRequest;
import io.mobim.wv.model.SubscribeGroupNoticeResponse;
import io.mobim.wv.model.UserMapList;
import io.mobim.wv.model.UserMapping;
import java.util.List;
import java.util.Locale;

/**
 * Who is in a group now and who is told of its changes, over CSP: SubscribeGroupNotice (S subscribe, U unsubscribe,
 * G get: T or F) for a member in the group, whose client then gets GroupChangeNotice on its polls or not; and, in
 * CSP 1.2, GetJoinedUsers: the screen names in the group, each with its UserID except in a public room, whose members
 * stay anonymous. A restricted group's joined users are for those on its member list or in it.
 */
public class WvGroupNotices implements CspRoutes {

    private final Rooms rooms;
    private final Groups groups;
    private final RoomNotices notices;
    private final GroupIds groupIds;
    private final UserIds userIds;

    public WvGroupNotices(Rooms rooms, Groups groups, RoomNotices notices, GroupIds groupIds, UserIds userIds) {
        this.rooms = rooms;
        this.groups = groups;
        this.notices = notices;
        this.groupIds = groupIds;
        this.userIds = userIds;
    }

    @Override
    public Primitive answer(WvSession session, String tid, Primitive request) {
        return switch (request) {
            case SubscribeGroupNoticeRequest q -> subscribe(session.msisdn(), q);
            case GetJoinedUsersRequest q -> joined(session.msisdn(), q);
            default -> null;
        };
    }

    /** Subscribes or unsubscribes (answered with a Status), or tells whether subscribed (SubscribeGroupNotice-Response). */
    Primitive subscribe(Msisdn me, SubscribeGroupNoticeRequest q) {
        String room = existing(q.groupId()).name();
        String type = q.subscribeType() == null ? "" : q.subscribeType().strip().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "S", "U" -> {
                if (!notices.subscribe(room, me, type.equals("S"))) {
                    throw notJoined();
                }
                yield new Status(Result.of(StatusCode.SUCCESSFUL));
            }
            case "G" -> new SubscribeGroupNoticeResponse(Result.of(StatusCode.SUCCESSFUL),
                    notices.subscribed(room, me).orElseThrow(WvGroupNotices::notJoined) ? "T" : "F");
            default -> throw new CspFault(StatusCode.BAD_PARAMETER, "SubscribeType is S, U or G");
        };
    }

    /** The users in the group now: screen names, with UserIDs except in a public room. */
    GetJoinedUsersResponse joined(Msisdn me, GetJoinedUsersRequest q) {
        Room room = existing(q.groupId());
        if (room.kind() == RoomKind.PRIVATE && rooms.memberOf(room.name(), me).isEmpty() && groups.role(room.name(), me).isEmpty()) {
            throw new CspFault(StatusCode.INSUFFICIENT_GROUP_PRIVILEGES, "Only its members see who is in a restricted group");
        }
        boolean anonymous = room.kind() == RoomKind.PUBLIC;
        List<RoomMember> members = rooms.members(room.name());
        return new GetJoinedUsersResponse(Result.of(StatusCode.SUCCESSFUL), new UserMapList(members.stream()
                .map(m -> new UserMapping(anonymous ? null : userIds.of(m.msisdn()), m.nickname())).toList()), null);
    }

    private Room existing(String groupId) {
        return rooms.find(groupIds.room(groupId))
                .orElseThrow(() -> new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "No such group"));
    }

    private static CspFault notJoined() {
        return new CspFault(StatusCode.GROUP_NOT_JOINED, "You are not in that group");
    }
}
