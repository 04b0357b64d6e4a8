package io.mobim.platform.wv.groups;

import io.mobim.events.Msisdn;
import io.mobim.platform.rooms.Groups;
import io.mobim.platform.rooms.Room;
import io.mobim.platform.rooms.RoomKind;
import io.mobim.platform.rooms.RoomRole;
import io.mobim.platform.rooms.Rooms;
import io.mobim.platform.wv.CspFault;
import io.mobim.platform.wv.Failures;
import io.mobim.platform.wv.GroupIds;
import io.mobim.platform.wv.UserIds;
import io.mobim.wv.StatusCode;
import io.mobim.wv.model.AddGroupMembersRequest;
import io.mobim.wv.model.EntityList;
import io.mobim.wv.model.GetGroupMembersRequest;
import io.mobim.wv.model.GetGroupMembersResponse;
import io.mobim.wv.model.MemberAccessRequest;
import io.mobim.wv.model.MemberList;
import io.mobim.wv.model.RejectListRequest;
import io.mobim.wv.model.RejectListResponse;
import io.mobim.wv.model.RemoveGroupMembersRequest;
import io.mobim.wv.model.Result;
import io.mobim.wv.model.Status;
import io.mobim.wv.model.User;
import io.mobim.wv.model.UserList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A group's member list, roles and reject list over CSP ({@link Groups}): GetGroupMembers (for those on the list or
 * in the group; a public room's members stay anonymous, 804), AddGroupMembers, RemoveGroupMembers, MemberAccess,
 * RejectList (for its ADMINs and MODERATORs).
 */
public class WvGroupMembers {

    private final Rooms rooms;
    private final Groups groups;
    private final GroupIds groupIds;
    private final UserIds userIds;

    public WvGroupMembers(Rooms rooms, Groups groups, GroupIds groupIds, UserIds userIds) {
        this.rooms = rooms;
        this.groups = groups;
        this.groupIds = groupIds;
        this.userIds = userIds;
    }

    public GetGroupMembersResponse members(Msisdn me, GetGroupMembersRequest q) {
        String room = groupIds.room(q.groupId());
        Room r = rooms.find(room).orElseThrow(() -> new CspFault(StatusCode.GROUP_DOES_NOT_EXIST, "No such group"));
        if (r.kind() == RoomKind.PUBLIC) {
            throw new CspFault(StatusCode.GROUP_IS_PUBLIC, "The members of a public room are anonymous");
        }
        Map<Msisdn, RoomRole> list = groups.memberList(room);
        if (!list.containsKey(me) && rooms.memberOf(room, me).isEmpty()) {
            throw new CspFault(StatusCode.INSUFFICIENT_GROUP_PRIVILEGES, "Only members see the member list");
        }
        Map<RoomRole, List<User>> byRole = new LinkedHashMap<>();
        list.forEach((m, role) -> byRole.computeIfAbsent(role, k -> new ArrayList<>()).add(new User(userIds.of(m))));
        return new GetGroupMembersResponse(Result.of(StatusCode.SUCCESSFUL), memberList(byRole.get(RoomRole.ADMIN)),
                memberList(byRole.get(RoomRole.MODERATOR)), new UserList(byRole.getOrDefault(RoomRole.MEMBER, List.of()), List.of()));
    }

    public Status add(Msisdn me, AddGroupMembersRequest q) {
        String room = groupIds.room(q.groupId());
        Failures failures = new Failures();
        List<Msisdn> users = users(q.userList(), failures);
        GroupFaults.run(() -> groups.addMembers(me, room, users));
        return new Status(failures.result(!users.isEmpty()));
    }

    public Status remove(Msisdn me, RemoveGroupMembersRequest q) {
        String room = groupIds.room(q.groupId());
        Failures failures = new Failures();
        List<Msisdn> users = users(q.userList(), failures);
        GroupFaults.run(() -> groups.removeMembers(me, room, users));
        return new Status(failures.result(!users.isEmpty()));
    }

    /** Gives roles: the users under Admin become ADMINs, under Mod MODERATORs, in the UserList ordinary members. */
    public Status access(Msisdn me, MemberAccessRequest q) {
        String room = groupIds.room(q.groupId());
        Failures failures = new Failures();
        Map<Msisdn, RoomRole> roles = new LinkedHashMap<>();
        users(q.userList(), failures).forEach(m -> roles.put(m, RoomRole.MEMBER));
        users(q.mod() == null ? null : q.mod().userList(), failures).forEach(m -> roles.put(m, RoomRole.MODERATOR));
        users(q.admin() == null ? null : q.admin().userList(), failures).forEach(m -> roles.put(m, RoomRole.ADMIN));
        GroupFaults.run(() -> groups.setRoles(me, room, roles));
        return new Status(failures.result(!roles.isEmpty()));
    }

    /** Changes the reject list (a manager's) and answers with it. */
    public RejectListResponse reject(Msisdn me, RejectListRequest q) {
        String room = groupIds.room(q.groupId());
        Failures failures = new Failures();
        List<Msisdn> add = users(q.addList(), failures);
        List<Msisdn> remove = users(q.removeList(), failures);
        GroupFaults.run(() -> groups.changeRejected(me, room, add, remove));
        return new RejectListResponse(failures.result(true),
                new UserList(groups.rejected(room).stream().map(m -> new User(userIds.of(m))).toList(), List.of()));
    }

    private List<Msisdn> users(UserList list, Failures failures) {
        return list == null ? List.of() : userIds.parseAll(list.users().stream().map(User::userId).toList(), failures);
    }

    private List<Msisdn> users(EntityList list, Failures failures) {
        return list == null ? List.of() : userIds.parseAll(list.userIds(), failures);
    }

    private static MemberList memberList(List<User> users) {
        return users == null ? null : new MemberList(new UserList(users, List.of()), null);
    }
}
