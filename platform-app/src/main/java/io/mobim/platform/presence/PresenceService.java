package io.mobim.platform.presence;

import io.mobim.events.charging.Channel;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.platform.subscribers.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberNotFound;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Presence with authorisation (RFC 2778/2779) and the client sessions it depends on.
 *
 * <p>Fan-out is one statement: it flags the live sessions of the accepted, unblocked watchers, and each session
 * then reads the latest presence of its contacts on its next poll. Ten changes between two polls cost one
 * read: flapping coalesces by construction, and nothing is pushed to watchers who are offline.
 */
public class PresenceService {

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final ApplicationEventPublisher events;
    private final PresenceSettings settings;
    private final ChargingRecorder charging;
    private final Clock clock;

    PresenceService(JdbcClient jdbc, Subscribers subscribers, ApplicationEventPublisher events, PresenceSettings settings,
                    ChargingRecorder charging, Clock clock) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.events = events;
        this.settings = settings;
        this.charging = charging;
        this.clock = clock;
    }

    /**
     * Sets {@code who}'s presence and flags the sessions of their online, authorised watchers.
     *
     * @return how many watcher sessions were notified
     */
    @Transactional
    public int update(Msisdn who, Availability availability, String statusText, String location) {
        subscribers.findActive(who).orElseThrow(() -> new SubscriberNotFound(who));
        if (statusText != null && statusText.length() > 100) {
            throw new IllegalArgumentException("a status text has at most 100 characters");
        }
        if (location != null && location.length() > 100) {
            throw new IllegalArgumentException("a location has at most 100 characters");
        }
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into im.presence (msisdn, availability, status_text, location, updated_at)
                values (?, ?, ?, ?, ?)
                on conflict (msisdn) do update set availability = excluded.availability, status_text = excluded.status_text,
                    location = excluded.location, updated_at = excluded.updated_at""")
                .params(who.value(), availability.name(), statusText, location, now).update();
        return fanOut(who, now);
    }

    /** What {@code watcher} may see of {@code presentity}: empty unless authorised (or themselves) and not blocked. */
    @Transactional(readOnly = true)
    public Optional<PresenceView> view(Msisdn watcher, Msisdn presentity) {
        if (!watcher.equals(presentity) && !mayWatch(watcher, presentity)) {
            return Optional.empty();
        }
        return subscribers.findActive(presentity).map(s -> read(s, watcher.equals(presentity)));
    }

    /** Presence of every contact {@code watcher} may see, in buddy-list order (LIST, and a client's first fetch). */
    @Transactional(readOnly = true)
    public List<PresenceView> contactsOf(Msisdn watcher) {
        return jdbc.sql("""
                select c.contact_msisdn from im.contact c
                join im.presence_authorization a on a.presentity = c.contact_msisdn and a.watcher = c.owner and a.state = 'ACCEPTED'
                where c.owner = ?
                  and not exists (select 1 from im.block b where b.owner = c.contact_msisdn and b.blocked = c.owner)
                order by c.position""")
                .param(watcher.value()).query(String.class).list().stream()
                .map(Msisdn::of)
                .flatMap(m -> subscribers.findActive(m).map(s -> read(s, false)).stream())
                .toList();
    }

    /**
     * The presence changes waiting for a client session: if its flag is set, it is cleared and the presence of
     * every visible contact is returned; otherwise nothing. Called on each poll.
     */
    @Transactional
    public List<PresenceView> changesFor(UUID sessionId) {
        Optional<String> owner = jdbc.sql("""
                update im.client_session set presence_dirty = false
                where id = ? and presence_dirty returning msisdn""").param(sessionId).query(String.class).optional();
        return owner.map(o -> contactsOf(Msisdn.of(o))).orElse(List.of());
    }

    // --- client sessions ---

    /** Opens a client session for an active subscriber; their watchers see them come online. */
    @Transactional
    public UUID openSession(Msisdn msisdn) {
        Subscriber subscriber = subscribers.findActive(msisdn).orElseThrow(() -> new SubscriberNotFound(msisdn));
        charging.dayOfUse(msisdn.value(), subscriber.tariffPlan(), Channel.CLIENT);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // a fresh session reads its contacts' presence on its first poll
        jdbc.sql("""
                insert into im.client_session (id, msisdn, started_at, last_active_at, expires_at, presence_dirty)
                values (?, ?, ?, ?, ?, true)""")
                .params(id, msisdn.value(), Timestamp.from(now), Timestamp.from(now), Timestamp.from(now.plus(settings.sessionTimeout())))
                .update();
        fanOut(msisdn, Timestamp.from(now));
        events.publishEvent(new ClientSessionOpened(id, msisdn));
        return id;
    }

    /** Keeps a session alive; returns the subscriber, or empty if the session is over. */
    @Transactional
    public Optional<Msisdn> touch(UUID sessionId) {
        Instant now = clock.instant();
        return jdbc.sql("""
                update im.client_session set last_active_at = ?, expires_at = ?
                where id = ? and expires_at > ? returning msisdn""")
                .params(Timestamp.from(now), Timestamp.from(now.plus(settings.sessionTimeout())), sessionId, Timestamp.from(now))
                .query(String.class).optional().map(Msisdn::of);
    }

    /** Ends a session (logout). */
    @Transactional
    public void closeSession(UUID sessionId) {
        close(sessionId, false);
    }

    /** Ends every session that has been silent for longer than the session timeout; returns how many. */
    @Transactional
    public int expireSessions() {
        List<UUID> expired = jdbc.sql("select id from im.client_session where expires_at <= ? for update skip locked")
                .param(Timestamp.from(clock.instant())).query(UUID.class).list();
        expired.forEach(id -> close(id, true));
        return expired.size();
    }

    /** Whether {@code msisdn} has a live client session. */
    @Transactional(readOnly = true)
    public boolean isClientOnline(Msisdn msisdn) {
        return jdbc.sql("select exists (select 1 from im.client_session where msisdn = ? and expires_at > ?)")
                .params(msisdn.value(), Timestamp.from(clock.instant())).query(Boolean.class).single();
    }

    /** The live sessions of {@code msisdn}, newest first. */
    @Transactional(readOnly = true)
    public List<UUID> liveSessions(Msisdn msisdn) {
        return jdbc.sql("select id from im.client_session where msisdn = ? and expires_at > ? order by started_at desc")
                .params(msisdn.value(), Timestamp.from(clock.instant())).query(UUID.class).list();
    }

    private void close(UUID sessionId, boolean expired) {
        Instant lastSeen = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Optional<String> owner = jdbc.sql("delete from im.client_session where id = ? returning msisdn")
                .param(sessionId).query(String.class).optional();
        owner.ifPresent(o -> {
            jdbc.sql("""
                    insert into im.presence (msisdn, availability, updated_at, last_seen) values (?, 'AVAILABLE', ?, ?)
                    on conflict (msisdn) do update set last_seen = excluded.last_seen""")
                    .params(o, Timestamp.from(clock.instant()), Timestamp.from(lastSeen)).update();
            fanOut(Msisdn.of(o), Timestamp.from(clock.instant()));
            events.publishEvent(new ClientSessionClosed(sessionId, Msisdn.of(o), expired));
        });
    }

    private boolean mayWatch(Msisdn watcher, Msisdn presentity) {
        return jdbc.sql("""
                select exists (select 1 from im.presence_authorization a
                  where a.presentity = ? and a.watcher = ? and a.state = 'ACCEPTED'
                    and not exists (select 1 from im.block b where b.owner = a.presentity and b.blocked = a.watcher))""")
                .params(presentity.value(), watcher.value()).query(Boolean.class).single();
    }

    /** Flags the live sessions of {@code who}'s accepted, unblocked watchers. One statement, whatever the fan-out. */
    private int fanOut(Msisdn who, Timestamp now) {
        return jdbc.sql("""
                update im.client_session s set presence_dirty = true
                where s.expires_at > ? and not s.presence_dirty
                  and s.msisdn in (select a.watcher from im.presence_authorization a where a.presentity = ? and a.state = 'ACCEPTED')
                  and not exists (select 1 from im.block b where b.owner = ? and b.blocked = s.msisdn)""")
                .params(now, who.value(), who.value()).update();
    }

    private PresenceView read(Subscriber s, boolean self) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                select p.availability, p.status_text, p.location, p.last_seen,
                       exists (select 1 from im.client_session c where c.msisdn = ? and c.expires_at > ?) as online
                from (select ?::varchar as msisdn) x left join im.presence p on p.msisdn = x.msisdn""")
                .params(s.msisdn().value(), now, s.msisdn().value())
                .query((rs, i) -> toView(rs, s, self)).single();
    }

    private static PresenceView toView(ResultSet rs, Subscriber s, boolean self) throws SQLException {
        String a = rs.getString("availability");
        Availability availability = a == null ? Availability.AVAILABLE : Availability.valueOf(a);
        boolean online = rs.getBoolean("online");
        if (availability == Availability.INVISIBLE && !self) {
            // invisible means offline to everyone else: no hint that a session is live
            availability = Availability.AWAY;
            online = false;
        }
        Timestamp lastSeen = rs.getTimestamp("last_seen");
        return new PresenceView(s.msisdn(), availability, rs.getString("status_text"), rs.getString("location"),
                online, !s.smsOptedOut(), lastSeen == null ? null : lastSeen.toInstant());
    }
}
