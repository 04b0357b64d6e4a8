package io.mobim.platform.messaging;

import io.mobim.events.Msisdn;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries still open for a recipient (waiting for a client, or sent as an SMS and waiting for the receipt),
 * for the operator console's customer care: states and times only, never the message body. Read through the index
 * of open deliveries by recipient, so it costs the same however many finished deliveries the table holds.
 */
public class OpenDeliveries {

    /**
     * One open delivery.
     *
     * @param senderAlias how the sender is shown to the recipient (a nickname or a number)
     * @param channel the channel it is on, null while it waits for a client
     * @param attempts how often it was tried
     */
    public record OpenDelivery(UUID messageId, String senderAlias, DeliveryState state, String channel, int attempts,
                               Instant updatedAt, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    OpenDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} of {@code recipient}'s open deliveries, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenDelivery> of(Msisdn recipient, int limit) {
        return jdbc.sql("""
                select message_id, sender_alias, status, channel, attempts, updated_at, expires_at from im.delivery
                where recipient = ? and status in (%s, %s) order by updated_at limit ?"""
                        .formatted(DeliveryState.PENDING.literal(), DeliveryState.IN_FLIGHT.literal()))
                .params(recipient.value(), limit)
                .query((rs, i) -> new OpenDelivery(rs.getObject(1, UUID.class), rs.getString(2), DeliveryState.of(rs.getString(3)),
                        rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant()))
                .list();
    }
}
