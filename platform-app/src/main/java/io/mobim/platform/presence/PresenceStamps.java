package io.mobim.platform.presence;

import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Marks a subscriber's presence as changed without changing what they set, in the caller's transaction. */
final class PresenceStamps {

    private final JdbcClient jdbc;
    private final Clock clock;

    PresenceStamps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Marks {@code msisdn}'s presence as changed (a client came or went, and when it went {@code lastSeen} is set; or
     * a watcher was unblocked): watchers see it on their next poll. Not while they are invisible: they look offline
     * either way, and a change would hint. (What concerns one watcher, their acceptance or the attribute lists that
     * cover them, stamps their authorisation instead: im V48.)
     */
    void stamp(String msisdn, Timestamp lastSeen) {
        jdbc.sql("""
                insert into im.presence (msisdn, availability, updated_at, last_seen, change_xid)
                values (?, 'AVAILABLE', ?, ?, pg_current_xact_id())
                on conflict (msisdn) do update set last_seen = coalesce(excluded.last_seen, im.presence.last_seen),
                    change_xid = case when im.presence.availability = 'INVISIBLE' then im.presence.change_xid else excluded.change_xid end""")
                .params(msisdn, Timestamp.from(clock.instant()), lastSeen).update();
    }
}
