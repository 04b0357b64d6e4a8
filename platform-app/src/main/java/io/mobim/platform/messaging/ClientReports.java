package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import io.mobim.platform.presence.ClientSessions;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivery reports for senders who use a client: a report for a sender with a live client session waits for that
 * subscriber's next poll (in {@code im.client_delivery_report}, written in the transaction that ended the delivery),
 * whichever session polls; the SMS channel tells the others ({@code SmsNotices}). A report is deleted as it is handed
 * out.
 */
public class ClientReports {

    private final JdbcClient jdbc;
    private final ClientSessions clientSessions;
    private final Clock clock;

    ClientReports(JdbcClient jdbc, ClientSessions clientSessions, Clock clock) {
        this.jdbc = jdbc;
        this.clientSessions = clientSessions;
        this.clock = clock;
    }

    @EventListener
    void onDeliveryReported(DeliveryReported e) {
        if (!clientSessions.isClientOnline(e.sender())) {
            return;
        }
        jdbc.sql("""
                insert into im.client_delivery_report (message_id, recipient, sender, status, reported_at)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(e.messageId(), e.recipient().value(), e.sender().value(), e.status().name(), Timestamp.from(clock.instant()))
                .update();
    }

    /** The oldest report waiting for {@code sender}'s client, taken off the queue; empty when none waits. */
    @Transactional
    public Optional<Report> next(Msisdn sender) {
        return jdbc.sql("""
                delete from im.client_delivery_report r
                where r.ctid = (select ctid from im.client_delivery_report where sender = ?
                                order by reported_at, message_id limit 1 for update skip locked)
                returning r.message_id, r.recipient, r.status, r.reported_at""")
                .param(sender.value())
                .query((rs, i) -> new Report(rs.getObject(1, UUID.class), Msisdn.of(rs.getString(2)),
                        DeliveryStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant()))
                .optional();
    }

    /** Whether a report waits for {@code sender}'s client. */
    @Transactional(readOnly = true)
    public boolean waiting(Msisdn sender) {
        return jdbc.sql("select exists (select 1 from im.client_delivery_report where sender = ?)")
                .param(sender.value()).query(Boolean.class).single();
    }

    /** How one recipient's delivery of a message ended, at {@code at}. */
    public record Report(UUID messageId, Msisdn recipient, DeliveryStatus status, Instant at) {
    }
}
