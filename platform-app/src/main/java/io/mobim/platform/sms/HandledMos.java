package io.mobim.platform.sms;

import io.mobim.events.sms.SmsMo;
import io.mobim.platform.subscribers.Msisdn;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks MOs as handled ({@code im.sms_mo_handled}, in the caller's transaction) and reads, in the same statement, what
 * their commands need first: the sender, and the contact at the position a {@code <n> <text>} command names. An MO
 * marked before (a replay from Kafka, or twice in one poll) is not fresh, and is not handled again.
 */
final class HandledMos {

    private final JdbcClient jdbc;
    private final Clock clock;

    HandledMos(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One entry per MO, in order: what the MO's command needs, or null if it was handled before.
     *
     * @param commands each MO's command, read from its text
     */
    List<Fresh> mark(List<SmsMo> mos, List<SmsCommand> commands) {
        int n = mos.size();
        String[] ids = new String[n];
        String[] senders = new String[n];
        Integer[] positions = new Integer[n];
        Set<String> seen = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            SmsMo mo = mos.get(i);
            // a second copy in the same poll is a replay: only the first is offered for marking
            ids[i] = seen.add(mo.id()) ? mo.id() : null;
            senders[i] = mo.from();
            positions[i] = commands.get(i) instanceof SmsCommand.SendToContact c ? c.position() : null;
        }
        Fresh[] fresh = new Fresh[n];
        // each lookup a lateral subquery with "limit 1": key lookups however many subscribers there are (see Messaging)
        jdbc.sql("""
                with x as (select * from unnest(?::varchar[], ?::varchar[], ?::int[]) with ordinality as x(mo_id, sender, position, i)),
                     marked as (insert into im.sms_mo_handled (mo_id, handled_at)
                                select mo_id, ? from x where mo_id is not null on conflict do nothing returning mo_id)
                select x.i, s.msisdn, s.nickname, s.locale, s.status = 'ACTIVE' as active, s.sms_opted_out,
                       c.contact_msisdn, c.nickname as contact_nickname
                from x join marked on marked.mo_id = x.mo_id
                left join lateral (select msisdn, nickname, locale, status, sms_opted_out from im.subscriber
                                   where msisdn = x.sender limit 1) s on true
                left join lateral (select contact_msisdn, nickname from im.contact
                                   where owner = x.sender and position = x.position limit 1) c on true""")
                .params(ids, senders, positions, Timestamp.from(clock.instant()))
                .query(rs -> {
                    int i = rs.getInt(1) - 1;
                    Optional<SmsSender> sender = rs.getString(2) == null ? Optional.empty() : Optional.of(new SmsSender(
                            Msisdn.of(rs.getString(2)), rs.getString(3), Locale.forLanguageTag(rs.getString(4)), rs.getBoolean(5),
                            rs.getBoolean(6)));
                    ContactAtPosition contact = rs.getString(7) == null ? null
                            : new ContactAtPosition(Msisdn.of(rs.getString(7)), rs.getString(8));
                    fresh[i] = new Fresh(sender, contact);
                });
        return new ArrayList<>(Arrays.asList(fresh));
    }

    /**
     * A fresh MO: its sender (empty for a number that is not a subscriber), and for {@code <n> <text>} the contact at
     * position n (null if there is none, or for another command).
     */
    record Fresh(Optional<SmsSender> sender, ContactAtPosition contact) {
    }

    /** The contact a {@code <n> <text>} command names. */
    record ContactAtPosition(Msisdn msisdn, String nickname) {
    }
}
