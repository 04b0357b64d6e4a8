package io.mobim.platform.presence;

import io.mobim.events.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Presence changes of many subscribers in one statement, for a group-committed batch of requests (CSP
 * UpdatePresence from many sessions): each is decided as {@link PresenceService#change} decides it alone. Changes of
 * one subscriber in the same batch are applied in the order given, so the last one's values win where it sets them,
 * as they would one transaction after the other; their watchers' polls then return the result once.
 */
public class PresenceUpdates {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PresenceUpdates(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes {@code changes}; answers, per change in order, whether it was written (false: not an active subscriber,
     * which fails that change alone). One statement, taking the rows in number order (two batches writing the same
     * subscribers wait, never deadlock), finding the subscribers by key also on a small table (joined to the unnested
     * changes alone, the planner hashes the whole subscriber table); a {@link PresenceChanged} per subscriber written,
     * in the transaction.
     */
    @Transactional
    public List<Boolean> changeAll(List<PresenceChange> changes) {
        Map<Msisdn, PresenceChange> merged = new LinkedHashMap<>();
        for (PresenceChange c : changes) {
            merged.merge(c.who(), c, PresenceChange::then);
        }
        int n = merged.size();
        String[] who = new String[n];
        String[] availability = new String[n];
        Boolean[] newText = new Boolean[n];
        String[] text = new String[n];
        int i = 0;
        for (PresenceChange c : merged.values()) {
            who[i] = c.who().value();
            availability[i] = c.availability() == null ? null : c.availability().name();
            newText[i] = c.newStatusText();
            text[i] = c.statusText();
            i++;
        }
        Set<String> written = new HashSet<>(jdbc.sql("""
                insert into im.presence (msisdn, availability, status_text, location, updated_at, change_xid)
                select s.msisdn, coalesce(c.availability, p.availability, 'AVAILABLE'),
                       case when c.new_text then c.status_text else p.status_text end, p.location, ?, pg_current_xact_id()
                from unnest(?::varchar[], ?::varchar[], ?::boolean[], ?::varchar[]) c(msisdn, availability, new_text, status_text)
                join im.subscriber s on s.msisdn = c.msisdn
                left join im.presence p on p.msisdn = s.msisdn
                where s.msisdn = any(?) and s.status = 'ACTIVE'
                order by s.msisdn
                on conflict (msisdn) do update set availability = excluded.availability, status_text = excluded.status_text,
                    location = excluded.location, updated_at = excluded.updated_at, change_xid = excluded.change_xid
                returning msisdn""")
                .params(Timestamp.from(clock.instant()), who, availability, newText, text, who).query(String.class).list());
        for (Msisdn m : merged.keySet()) {
            if (written.contains(m.value())) {
                events.publishEvent(new PresenceChanged(m));
            }
        }
        List<Boolean> answers = new ArrayList<>(changes.size());
        for (PresenceChange c : changes) {
            answers.add(written.contains(c.who().value()));
        }
        return answers;
    }
}
