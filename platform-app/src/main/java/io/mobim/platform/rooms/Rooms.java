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

/** Themed public chat rooms and private groups: membership under nicknames, and group change notices. */
public class Rooms {

    public static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final RowMapper<Room> ROOM = (rs, i) -> new Room(rs.getString("name"), rs.getString("title"),
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
        String n = validName(name);
        if (kind == RoomKind.PRIVATE) {
            subscribers.findActive(owner).orElseThrow(() -> new SubscriberNotFound(owner));
        }
        int created = jdbc.sql("insert into im.room (name, title, kind, owner, created_at) values (?, ?, ?, ?, ?) on conflict do nothing")
                .params(n, title == null ? n : title, kind.name(), owner == null ? null : owner.value(), now()).update();
        if (created == 0) {
            throw new RoomRefused(RoomRefused.Reason.NAME_TAKEN, "a room named " + n + " exists already");
        }
        Room room = new Room(n, title == null ? n : title, kind, owner);
        if (kind == RoomKind.PRIVATE) {
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

    /** Joins a public room under {@code nickname}; joining again changes the nickname. */
    @Transactional(noRollbackFor = {RoomRefused.class, InvalidSubscriberData.class})
    public RoomMember join(Msisdn who, String roomName, String nickname) {
        Room room = require(roomName);
        if (room.kind() == RoomKind.PRIVATE && !isMember(room.name(), who)) {
            throw new RoomRefused(RoomRefused.Reason.PRIVATE, room.name() + " is a private group: its owner adds members");
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

    /** The owner of a private group adds a member (who is told through the group change notice). */
    @Transactional(noRollbackFor = {RoomRefused.class, InvalidSubscriberData.class})
    public RoomMember addMember(Msisdn owner, String roomName, Msisdn member) {
        Room room = require(roomName);
        if (room.owner() == null || !room.owner().equals(owner)) {
            throw new RoomRefused(RoomRefused.Reason.NOT_OWNER, "only the owner of " + room.name() + " adds members");
        }
        String nick = subscribers.findActive(member).orElseThrow(() -> new SubscriberNotFound(member)).nickname();
        if (isMember(room.name(), member)) {
            return memberOf(room.name(), member).orElseThrow();
        }
        insertMember(room.name(), member, nick);
        return new RoomMember(room.name(), member, nick);
    }

    /** Leaves a room; returns false if {@code who} was not in it. */
    @Transactional
    public boolean leave(Msisdn who, String roomName) {
        String n = normal(roomName);
        Optional<String> nick = jdbc.sql("delete from im.room_member where room = ? and msisdn = ? returning nickname")
                .params(n, who.value()).query(String.class).optional();
        nick.ifPresent(k -> events.publishEvent(new RoomChanged(n, k, RoomChanged.Change.LEFT, members(n))));
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
        events.publishEvent(new RoomChanged(room, nick, RoomChanged.Change.JOINED, before));
    }

    private RoomRefused nicknameTaken(String nick, Room room) {
        return new RoomRefused(RoomRefused.Reason.NICKNAME_TAKEN, "the nickname " + nick + " is taken in " + room.name());
    }

    private Room require(String name) {
        return find(name).orElseThrow(() -> new RoomRefused(RoomRefused.Reason.NO_SUCH_ROOM, "no room " + normal(name)));
    }

    private static String validName(String name) {
        String n = normal(name);
        if (!NAME.matcher(n).matches()) {
            throw new RoomRefused(RoomRefused.Reason.INVALID_NAME, "a room name has 1..32 letters, digits, '_' or '-'");
        }
        return n;
    }

    private static String normal(String name) {
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
