package io.mobim.platform.rooms;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Room changes waiting for the clients of the members who were in the room and take its notices (every member
 * does until they unsubscribe, CSP SubscribeGroupNotice): written in the transaction of the change for those with a
 * live client session ({@code im.room_notice}), handed out on one of their polls and deleted as they go.
 */
public class RoomNotices {

    private final JdbcClient jdbc;
    private final Clock clock;

    RoomNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onRoomChanged(RoomChanged e) {
        String[] recipients = e.others().stream().map(m -> m.msisdn().value()).filter(m -> e.msisdn() == null || !m.equals(e.msisdn().value()))
                .toArray(String[]::new);
        if (recipients.length == 0) {
            return;
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into im.room_notice (recipient, room, change, msisdn, nickname, created_at)
                select r, ?, ?, ?, ?, ? from unnest(?::varchar[]) r
                where exists (select 1 from im.client_session s where s.msisdn = r and s.expires_at > ?)
                  and exists (select 1 from im.room_member m where m.room = ? and m.msisdn = r and m.notices)""")
                .params(e.room(), e.change().name(), e.msisdn() == null ? null : e.msisdn().value(), e.nickname(), now, recipients, now,
                        e.room())
                .update();
    }

    /**
     * Whether {@code member} is told of the room's changes from now on; changes already waiting still go out. Returns
     * false if they are not in the room.
     */
    @Transactional
    public boolean subscribe(String room, Msisdn member, boolean notices) {
        return jdbc.sql("update im.room_member set notices = ? where room = ? and msisdn = ?")
                .params(notices, Rooms.normal(room), member.value()).update() > 0;
    }

    /** Whether {@code member} is told of the room's changes; empty if they are not in the room. */
    @Transactional(readOnly = true)
    public Optional<Boolean> subscribed(String room, Msisdn member) {
        return jdbc.sql("select notices from im.room_member where room = ? and msisdn = ?")
                .params(Rooms.normal(room), member.value()).query(Boolean.class).optional();
    }

    /** The oldest change waiting for {@code recipient}'s client, taken off the queue. */
    @Transactional
    public Optional<Notice> next(Msisdn recipient) {
        return jdbc.sql("""
                delete from im.room_notice n
                where n.id = (select id from im.room_notice where recipient = ? order by id limit 1 for update skip locked)
                returning n.room, n.change, n.msisdn, n.nickname""")
                .param(recipient.value())
                .query((rs, i) -> new Notice(rs.getString(1), RoomChanged.Change.valueOf(rs.getString(2)),
                        rs.getString(3) == null ? null : Msisdn.of(rs.getString(3)), rs.getString(4)))
                .optional();
    }

    /** Whether a change waits for {@code recipient}'s client. */
    @Transactional(readOnly = true)
    public boolean waiting(Msisdn recipient) {
        return jdbc.sql("select exists (select 1 from im.room_notice where recipient = ?)").param(recipient.value())
                .query(Boolean.class).single();
    }

    /** One change of one room, as a member's client is told. */
    public record Notice(String room, RoomChanged.Change change, Msisdn msisdn, String nickname) {
    }
}
