package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import io.mobim.platform.blocking.AccessListsChanged;
import io.mobim.platform.subscribers.SubscriberNotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Presence with authorisation (RFC 2778/2779): what a subscriber sets, and what each watcher may see of it.
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
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PresenceStamps stamps;

    /** The longest status text, in characters ({@code im.presence.status_text varchar(100)}). */
    public static final int STATUS_TEXT_MAX = 100;

    PresenceService(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock, PresenceStamps stamps) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.stamps = stamps;
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

    /** A watcher no longer refused sees the presentity again on their next poll (if they are accepted). */
    @EventListener
    public void onAccessListsChanged(AccessListsChanged changed) {
        stamps.stamp(changed.owner().value(), null);
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
}
