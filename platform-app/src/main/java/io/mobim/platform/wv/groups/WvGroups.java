package io.mobim.platform.wv.groups;

import io.mobim.events.Msisdn;
import io.mobim.platform.rooms.GroupProps;
import io.mobim.platform.rooms.Groups;
import io.mobim.platform.rooms.Room;
import io.mobim.platform.rooms.RoomChanged;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.RoomMember;
import io.mobim.platform.rooms.RoomNotices;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.GroupIds;
import io.mobim.platform.wv.ServerTransactions;
import io.mobim.platform.wv.UserIds;
import io.mobim.platform.wv.session.WvSession;
import io.mobim.wv.CspVersion;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.CreateGroupRequest;
import io.mobim.wv.model.DeleteGroupRequest;
import io.mobim.wv.model.GetGroupPropsRequest;
import io.mobim.wv.model.GetGroupPropsResponse;
import io.mobim.wv.model.GroupChangeNotice;
import io.mobim.wv.model.GroupProperties;
import io.mobim.wv.model.JoinGroupRequest;
import io.mobim.wv.model.JoinGroupResponse;
import io.mobim.wv.model.LeaveGroupRequest;
import io.mobim.wv.model.LeaveGroupResponse;
import io.mobim.wv.model.MemberList;
import io.mobim.wv.model.Property;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.ScreenName;
import io.mobim.wv.model.SetGroupPropsRequest;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.Transaction;
import io.mobim.wv.model.User;
import io.mobim.wv.model.UserList;
import io.mobim.wv.model.UserMapList;
import io.mobim.wv.model.UserMapping;
import io.mobim.wv.model.WelcomeNote;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * CSP groups on the IM core's rooms: subscribers' OPEN and restricted groups ({@link Groups}) and the operator's public
 * rooms ({@link Rooms}, whose members stay anonymous: screen names only). CreateGroup, DeleteGroup, JoinGroup,
 * LeaveGroup, GetGroupProps, SetGroupProps, and GroupChangeNotice on a poll to the clients of the members in the
 * group who take its notices (all unless JoinGroup or CreateGroup said SubscribeNotification F, or they unsubscribed:
 * {@link WvGroupNotices}). The member list, roles and reject list are {@link WvGroupMembers}'.
 */
public class WvGroups {

    private final Rooms rooms;
    private final Groups groups;
    private final RoomNotices notices;
    private final GroupIds groupIds;
    private final UserIds userIds;

    public WvGroups(Rooms rooms, Groups groups, RoomNotices notices, GroupIds groupIds, UserIds userIds) {
        this.rooms = rooms;
        this.groups = groups;
        this.notices = notices;
        this.groupIds = groupIds;
        this.userIds = userIds;
    }

    /** Creates the client user's group; they are in it (under their screen name, if given) unless JoinGroup is F. */
    public Status create(Msisdn me, CreateGroupRequest q) {
        String groupId = q.groupId() == null ? "" : q.groupId().strip();
        int slash = groupId.indexOf('/');
        String room = groupIds.room(groupId);
        if (slash < 0 || !room.startsWith(me.value() + "/")) {
            throw new CspFault(StatusCode.INSUFFICIENT_GROUP_PRIVILEGES, "Your groups are wv:" + me.value() + "/<name>@...");
        }
        GroupProps props = props(q.groupProperties());
        GroupFaults.run(() -> groups.create(me, room.substring(room.indexOf('/') + 1), props));
        if (Boolean.FALSE.equals(q.joinGroup())) {
            rooms.leave(me, room);
        } else if (q.screenName() != null && q.screenName().sName() != null) {
            GroupFaults.run(() -> rooms.join(me, room, q.screenName().sName()));
        }
        if (Boolean.FALSE.equals(q.subscribeNotification())) {
            notices.subscribe(room, me, false);
        }
        return ok();
    }

    public Status delete(Msisdn me, DeleteGroupRequest q) {
        String room = groupIds.room(q.groupId());
        GroupFaults.run(() -> groups.delete(me, room));
        return ok();
    }

    /** Joins under the screen name given (else their nickname); the answer lists who is in it if asked. */
    public JoinGroupResponse join(WvSession session, JoinGroupRequest q) {
        String room = groupIds.room(q.groupId());
        if (rooms.memberOf(room, session.msisdn()).isPresent()) {
            throw new CspFault(StatusCode.GROUP_ALREADY_JOINED, "You are in the group already");
        }
        String screenName = q.screenName() == null ? null : q.screenName().sName();
        GroupFaults.run(() -> rooms.join(session.msisdn(), room, screenName));
        if (Boolean.FALSE.equals(q.subscribeNotification())) {
            notices.subscribe(room, session.msisdn(), false); // present members are told unless they say otherwise
        }
        GroupProps props = groups.props(room);
        WelcomeNote welcome = props.welcomeNote() == null ? null : new WelcomeNote("text/plain", "None", props.welcomeNote());
        if (!Boolean.TRUE.equals(q.joinedRequest())) {
            return new JoinGroupResponse(Result.of(StatusCode.SUCCESSFUL), null, null, welcome);
        }
        MemberList joined = members(session.version(), room, rooms.members(room));
        return new JoinGroupResponse(Result.of(StatusCode.SUCCESSFUL), joined.userList(), joined.userMapList(), welcome);
    }

    public LeaveGroupResponse leave(Msisdn me, LeaveGroupRequest q) {
        String room = groupIds.room(q.groupId());
        if (!rooms.leave(me, room)) {
            throw new CspFault(rooms.find(room).isPresent() ? StatusCode.GROUP_NOT_JOINED : StatusCode.GROUP_DOES_NOT_EXIST,
                    "You are not in that group");
        }
        return new LeaveGroupResponse(Result.of(StatusCode.SUCCESSFUL), q.groupId());
    }

    public GetGroupPropsResponse props(GetGroupPropsRequest q) {
        return new GetGroupPropsResponse(properties(GroupFaults.run(() -> groups.props(groupIds.room(q.groupId())))), null);
    }

    public Status change(Msisdn me, SetGroupPropsRequest q) {
        String room = groupIds.room(q.groupId());
        if (q.groupProperties() == null) {
            throw new CspFault(StatusCode.BAD_PARAMETER, "GroupProperties is missing");
        }
        GroupProps props = props(q.groupProperties());
        GroupFaults.run(() -> groups.change(me, room, props));
        return ok();
    }

    /** The next change of a group the client's user is in, or empty; {@code Poll} is set while more wait. */
    public Optional<Transaction> poll(WvSession session) {
        return notices.next(session.msisdn()).map(n -> {
            Optional<Room> room = rooms.find(n.room());
            String groupId = groupIds.of(n.room());
            GroupChangeNotice notice = switch (n.change()) {
                case JOINED -> new GroupChangeNotice(groupId, members(session.version(), n.room(), List.of(member(n))), null, null, null);
                case LEFT -> new GroupChangeNotice(groupId, null, members(session.version(), n.room(), List.of(member(n))), null, null);
                case PROPERTIES -> new GroupChangeNotice(groupId, null, null,
                        room.map(r -> properties(groups.props(r.name()))).orElse(null), null);
            };
            return ServerTransactions.request(notice, notices.waiting(session.msisdn()));
        });
    }

    private static RoomMember member(RoomNotices.Notice n) {
        return new RoomMember(n.room(), n.msisdn(), n.nickname());
    }

    /**
     * Who is in a room as a client is told: screen names only in a public room; in a group each with their UserID (a
     * UserMapList in CSP 1.2, users and screen names in 1.1).
     */
    MemberList members(CspVersion version, String room, List<RoomMember> members) {
        String groupId = groupIds.of(room);
        boolean anonymous = rooms.find(room).map(r -> r.kind() == RoomKind.PUBLIC).orElse(true);
        if (!anonymous && version == CspVersion.V1_2) {
            return new MemberList(null, new UserMapList(members.stream()
                    .map(m -> new UserMapping(userIds.of(m.msisdn()), m.nickname())).toList()));
        }
        List<User> users = anonymous ? List.of() : members.stream().map(m -> new User(userIds.of(m.msisdn()))).toList();
        return new MemberList(new UserList(users, members.stream().map(m -> new ScreenName(m.nickname(), groupId)).toList()), null);
    }

    private static GroupProperties properties(GroupProps p) {
        List<Property> list = new ArrayList<>();
        list.add(new Property("Name", p.title()));
        if (p.topic() != null) {
            list.add(new Property("Topic", p.topic()));
        }
        list.add(new Property("AccessType", p.kind() == RoomKind.PRIVATE ? "Restricted" : "Open"));
        list.add(new Property("PrivateMessaging", "F"));
        list.add(new Property("Searchable", Boolean.TRUE.equals(p.searchable()) ? "T" : "F"));
        if (p.maxJoined() != null) {
            list.add(new Property("MaxActiveUsers", Integer.toString(p.maxJoined())));
        }
        return new GroupProperties(list, p.welcomeNote() == null ? null : new WelcomeNote("text/plain", "None", p.welcomeNote()));
    }

    /** The properties a client sets; 806 for one it may not (private messaging) or a value that is not one. */
    private static GroupProps props(GroupProperties q) {
        String title = null;
        String topic = null;
        RoomKind kind = null;
        Integer max = null;
        Boolean searchable = null;
        if (q != null) {
            for (Property p : q.properties()) {
                String value = p.value() == null ? "" : p.value().strip();
                switch (p.name() == null ? "" : p.name().strip().toLowerCase(Locale.ROOT)) {
                    case "name" -> title = value;
                    case "topic" -> topic = value;
                    case "accesstype" -> kind = switch (value.toLowerCase(Locale.ROOT)) {
                        case "open" -> RoomKind.OPEN;
                        case "restricted" -> RoomKind.PRIVATE;
                        default -> throw invalid("AccessType is Open or Restricted");
                    };
                    case "searchable" -> searchable = bool(value);
                    case "privatemessaging" -> {
                        if (bool(value)) {
                            throw invalid("Private messaging in groups is not served");
                        }
                    }
                    case "maxactiveusers" -> {
                        try {
                            max = Integer.valueOf(value);
                        } catch (NumberFormatException e) {
                            throw invalid("MaxActiveUsers is a number");
                        }
                    }
                    default -> { } // vendors' and unsupported properties (AutoDelete, ...) are ignored
                }
            }
        }
        String welcome = q == null || q.welcomeNote() == null ? null : q.welcomeNote().contentData();
        return new GroupProps(title, topic, kind, welcome, max, searchable);
    }

    private static boolean bool(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "T", "TRUE" -> true;
            case "F", "FALSE" -> false;
            default -> throw invalid("A yes/no property is T or F");
        };
    }

    private static CspFault invalid(String why) {
        return new CspFault(StatusCode.INVALID_GROUP_PROPERTIES, why);
    }

    private static Status ok() {
        return new Status(Result.of(StatusCode.SUCCESSFUL));
    }
}
