package io.mobim.platform.rooms;

import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.InvalidSubscriberData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups subscribers own: created under their owner's number ({@code +447700900101/chat}), with a member list whose
 * members have roles (the owner is an ADMIN; ADMINs and MODERATORs manage the group, only ADMINs change roles), a
 * reject list, and properties. Who is in a group now, and joining and leaving, are {@link Rooms}'. Every method refuses
 * ({@link RoomRefused}) before writing anything.
 */
public class Groups {

    /** A group's own name: letters, digits, {@code _ . -}, at most 40. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private final JdbcClient jdbc;
    private final Rooms rooms;
    private final ApplicationEventPublisher events;

    Groups(JdbcClient jdbc, Rooms rooms, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.rooms = rooms;
        this.events = events;
    }

    /** The room name of {@code owner}'s group {@code name}. */
    public static String key(Msisdn owner, String name) {
        return owner.value() + "/" + name.toLowerCase(Locale.ROOT);
    }

    /**
     * Creates {@code owner}'s group {@code name} (OPEN or PRIVATE) with {@code props}; the owner is in it.
     *
     * @throws RoomRefused NAME_TAKEN when they have one of that name, INVALID_NAME, INVALID_PROPERTIES
     */
    @Transactional(noRollbackFor = {RoomRefused.class, InvalidSubscriberData.class})
    public Room create(Msisdn owner, String name, GroupProps props) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new RoomRefused(RoomRefused.Reason.INVALID_NAME, "a group name has 1..40 letters, digits, '_', '.' or '-'");
        }
        RoomKind kind = props.kind() == null ? RoomKind.OPEN : props.kind();
        if (kind == RoomKind.PUBLIC) {
            throw new RoomRefused(RoomRefused.Reason.INVALID_PROPERTIES, "public rooms are the operator's");
        }
        check(props);
        Room room = rooms.createNamed(key(owner, name), props.title() == null ? name : props.title(), kind, owner);
        write(room.name(), props);
        return room;
    }

    /** Deletes a group, with its member list and who is in it; only its owner may. */
    @Transactional(noRollbackFor = RoomRefused.class)
    public void delete(Msisdn who, String room) {
        Room r = rooms.require(room);
        if (r.owner() == null || !r.owner().equals(who)) {
            throw new RoomRefused(RoomRefused.Reason.NOT_OWNER, "only the owner of " + r.name() + " deletes it");
        }
        jdbc.sql("delete from im.room where name = ?").param(r.name()).update();
    }

    /** The room's properties. */
    @Transactional(readOnly = true)
    public GroupProps props(String room) {
        return jdbc.sql("select title, topic, kind, welcome_note, max_joined, searchable from im.room where name = ?")
                .param(Rooms.normal(room))
                .query((rs, i) -> new GroupProps(rs.getString(1), rs.getString(2), RoomKind.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, Integer.class), rs.getBoolean(6)))
                .optional().orElseThrow(() -> new RoomRefused(RoomRefused.Reason.NO_SUCH_ROOM, "no room " + Rooms.normal(room)));
    }

    /** Changes the properties given (a manager's); the members in the group are told. */
    @Transactional(noRollbackFor = RoomRefused.class)
    public void change(Msisdn who, String room, GroupProps props) {
        Room r = managed(who, room);
        if (props.kind() == RoomKind.PUBLIC || (props.kind() != null && r.kind() == RoomKind.PUBLIC)) {
            throw new RoomRefused(RoomRefused.Reason.INVALID_PROPERTIES, "a public room stays public, a group a group");
        }
        check(props);
        write(r.name(), props);
        events.publishEvent(new RoomChanged(r.name(), who, null, RoomChanged.Change.PROPERTIES, rooms.members(r.name())));
    }

    /** The member list with each member's role, the owner first. */
    @Transactional(readOnly = true)
    public Map<Msisdn, RoomRole> memberList(String room) {
        Map<Msisdn, RoomRole> out = new LinkedHashMap<>();
        jdbc.sql("select msisdn, role from im.room_access where room = ? order by role, msisdn").param(Rooms.normal(room))
                .query(rs -> {
                    out.put(Msisdn.of(rs.getString(1)), RoomRole.valueOf(rs.getString(2)));
                });
        return out;
    }

    /** {@code who}'s role in the group, if on its member list. */
    @Transactional(readOnly = true)
    public Optional<RoomRole> role(String room, Msisdn who) {
        return jdbc.sql("select role from im.room_access where room = ? and msisdn = ?").params(Rooms.normal(room), who.value())
                .query((rs, i) -> RoomRole.valueOf(rs.getString(1))).optional();
    }

    /** A manager puts subscribers on the member list (as MEMBERs; those on it keep their role). */
    @Transactional(noRollbackFor = RoomRefused.class)
    public void addMembers(Msisdn who, String room, List<Msisdn> members) {
        Room r = managed(who, room);
        members.forEach(m -> jdbc.sql("insert into im.room_access (room, msisdn, role) values (?, ?, 'MEMBER') on conflict do nothing")
                .params(r.name(), m.value()).update());
    }

    /** A manager takes subscribers off the member list; one in a PRIVATE group leaves it. The owner stays. */
    @Transactional(noRollbackFor = RoomRefused.class)
    public void removeMembers(Msisdn who, String room, List<Msisdn> members) {
        Room r = managed(who, room);
        for (Msisdn m : members) {
            if (!m.equals(r.owner())
                    && jdbc.sql("delete from im.room_access where room = ? and msisdn = ?").params(r.name(), m.value()).update() > 0
                    && r.kind() == RoomKind.PRIVATE) {
                rooms.leave(m, r.name());
            }
        }
    }

    /** An ADMIN gives members of the list a role; the owner stays an ADMIN. */
    @Transactional(noRollbackFor = RoomRefused.class)
    public void setRoles(Msisdn who, String room, Map<Msisdn, RoomRole> roles) {
        Room r = managed(who, room);
        if (role(r.name(), who).orElse(null) != RoomRole.ADMIN) {
            throw new RoomRefused(RoomRefused.Reason.NOT_ALLOWED, "only an admin of " + r.name() + " gives roles");
        }
        roles.forEach((m, role) -> {
            if (!m.equals(r.owner())) {
                jdbc.sql("""
                        insert into im.room_access (room, msisdn, role) values (?, ?, ?)
                        on conflict (room, msisdn) do update set role = excluded.role""").params(r.name(), m.value(), role.name()).update();
            }
        });
    }

    /** The reject list. */
    @Transactional(readOnly = true)
    public List<Msisdn> rejected(String room) {
        return jdbc.sql("select msisdn from im.room_reject where room = ? order by msisdn").param(Rooms.normal(room))
                .query((rs, i) -> Msisdn.of(rs.getString(1))).list();
    }

    /** A manager changes the reject list; someone put on it who is in the group leaves it. The owner is never on it. */
    @Transactional(noRollbackFor = RoomRefused.class)
    public void changeRejected(Msisdn who, String room, List<Msisdn> add, List<Msisdn> remove) {
        Room r = managed(who, room);
        remove.forEach(m -> jdbc.sql("delete from im.room_reject where room = ? and msisdn = ?").params(r.name(), m.value()).update());
        for (Msisdn m : add) {
            if (!m.equals(r.owner())) {
                jdbc.sql("insert into im.room_reject (room, msisdn) values (?, ?) on conflict do nothing").params(r.name(), m.value()).update();
                rooms.leave(m, r.name());
            }
        }
    }

    /** The room, if {@code who} manages it (an ADMIN or MODERATOR of a group). */
    private Room managed(Msisdn who, String room) {
        Room r = rooms.require(room);
        if (r.kind() == RoomKind.PUBLIC || !role(r.name(), who).map(RoomRole::manages).orElse(false)) {
            throw new RoomRefused(RoomRefused.Reason.NOT_ALLOWED, "you do not manage " + r.name());
        }
        return r;
    }

    private static void check(GroupProps props) {
        if ((props.title() != null && (props.title().isBlank() || props.title().length() > 100))
                || (props.topic() != null && props.topic().length() > 100)
                || (props.welcomeNote() != null && props.welcomeNote().length() > 400)
                || (props.maxJoined() != null && props.maxJoined() < 1)) {
            throw new RoomRefused(RoomRefused.Reason.INVALID_PROPERTIES,
                    "a name has 1..100 characters, a topic up to 100, a welcome note up to 400, at least 1 member at once");
        }
    }

    private void write(String room, GroupProps p) {
        jdbc.sql("""
                update im.room set title = coalesce(?, title), topic = coalesce(?, topic), kind = coalesce(?, kind),
                    welcome_note = coalesce(?, welcome_note), max_joined = coalesce(?, max_joined),
                    searchable = coalesce(?, searchable)
                where name = ?""")
                .params(p.title(), p.topic(), p.kind() == null ? null : p.kind().name(), p.welcomeNote(), p.maxJoined(),
                        p.searchable(), room).update();
    }
}
