package io.mobim.platform.presence;

import io.mobim.events.charging.Channel;
import io.mobim.platform.blocking.AccessListsChanged;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.SubscriberNotFound;
import io.mobim.platform.subscribers.Subscribers;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Presence with authorisation (RFC 2778/2779) and the client sessions it depends on.
 *
 * <p>Fan-out happens on read. A change writes one row: the presentity's presence, stamped with the id of the
 * writing transaction ({@code change_xid}). Each client session keeps the database snapshot of its last poll;
 * its next poll returns the accepted, unblocked contacts whose stamp that snapshot did not see, and stores the
 * poll's own snapshot, in one statement. A change committed after a poll but stamped with a lower transaction id
 * was in progress in that poll's snapshot, so the next poll returns it: nothing is missed. Ten changes between
 * two polls are one row read (flapping coalesces by construction), and an update costs the same for 1 watcher
 * or 10,000; nothing is done for watchers who are offline.
 */
public class PresenceService {

    /**
     * What a view needs of presentity {@code x.msisdn}: its presence row, whether SMS reaches it, whether a client is
     * live; for a peer operator's subscriber ({@code pp}, null for ours) what their operator last pushed.
     */
    private static final String VIEW_COLUMNS = """
            x.msisdn, coalesce(sub.sms_opted_out, not pp.sms_reachable) as sms_opted_out,
            coalesce(p.availability, pp.availability) as availability, coalesce(p.status_text, pp.status_text) as status_text,
            p.location, coalesce(p.last_seen, pp.last_seen) as last_seen,
            (coalesce(pp.client_online, false)
             or exists (select 1 from im.client_session o where o.msisdn = x.msisdn and o.expires_at > ?)) as online""";

    /** Every contact the watcher may see (accepted, active, not blocking them); {@code %s}: the watcher, then a further condition. */
    private static final String VISIBLE_CONTACTS = "select c.position, " + VIEW_COLUMNS + """
            , im.presence_attributes(c.contact_msisdn, c.owner) as shown

            from im.contact c
            cross join lateral (select c.contact_msisdn as msisdn) x
            join im.presence_authorization a on a.presentity = c.contact_msisdn and a.watcher = c.owner and a.state = 'ACCEPTED'
            left join im.subscriber sub on sub.msisdn = c.contact_msisdn
            left join im.presence p on p.msisdn = c.contact_msisdn
            left join im.peer_presence pp on pp.msisdn = c.contact_msisdn and sub.msisdn is null and c.owner = any(pp.watchers)
            where c.owner = %s
              and (sub.status = 'ACTIVE' or pp.msisdn is not null)
              and not (select refused from im.refusal(c.contact_msisdn, c.owner))
              %s
            order by c.position""";

    /** A visible contact's change that session {@code prev}'s last poll did not see (of {@link #VISIBLE_CONTACTS}). */
    private static final String UNSEEN = """
            (prev.seen is null or not pg_visible_in_snapshot(coalesce(p.change_xid, pp.change_xid, '0'::xid8), prev.seen)
             or not pg_visible_in_snapshot(a.change_xid, prev.seen))""";

    /** Of a set of client sessions, those whose next poll would return a change, reading only (see {@link #CHANGES}). */
    private static final String CHANGES_WAIT = """
            select prev.id from (select id, msisdn, presence_snapshot as seen from im.client_session where id = any(?)) prev
            where exists (""" + VISIBLE_CONTACTS.formatted("prev.msisdn", "and " + UNSEEN) + ")";

    /**
     * A poll, in one statement and so with one snapshot: the visible contacts whose last change the snapshot of
     * the session's previous poll did not see (all of them on the first poll); if there are any, this poll's
     * snapshot is stored for the next one. A poll that finds nothing writes nothing. A change is the presentity's
     * (their presence row's stamp) or one of what this watcher may see of them (their authorisation row's stamp,
     * V48: accepted, or an attribute list came to cover them, stopped covering them or changed).
     */
    private static final String CHANGES = """
            with prev as (select id, msisdn, presence_snapshot as seen from im.client_session where id = ?),
            changed as (
            """ + VISIBLE_CONTACTS.formatted("(select msisdn from prev)", "and exists (select 1 from prev where " + UNSEEN + ")") + """
            ),
            stored as (
                update im.client_session s set presence_snapshot = pg_current_snapshot()
                where s.id = (select id from prev) and exists (select 1 from changed))
            select * from changed order by position""";

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final ApplicationEventPublisher events;
    private final PresenceSettings settings;
    private final ChargingRecorder charging;
    private final Clock clock;
    private final SessionTouches touches;
    /** Bytes sessions moved through this instance that are not written yet: see {@link #addData}. */
    private final Map<UUID, Long> unwrittenData = new ConcurrentHashMap<>();

    /** The longest status text, in characters ({@code im.presence.status_text varchar(100)}). */
    public static final int STATUS_TEXT_MAX = 100;

    PresenceService(JdbcClient jdbc, Subscribers subscribers, ApplicationEventPublisher events, PresenceSettings settings,
                    ChargingRecorder charging, Clock clock, SessionTouches touches) {
        this.touches = touches;
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.events = events;
        this.settings = settings;
        this.charging = charging;
        this.clock = clock;
    }

    /**
     * Sets {@code who}'s presence. One row is written; authorised watchers see it on their next poll.
     *
     * @throws SubscriberNotFound if {@code who} is not an active subscriber
     */
    @Transactional
    public void update(Msisdn who, Availability availability, String statusText, String location) {
        write(who, availability, true, statusText, true, location);
    }

    /**
     * Changes some of {@code who}'s presence and keeps the rest, in one statement: the availability unless it is
     * null, the status text if {@code newStatusText} (null clears it); the location stays.
     *
     * @throws SubscriberNotFound if {@code who} is not an active subscriber
     */
    @Transactional
    public void change(Msisdn who, Availability availability, boolean newStatusText, String statusText) {
        write(who, availability, newStatusText, statusText, false, null);
    }

    /** Writes the availability unless null, and the status text and the location where they are new; the rest stays. */
    private void write(Msisdn who, Availability availability, boolean newStatusText, String statusText, boolean newLocation,
                       String location) {
        if (statusText != null && statusText.length() > STATUS_TEXT_MAX) {
            throw new IllegalArgumentException("a status text has at most " + STATUS_TEXT_MAX + " characters");
        }
        if (location != null && location.length() > 100) {
            throw new IllegalArgumentException("a location has at most 100 characters");
        }
        int written = jdbc.sql("""
                insert into im.presence (msisdn, availability, status_text, location, updated_at, change_xid)
                select s.msisdn, coalesce(?::varchar, p.availability, 'AVAILABLE'),
                       case when ? then ?::varchar else p.status_text end, case when ? then ?::varchar else p.location end, ?,
                       pg_current_xact_id()
                from im.subscriber s left join im.presence p on p.msisdn = s.msisdn
                where s.msisdn = ? and s.status = 'ACTIVE'
                on conflict (msisdn) do update set availability = excluded.availability, status_text = excluded.status_text,
                    location = excluded.location, updated_at = excluded.updated_at, change_xid = excluded.change_xid""")
                .params(availability == null ? null : availability.name(), newStatusText, statusText, newLocation, location,
                        Timestamp.from(clock.instant()), who.value()).update();
        if (written == 0) {
            throw new SubscriberNotFound(who);
        }
        events.publishEvent(new PresenceChanged(who));
    }

    /**
     * What {@code watcher} may see of {@code presentity} (ours, or a peer operator's subscriber whose operator named
     * the watcher): empty unless authorised (or themselves) and not blocked.
     */
    @Transactional(readOnly = true)
    public Optional<PresenceView> view(Msisdn watcher, Msisdn presentity) {
        boolean self = watcher.equals(presentity);
        return view(watcher, presentity, self, self);
    }

    /**
     * {@code presentity}'s presence as any authorised watcher sees it (an invisible subscriber is away and offline),
     * empty if they are not an active subscriber here: what their peer operators' watchers are sent.
     */
    @Transactional(readOnly = true)
    public Optional<PresenceView> asWatchersSeeIt(Msisdn presentity) {
        return view(presentity, presentity, true, false);
    }

    private Optional<PresenceView> view(Msisdn watcher, Msisdn presentity, boolean unconditional, boolean self) {
        return jdbc.sql("select " + VIEW_COLUMNS + """
                , case when ? then null else im.presence_attributes(x.msisdn, ?) end as shown
                from (select ?::varchar as msisdn) x
                left join im.subscriber sub on sub.msisdn = x.msisdn
                left join im.presence p on p.msisdn = x.msisdn
                left join im.peer_presence pp on pp.msisdn = x.msisdn and sub.msisdn is null and ?::varchar = any(pp.watchers)
                where (sub.status = 'ACTIVE' or pp.msisdn is not null)
                  and (? or exists (select 1 from im.presence_authorization a
                                    where a.presentity = x.msisdn and a.watcher = ? and a.state = 'ACCEPTED'
                                      and not (select refused from im.refusal(a.presentity, a.watcher))))""")
                .params(Timestamp.from(clock.instant()), unconditional, watcher.value(), presentity.value(), watcher.value(),
                        unconditional, watcher.value())
                .query((rs, i) -> toView(rs, self)).optional();
    }

    /** Presence of every contact {@code watcher} may see, in buddy-list order (LIST, and a client's first fetch). */
    @Transactional(readOnly = true)
    public List<PresenceView> contactsOf(Msisdn watcher) {
        return jdbc.sql(VISIBLE_CONTACTS.formatted("?", ""))
                .params(Timestamp.from(clock.instant()), watcher.value())
                .query((rs, i) -> toView(rs, false)).list();
    }

    /**
     * The presence changes waiting for a client session, called on each poll: the visible contacts that changed
     * since its last poll (every visible contact on its first), each in its latest state. One statement.
     */
    @Transactional
    public List<PresenceView> changesFor(UUID sessionId) {
        return jdbc.sql(CHANGES).params(sessionId, Timestamp.from(clock.instant()))
                .query((rs, i) -> toView(rs, false)).list();
    }

    /** Of {@code sessionIds}, the client sessions whose next poll would return presence changes; marks nothing seen. */
    public Set<UUID> changesWait(Collection<UUID> sessionIds) {
        if (sessionIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql(CHANGES_WAIT).params(sessionIds.toArray(UUID[]::new), Timestamp.from(clock.instant()))
                .query(UUID.class).list());
    }

    // --- client sessions ---

    /** Opens a client session for an active subscriber; their watchers see them come online. */
    @Transactional
    public UUID openSession(Msisdn msisdn) {
        return openSession(msisdn, null);
    }

    /**
     * {@link #openSession(Msisdn)} with the session's own silence timeout (what a CSP client agreed as its keep-alive),
     * instead of {@code mobim.presence.session-timeout}; null for that default.
     */
    @Transactional
    public UUID openSession(Msisdn msisdn, Duration timeout) {
        Subscriber subscriber = subscribers.findActive(msisdn).orElseThrow(() -> new SubscriberNotFound(msisdn));
        charging.dayOfUse(msisdn.value(), subscriber.tariffPlan(), Channel.CLIENT);
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        // a fresh session has no snapshot yet: its first poll reads every visible contact
        jdbc.sql("""
                insert into im.client_session (id, msisdn, started_at, last_active_at, expires_at, timeout_seconds)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, msisdn.value(), Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now.plus(timeout == null ? settings.sessionTimeout() : timeout)),
                        timeout == null ? null : (int) timeout.toSeconds())
                .update();
        stampChange(msisdn.value(), null);
        touches.written(id, msisdn, now);
        events.publishEvent(new ClientSessionOpened(id, msisdn));
        events.publishEvent(new PresenceChanged(msisdn));
        return id;
    }

    /**
     * Keeps a session alive; returns the subscriber, or empty if the session is over. A session known live here is
     * touched in memory, its keep-alive written with the others' within {@code touch-interval} ({@link SessionTouches});
     * one this instance does not know is written at once.
     */
    public Optional<Msisdn> touch(UUID sessionId) {
        Msisdn known = touches.touch(sessionId, clock.instant());
        return known != null ? Optional.of(known) : Optional.ofNullable(touchAll(List.of(sessionId)).get(sessionId));
    }

    /**
     * {@link #touch} for several sessions (a group-committed batch of client requests): one statement for those not
     * known here, taking their rows in id order (two batches touching the same sessions wait, never deadlock).
     * Returns the live ones with their subscriber; a session that is over is absent.
     */
    @Transactional
    public Map<UUID, Msisdn> touchAll(Collection<UUID> sessionIds) {
        Instant now = clock.instant();
        Map<UUID, Msisdn> live = new HashMap<>();
        Set<UUID> toWrite = new LinkedHashSet<>();
        for (UUID id : sessionIds) {
            Msisdn known = touches.touch(id, now);
            if (known != null) {
                live.put(id, known);
            } else {
                toWrite.add(id);
            }
        }
        if (toWrite.isEmpty()) {
            return live;
        }
        UUID[] ids = toWrite.toArray(UUID[]::new);
        Long[] data = takeData(ids);
        jdbc.sql("""
                update im.client_session s set last_active_at = ?,
                    expires_at = ?::timestamptz + make_interval(secs => coalesce(s.timeout_seconds, ?::int)),
                    data_bytes = s.data_bytes + d.bytes
                from unnest(?::uuid[], ?::bigint[]) d(id, bytes)
                where s.id = d.id
                  and s.id in (select id from im.client_session where id = any(?) and expires_at > ? order by id for update)
                returning s.id, s.msisdn""")
                .params(Timestamp.from(now), Timestamp.from(now), (int) settings.sessionTimeout().toSeconds(),
                        ids, data, ids, Timestamp.from(now))
                .query(rs -> {
                    UUID id = rs.getObject(1, UUID.class);
                    Msisdn owner = Msisdn.of(rs.getString(2));
                    live.put(id, owner);
                    touches.written(id, owner, now);
                });
        return live;
    }

    /**
     * Gives a live session a new silence timeout (a CSP client renegotiated its keep-alive), counted from now.
     * Returns false if the session is over.
     */
    @Transactional
    public boolean changeTimeout(UUID sessionId, Duration timeout) {
        Instant now = clock.instant();
        return jdbc.sql("update im.client_session set timeout_seconds = ?, expires_at = ? where id = ? and expires_at > ?")
                .params((int) timeout.toSeconds(), Timestamp.from(now.plus(timeout)), sessionId, Timestamp.from(now)).update() > 0;
    }

    /**
     * Counts {@code bytes} a session moved through this instance (its channel counts each request and its answer), in
     * memory: they are written with the session's next touch, or by {@link #writeData} (every sweep) if no touch comes,
     * and charged with the rest as one SESSION_DATA event when the session ends. No statement of its own.
     */
    public void addData(UUID sessionId, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        if (bytes > 0) {
            unwrittenData.merge(sessionId, bytes, Long::sum);
        }
    }

    /**
     * Writes the bytes counted by {@link #addData} that no touch has written yet, in one statement; a session that is
     * over by then has been charged without them. Returns how many sessions had some.
     */
    @Transactional
    public int writeData() {
        if (unwrittenData.isEmpty()) {
            return 0;
        }
        UUID[] ids = unwrittenData.keySet().toArray(UUID[]::new);
        Long[] data = takeData(ids);
        jdbc.sql("""
                update im.client_session s set data_bytes = s.data_bytes + d.bytes
                from unnest(?::uuid[], ?::bigint[]) d(id, bytes)
                where s.id = d.id and s.id in (select id from im.client_session where id = any(?) order by id for update)""")
                .params(ids, data, ids).update();
        return ids.length;
    }

    /**
     * Takes the unwritten bytes of {@code ids} (0 for none); should the transaction writing them roll back, they are
     * counted again.
     */
    private Long[] takeData(UUID[] ids) {
        Long[] data = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            Long counted = unwrittenData.remove(ids[i]);
            data[i] = counted == null ? 0L : counted;
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        for (int i = 0; i < ids.length; i++) {
                            addData(ids[i], data[i]);
                        }
                    }
                }
            });
        }
        return data;
    }

    /**
     * Adds {@code bytes} to what a live session moved over the network at once, in a statement of its own (see
     * {@link #addData} for a channel's requests). Returns false if the session is over.
     */
    @Transactional
    public boolean recordData(UUID sessionId, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        return jdbc.sql("update im.client_session set data_bytes = data_bytes + ? where id = ? and expires_at > ?")
                .params(bytes, sessionId, Timestamp.from(clock.instant())).update() > 0;
    }

    /** Ends a session (logout). */
    @Transactional
    public void closeSession(UUID sessionId) {
        close(sessionId, false);
    }

    /**
     * Ends a session as expired before its time: its client is taken as gone (it did not answer a wake). Its watchers
     * see it go and what waits for it is rerouted, as when a session times out.
     */
    @Transactional
    public void expireSession(UUID sessionId) {
        close(sessionId, true);
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
        touches.forget(sessionId);
        Long unwritten = unwrittenData.remove(sessionId);
        long lastBytes = unwritten == null ? 0 : unwritten;
        Instant lastSeen = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        // the row and its data volume's charge go together: whichever instance ends the session charges it, once
        Optional<Ended> ended = jdbc.sql("""
                with ended as (delete from im.client_session where id = ? returning msisdn, data_bytes)
                select e.msisdn, e.data_bytes, s.tariff_plan from ended e left join im.subscriber s on s.msisdn = e.msisdn""")
                .param(sessionId).query((rs, i) -> new Ended(rs.getString(1), rs.getLong(2), rs.getString(3))).optional();
        // without a plan it is still recorded: billing keeps it as rejected until the plan is fixed
        ended.ifPresent(e -> charging.sessionData(sessionId, e.msisdn(), e.tariffPlan(), Channel.CLIENT, e.dataBytes() + lastBytes));
        ended.map(Ended::msisdn).ifPresent(o -> {
            stampChange(o, Timestamp.from(lastSeen));
            events.publishEvent(new ClientSessionClosed(sessionId, Msisdn.of(o), expired));
            events.publishEvent(new PresenceChanged(Msisdn.of(o)));
        });
    }

    /** A watcher no longer refused sees the presentity again on their next poll (if they are accepted). */
    @EventListener
    public void onAccessListsChanged(AccessListsChanged changed) {
        stampChange(changed.owner().value(), null);
    }

    /**
     * Marks {@code msisdn}'s presence as changed (a client came or went, and when it went {@code lastSeen} is set; or
     * a watcher was unblocked): watchers see it on their next poll. Not while they are invisible: they look offline
     * either way, and a change would hint. (What concerns one watcher, their acceptance or the attribute lists that
     * cover them, stamps their authorisation instead: im V48.)
     */
    private void stampChange(String msisdn, Timestamp lastSeen) {
        jdbc.sql("""
                insert into im.presence (msisdn, availability, updated_at, last_seen, change_xid)
                values (?, 'AVAILABLE', ?, ?, pg_current_xact_id())
                on conflict (msisdn) do update set last_seen = coalesce(excluded.last_seen, im.presence.last_seen),
                    change_xid = case when im.presence.availability = 'INVISIBLE' then im.presence.change_xid else excluded.change_xid end""")
                .params(msisdn, Timestamp.from(clock.instant()), lastSeen).update();
    }

    private static PresenceView toView(ResultSet rs, boolean self) throws SQLException {
        String a = rs.getString("availability");
        Availability availability = a == null ? Availability.AVAILABLE : Availability.valueOf(a);
        boolean online = rs.getBoolean("online");
        Timestamp lastSeen = rs.getTimestamp("last_seen");
        if (availability == Availability.INVISIBLE && !self) {
            // invisible means offline to everyone else: no hint that a session is live, or when one last was
            availability = Availability.AWAY;
            online = false;
            lastSeen = null;
        }
        Set<PresenceAttribute> shown = AttributeLists.attributes(rs.getArray("shown"));
        String statusText = rs.getString("status_text");
        String location = rs.getString("location");
        if (shown != null) {
            // what the attribute list leaves out is not sent at all, to any channel
            statusText = shown.contains(PresenceAttribute.STATUS_TEXT) ? statusText : null;
            location = shown.contains(PresenceAttribute.LOCATION) ? location : null;
            if (!shown.contains(PresenceAttribute.ONLINE_STATUS)) {
                online = false;
                lastSeen = null;
            }
        }
        return new PresenceView(Msisdn.of(rs.getString("msisdn")), availability, statusText, location,
                online, !rs.getBoolean("sms_opted_out"), lastSeen == null ? null : lastSeen.toInstant(), shown);
    }

    /** A session just ended: whose it was, what it moved, and the plan that pays for it (null if none). */
    private record Ended(String msisdn, long dataBytes, String tariffPlan) {
    }
}
