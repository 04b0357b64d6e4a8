package io.mobim.platform.sms;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.mobim.events.Msisdn;
import io.mobim.events.sms.SmsMo;
import io.mobim.platform.subscribers.Languages;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Marks MOs as handled ({@code im.sms_mo_handled}, in the caller's transaction) and reads, in the same statement, what
 * their commands need first: the sender, and the contact at the position a {@code <n> <text>} command names. An MO
 * marked before (a replay from Kafka, or twice in one poll) is not fresh, and is not handled again; nor is an MO whose
 * fingerprint ({@link SmsMo#fingerprint()}: what the SMS-C's PDU said) was seen within the redelivery window, which is
 * the SMS-C delivering the same SMS again (it missed our answer, or we crashed before giving it), where the
 * {@link RedeliveryMatch} says the fingerprint can tell.
 */
final class HandledMos {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration redeliveryWindow;
    private final RedeliveryMatch redeliveryMatch;
    private final Counter redeliveries;

    HandledMos(JdbcClient jdbc, Clock clock, Duration redeliveryWindow, RedeliveryMatch redeliveryMatch, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.redeliveryWindow = redeliveryWindow;
        this.redeliveryMatch = redeliveryMatch;
        this.redeliveries = Counter.builder("mobim.sms.mo.redeliveries")
                .description("MOs the SMS-C delivered again (same fingerprint within the redelivery window), not handled again")
                .register(meters);
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
        String[] fingerprints = new String[n];
        Integer[] positions = new Integer[n];
        Set<String> seen = new HashSet<>(n * 2);
        Set<String> seenFingerprints = new HashSet<>(n * 2);
        for (int i = 0; i < n; i++) {
            SmsMo mo = mos.get(i);
            // a second copy in the same poll is a replay: only the first is offered for marking
            ids[i] = seen.add(mo.id()) ? mo.id() : null;
            // a second MO with the same fingerprint is a redelivery: it is marked, but found not fresh
            fingerprints[i] = !redeliveryMatch.matches(mo.fingerprint()) ? null : seenFingerprints.add(mo.fingerprint()) ? mo.fingerprint() : "";
            senders[i] = mo.from();
            positions[i] = commands.get(i) instanceof SmsCommand.SendToContact c ? c.position() : null;
        }
        Fresh[] fresh = new Fresh[n];
        Instant now = clock.instant();
        // each lookup a lateral subquery with "limit 1": key lookups however many subscribers there are (see MessageSender).
        // A fingerprint is new when it was never seen or last seen before the window ("" stands for a repeat in the poll)
        jdbc.sql("""
                with x as (select * from unnest(?::varchar[], ?::varchar[], ?::int[], ?::varchar[])
                                         with ordinality as x(mo_id, sender, position, fingerprint, i)),
                     marked as (insert into im.sms_mo_handled (mo_id, handled_at)
                                select mo_id, ? from x where mo_id is not null on conflict do nothing returning mo_id),
                     seen as (insert into im.sms_mo_fingerprint (fingerprint, seen_at)
                              select x.fingerprint, ? from x join marked on marked.mo_id = x.mo_id where x.fingerprint <> ''
                              on conflict (fingerprint) do update set seen_at = excluded.seen_at
                                  where im.sms_mo_fingerprint.seen_at < ?
                              returning fingerprint)
                select x.i, x.fingerprint is null or seen.fingerprint is not null as new_sms,
                       s.msisdn, s.nickname, s.locale, s.status = 'ACTIVE' as active, s.sms_opted_out,
                       c.contact_msisdn, c.nickname as contact_nickname
                from x join marked on marked.mo_id = x.mo_id
                left join seen on seen.fingerprint = x.fingerprint
                left join lateral (select msisdn, nickname, locale, status, sms_opted_out from im.subscriber
                                   where msisdn = x.sender limit 1) s on true
                left join lateral (select contact_msisdn, nickname from im.contact
                                   where owner = x.sender and position = x.position limit 1) c on true""")
                .params(ids, senders, positions, fingerprints, Timestamp.from(now), Timestamp.from(now),
                        Timestamp.from(now.minus(redeliveryWindow)))
                .query(rs -> {
                    int i = rs.getInt(1) - 1;
                    if (!rs.getBoolean(2)) {
                        redeliveries.increment();
                        return; // the SMS-C's redelivery of an MO handled within the window
                    }
                    Optional<SmsSender> sender = rs.getString(3) == null ? Optional.empty() : Optional.of(new SmsSender(
                            Msisdn.of(rs.getString(3)), rs.getString(4), Languages.of(rs.getString(5)), rs.getBoolean(6),
                            rs.getBoolean(7)));
                    ContactAtPosition contact = rs.getString(8) == null ? null
                            : new ContactAtPosition(Msisdn.of(rs.getString(8)), rs.getString(9));
                    fresh[i] = new Fresh(sender, contact);
                });
        return Arrays.asList(fresh);
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
