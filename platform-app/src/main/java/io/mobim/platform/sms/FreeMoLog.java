package io.mobim.platform.sms;

import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.FreeMos;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The MOs handled around a day that no message came of ({@code im.sms_mo_handled} without an {@code im.message} of
 * their id), for the message log: billing tells them from an MO the IM core never handled. Read from an hour before
 * the day to an hour after it, so that an MO the SMS-C delivered just before midnight and handled just after it is
 * found. Unknown (null) when that reaches back past {@code mobim.sms.handled-mo-retention}: some of the marks are gone,
 * and a partial list would make billing count the free MOs it lacks as not charged.
 */
final class FreeMoLog implements FreeMos {

    /** How far around the day it looks: a message is created in the transaction that marks its MO. */
    private static final Duration AROUND_THE_DAY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Supplier<Instant> marksKeptSince;

    /** @param marksKeptSince since when every mark of a handled MO is still kept ({@link HandledMoPurge#keptSince}) */
    FreeMoLog(JdbcClient jdbc, Supplier<Instant> marksKeptSince) {
        this.jdbc = jdbc;
        this.marksKeptSince = marksKeptSince;
    }

    @Override
    public List<String> around(LocalDate day, ZoneId zone) {
        Instant since = day.atStartOfDay(zone).toInstant().minus(AROUND_THE_DAY);
        if (since.isBefore(marksKeptSince.get())) {
            return null;
        }
        Timestamp from = Timestamp.from(since);
        Timestamp until = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant().plus(AROUND_THE_DAY));
        return jdbc.sql("""
                select h.mo_id from im.sms_mo_handled h where h.handled_at >= ? and h.handled_at < ?
                except
                select substr(m.client_message_id, ?) from im.message m
                where m.created_at >= ? and m.created_at < ? and m.origin_channel = 'SMS' and m.client_message_id like ?
                order by 1""")
                .params(from, until, MessageSender.MO_CLIENT_ID_PREFIX.length() + 1, from, until,
                        MessageSender.MO_CLIENT_ID_PREFIX + "%")
                .query(String.class).list();
    }
}
