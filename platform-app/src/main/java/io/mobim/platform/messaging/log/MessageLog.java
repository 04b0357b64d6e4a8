package io.mobim.platform.messaging.log;

import io.mobim.platform.messaging.DeliveryChannel;
import io.mobim.platform.messaging.DeliveryState;
import io.mobim.platform.messaging.FreeMos;
import io.mobim.platform.messaging.MessageSender;
import io.mobim.platform.messaging.SmsSubmission;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import io.mobim.events.messagelog.MessageLogExtract;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The IM core's message log of a business day, for billing's reconciliation: every chargeable message leg, read
 * from the messaging tables themselves ({@code im.message}, {@code im.delivery}) and not from the charging outbox,
 * so that a leg whose charging event was lost still shows. A message is charged to its sender when it is accepted
 * (one {@code im.message} row), and to each recipient when the delivery is confirmed (an {@code im.delivery} row
 * turned DELIVERED, by the client's acknowledgement or the SMS-C's receipt); both are cut into days by the instant
 * written in the same transaction as the charging event. A message from a peer operator's subscriber (origin channel
 * INTEROP) has no sent leg here: its sender is charged by their own operator.
 */
public class MessageLog {

    private final JdbcClient jdbc;
    private final ZoneId defaultZone;
    private final Clock clock;
    private final Duration messageRetention;
    private final Duration wholeFor;
    private final FreeMos freeMos;

    /**
     * @param messageRetention {@code mobim.messaging.retention}: finished messages are deleted this long after they
     *                         were sent, with their deliveries
     * @param validity         {@code mobim.messaging.validity}: a delivery confirmed on a day may be of a message sent
     *                         this long before, so a day's log is whole for the retention minus this
     * @param freeMos          the MOs the SMS channel handled free of charge
     */
    MessageLog(JdbcClient jdbc, ZoneId defaultZone, Clock clock, Duration messageRetention, Duration validity,
               FreeMos freeMos) {
        this.jdbc = jdbc;
        this.defaultZone = defaultZone;
        this.clock = clock;
        this.messageRetention = messageRetention;
        this.wholeFor = messageRetention.minus(validity);
        this.freeMos = freeMos;
    }

    /** A day whose messages are no longer all here: its log would count every rated leg as missing. */
    public static final class DayNotKept extends RuntimeException {
        DayNotKept(String message) {
            super(message);
        }
    }

    /** Throws {@link DayNotKept} if the day (in {@code zone}) began longer ago than the retention minus the validity. */
    public void requireKept(LocalDate day, ZoneId zone) {
        Instant cutoff = clock.instant().minus(wholeFor);
        if (day.atStartOfDay(zone).toInstant().isBefore(cutoff)) {
            throw new DayNotKept("The message log of " + day + " is no longer whole: finished messages are deleted "
                    + messageRetention.toDays() + " days after they were sent (mobim.messaging.retention), with their "
                    + "deliveries, and a day's deliveries may be of messages sent up to mobim.messaging.validity before it");
        }
    }

    public ZoneId defaultZone() {
        return defaultZone;
    }

    @Transactional(readOnly = true)
    public MessageLogExtract extract(LocalDate day, ZoneId zone) {
        requireKept(day, zone);
        List<MessageLogExtract.Leg> legs = new ArrayList<>();
        forEachLeg(day, zone, legs::add);
        return new MessageLogExtract(day, zone.getId(), day.atStartOfDay(zone).toInstant(),
                day.plusDays(1).atStartOfDay(zone).toInstant(), legs, freeMos.around(day, zone));
    }

    /**
     * Hands the day's legs to {@code sink} in order as they are read, a few hundred at a time from a cursor: a day of
     * millions of messages is never in memory at once (the CSV export streams it).
     */
    @Transactional(readOnly = true)
    public void forEachLeg(LocalDate day, ZoneId zone, Consumer<MessageLogExtract.Leg> sink) {
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zone).toInstant();
        // the delivered state is named in the text, for the partial index of delivered deliveries by time (V10)
        jdbc.sql("""
                select m.id as message_id, 'SENT' as direction, m.origin_channel as channel, m.sender as msisdn,
                       m.created_at as at,
                       case when m.origin_channel = 'SMS' and m.client_message_id like ?
                            then substr(m.client_message_id, ?) end as gateway_id
                from im.message m where m.created_at >= ? and m.created_at < ? and m.origin_channel <> 'INTEROP'
                union all
                select d.message_id, 'RECEIVED', d.channel, d.recipient, d.updated_at,
                       case when d.channel = ? then ? || d.id end
                from im.delivery d where d.status = %s and d.updated_at >= ? and d.updated_at < ?
                order by at, message_id, direction desc""".formatted(DeliveryState.DELIVERED.literal()))
                .withFetchSize(FETCH_SIZE)
                .params(MessageSender.MO_CLIENT_ID_PREFIX + "%", MessageSender.MO_CLIENT_ID_PREFIX.length() + 1, Timestamp.from(from), Timestamp.from(until),
                        DeliveryChannel.SMS.value(), SmsSubmission.REQUEST_PREFIX, Timestamp.from(from), Timestamp.from(until))
                .query((RowCallbackHandler) rs -> sink.accept(new MessageLogExtract.Leg(rs.getString("message_id"),
                        Direction.valueOf(rs.getString("direction")), Channel.valueOf(rs.getString("channel")), rs.getString("msisdn"),
                        rs.getTimestamp("at").toInstant(), rs.getString("gateway_id"))));
    }

    /** Rows the cursor fetches per round trip. */
    private static final int FETCH_SIZE = 500;
}
