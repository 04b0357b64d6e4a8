package io.mobim.platform.rooms;

import io.mobim.platform.subscribers.InvalidSubscriberData;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.SubscriberNotFound;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operator's themed public rooms and subscribers' groups: who is in them under which nickname, and the changes
 * the members are told of ({@link RoomChanged}). A group's member list, roles, reject list and properties are
 * {@link Groups}'.
 */
public class Rooms {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    static final RowMapper<Room> ROOM = (rs, i) -> new Room(rs.getString("name"), rs.getString("title"),
            RoomKind.valueOf(rs.getString("kind")), rs.getString("owner") == null ? null : Msisdn.of(rs.getString("owner")));
    private static final RowMapper<RoomMember> MEMBER = (rs, i) -> new RoomMember(rs.getString("room"),
            Msisdn.of(rs.getString("msisdn")), rs.getString("nickname"));

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Rooms(JdbcClient jdbc, Subscribers subscribers, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a public themed room (the operator's) or a private group owned by {@code owner}.
     * Like every method here, it refuses ({@link RoomRefused}) before writing anything and without a failed
     * statement, so a caller's transaction may go on (the SMS command handler answers the refusal in it).
     */
    @Transactional(noRollbackFor = {RoomRefused.class, InvalidSubscriberData.class})
    public Room create(String name, String title, RoomKind kind, Msisdn owner) {
        return createNamed(validName(name), title, kind, owner);
    }

    /** Creates room {@code n}, whose name is valid. The owner of a group is in it and on its member list as ADMIN. */
    Room createNamed(String n, String title, RoomKind kind, Msisdn owner) {
        if (kind != RoomKind.PUBLIC) {
            subscribers.findActive(owner).orElseThrow(() -> new SubscriberNotFound(owner));
        }
        int created = jdbc.sql("insert into im.room (name, title, kind, owner, created_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(n, title == null ? n : title, kind.name(), owner == null ? null : owner.value(), now()).update();
        if (created == 0) {
            throw new RoomRefused(RoomRefused.Reason.NAME_TAKEN, "a room named " + n + " exists already");
        }
        Room room = new Room(n, title == null ? n : title, kind, owner);
        if (kind != RoomKind.PUBLIC) {
            jdbc.sql("insert into im.room_access (room, msisdn, role) values (?, ?, 'ADMIN')").params(n, owner.value()).update();
            insertMember(n, owner, subscribers.get(owner).nickname());
        }
        return room;
    }

    @Transactional(readOnly = true)
    public Optional<Room> find(String name) {
        return jdbc.sql("select * from im.room where name = ?").param(normal(name)).query(ROOM).optional();
    }

    /** The public rooms, by name (ROOMS). */
    @Transactional(readOnly = true)
    public List<Room> publicRooms() {
        return jdbc.sql("select * from im.room where kind = 'PUBLIC' order by name").query(ROOM).list();
    }

    /**
     * Joins a room under {@code nickname}; joining again changes the nickname. Not when on its reject list, nor a
     * PRIVATE group without being on its member list, nor a room as full as it may be.
     */
    @Transactional(noRollbackFor = {RoomRefused.class, InvalidSubscriberData.class})
    public RoomMember join(Msisdn who, String roomName, String nickname) {
        Room room = require(roomName);
        String n = room.name();
        if (jdbc.sql("select exists (select 1 from im.room_reject where room = ? and msisdn = ?)").params(n, who.value())
                .query(Boolean.class).single()) {
            throw new RoomRefused(RoomRefused.Reason.REJECTED, "you may not join " + n);
        }
        if (room.kind() == RoomKind.PRIVATE && jdbc.sql("select exists (select 1 from im.room_access where room = ? and msisdn = ?)")
                .params(n, who.value()).query(Boolean.class).single() == Boolean.FALSE) {
            throw new RoomRefused(RoomRefused.Reason.PRIVATE, n + " is a private group: its owner adds members");
        }
        if (!isMember(n, who) && jdbc.sql("""
                select coalesce(r.max_joined <= (select count(*) from im.room_member m where m.room = r.name), false)
                from im.room r where r.name = ?""").param(n).query(Boolean.class).single()) {
            throw new RoomRefused(RoomRefused.Reason.FULL, n + " is full");
        }
        String nick = nickname != null ? Subscribers.validNickname(nickname)
                : subscribers.findActive(who).orElseThrow(() -> new SubscriberNotFound(who)).nickname();
        if (isMember(room.name(), who)) {
            int renamed = jdbc.sql("""
                    update im.room_member set nickname = ? where room = ? and msisdn = ?
                    and not exists (select 1 from im.room_member o where o.room = ? and lower(o.nickname) = lower(?) and o.msisdn <> ?)""")
                    .params(nick, room.name(), who.value(), room.name(), nick, who.value()).update();
            if (renamed == 0) {
                throw nicknameTaken(nick, room);
            }
            return new RoomMember(room.name(), who, nick);
        }
        insertMember(room.name(), who, nick);
        return new RoomMember(room.name(), who, nick);
    }

    /** The owner of a group puts a subscriber on its member list (a PRIVATE group's members may then join it). */
    @Transactional(noRollbackFor = {RoomRefused.class, InvalidSubscriberData.class})
    public void addMember(Msisdn owner, String roomName, Msisdn member) {
        Room room = require(roomName);
        if (room.owner() == null || !room.owner().equals(owner)) {
            throw new RoomRefused(RoomRefused.Reason.NOT_OWNER, "only the owner of " + room.name() + " adds members");
        }
        subscribers.findActive(member).orElseThrow(() -> new SubscriberNotFound(member));
        jdbc.sql("insert into im.room_access (room, msisdn, role) values (?, ?, 'MEMBER') on conflict do nothing")
                .params(room.name(), member.value()).update();
    }

    /** Leaves a room; returns false if {@code who} was not in it. */
    @Transactional
    public boolean leave(Msisdn who, String roomName) {
        String n = normal(roomName);
        Optional<String> nick = jdbc.sql("delete from im.room_member where room = ? and msisdn = ? returning nickname")
                .params(n, who.value()).query(String.class).optional();
        nick.ifPresent(k -> events.publishEvent(new RoomChanged(n, who, k, RoomChanged.Change.LEFT, members(n))));
        return nick.isPresent();
    }

    @Transactional(readOnly = true)
    public List<RoomMember> members(String roomName) {
        return jdbc.sql("select * from im.room_member where room = ? order by joined_at, msisdn").param(normal(roomName)).query(MEMBER).list();
    }

    @Transactional(readOnly = true)
    public Optional<RoomMember> memberOf(String roomName, Msisdn who) {
        return jdbc.sql("select * from im.room_member where room = ? and msisdn = ?").params(normal(roomName), who.value()).query(MEMBER).optional();
    }

    /** The member of {@code roomName} called {@code nickname}, ignoring case. */
    @Transactional(readOnly = true)
    public Optional<RoomMember> memberByNickname(String roomName, String nickname) {
        return jdbc.sql("select * from im.room_member where room = ? and lower(nickname) = lower(?)")
                .params(normal(roomName), nickname).query(MEMBER).optional();
    }

    /** The rooms {@code who} is in. */
    @Transactional(readOnly = true)
    public List<RoomMember> membershipsOf(Msisdn who) {
        return jdbc.sql("select * from im.room_member where msisdn = ? order by room").param(who.value()).query(MEMBER).list();
    }

    private boolean isMember(String room, Msisdn who) {
        return memberOf(room, who).isPresent();
    }

    private void insertMember(String room, Msisdn who, String nick) {
        List<RoomMember> before = members(room);
        // on conflict, not a caught DuplicateKeyException: a failed statement would abort the caller's transaction
        int inserted = jdbc.sql("insert into im.room_member (room, msisdn, nickname, joined_at) values (?, ?, ?, ?) on conflict do nothing")
                .params(room, who.value(), nick, now()).update();
        if (inserted == 0) {
            throw nicknameTaken(nick, require(room));
        }
        events.publishEvent(new RoomChanged(room, who, nick, RoomChanged.Change.JOINED, before));
    }

    private RoomRefused nicknameTaken(String nick, Room room) {
        return new RoomRefused(RoomRefused.Reason.NICKNAME_TAKEN, "the nickname " + nick + " is taken in " + room.name());
    }

    Room require(String name) {
        return find(name).orElseThrow(() -> new RoomRefused(RoomRefused.Reason.NO_SUCH_ROOM, "no room " + normal(name)));
    }

    private static String validName(String name) {
        String n = normal(name);
        if (!NAME.matcher(n).matches()) {
            throw new RoomRefused(RoomRefused.Reason.INVALID_NAME, "a room name has 1..32 letters, digits, '_' or '-'");
        }
        return n;
    }

    static String normal(String name) {
        if (name == null) {
            return "";
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.startsWith("#") ? n.substring(1) : n;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
