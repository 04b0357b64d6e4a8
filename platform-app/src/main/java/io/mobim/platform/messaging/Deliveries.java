package io.mobim.platform.messaging;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.platform.charging.ChargingRecorder;
import io.mobim.events.Msisdn;
import io.mobim.platform.subscribers.Subscriber;
import io.mobim.platform.subscribers.Subscribers;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the ways a delivery ends have in common: a delivered one charges its recipient's leg, and either way the
 * sender is told if they asked ({@link DeliveryReported}); and what a message's deliveries say to its sender
 * ({@link #outcomes}). The statements that end deliveries return the {@link Done} row ({@link #DONE_COLUMNS}). Runs
 * in its callers' transactions.
 */
final class Deliveries {

    /** What the delivery updates return: the delivery and, joined in the same statement, its message's sender. */
    static final String DONE_COLUMNS = " d.id, d.message_id, d.recipient, m.sender, m.delivery_report, m.peer_operator," // text blocks drop the space before it
            + " (select s.tariff_plan from im.subscriber s where s.msisdn = d.recipient) as recipient_plan";

    private final JdbcClient jdbc;
    private final Subscribers subscribers;
    private final ChargingRecorder charging;
    private final ApplicationEventPublisher events;
    private final MessagingCounters counters;

    Deliveries(JdbcClient jdbc, Subscribers subscribers, ChargingRecorder charging, ApplicationEventPublisher events,
               MessagingCounters counters) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.charging = charging;
        this.events = events;
        this.counters = counters;
    }

    /** Each recipient's status of a message, in the caller's transaction (see {@link MessageSender#outcomes}). */
    List<SendResult.Recipient> outcomes(UUID messageId) {
        return jdbc.sql("select recipient, status, channel, failure_reason from im.delivery where message_id = ? order by recipient")
                .param(messageId)
                .query((rs, i) -> {
                    DeliveryState state = DeliveryState.of(rs.getString(2));
                    return new SendResult.Recipient(Msisdn.of(rs.getString(1)), state.status(),
                            route(state, DeliveryChannel.of(rs.getString(3))), rs.getString(4));
                })
                .list();
    }

    /** The delivery reached its recipient over {@code channel}: their leg is charged and the sender told. */
    void delivered(Done d, Channel channel, String smscReference, int segments) {
        Msisdn recipient = d.recipient();
        String sender = d.sender().value();
        // a message from a peer operator's subscriber is an INTEROP leg for its recipient, whatever channel brought it
        boolean fromPeer = d.peerOperator() != null;
        charging.message(new ChargingRecorder.MessageLeg(legId(d.messageId(), recipient), d.messageId().toString(), recipient.value(),
                ChargedRole.RECIPIENT, d.recipientPlan(), fromPeer ? Channel.INTEROP : channel, false, sender, d.peerOperator(),
                fromPeer ? null : smscReference, segments));
        counters.counter("mobim.messages.delivered", "channel", channel.name()).increment();
        report(d, DeliveryStatus.DELIVERED);
    }

    /** Tells the sender, if they asked for delivery reports, that the delivery ended in {@code status}. */
    void report(Done d, DeliveryStatus status) {
        if (d.deliveryReport()) {
            events.publishEvent(new DeliveryReported(d.messageId(), d.sender(), d.recipient(),
                    subscribers.find(d.recipient()).map(Subscriber::nickname).orElse(d.recipient().masked()), status));
        }
    }

    /**
     * Has PostgreSQL plan this transaction's statements for the tables as they are now, not reuse a plan it made
     * earlier for a prepared statement. A reused (generic) plan is made once per connection and kept until the
     * tables are next analyzed: made while they were nearly empty (a new platform's first minute) or while nothing
     * waited, it scans the deliveries a lookup would find, and at full load an acknowledgement batch took 10 to 20
     * seconds, long enough for claims to time out to SMS. Planning anew costs little against a batch of messages;
     * the SMS channel's one-message transactions keep the default, and a batch of sends asks for it only before it
     * counts waiting deliveries (its read and insert, by key whatever the tables hold, keep their plans).
     */
    static void planForTablesAsTheyAre(JdbcClient jdbc) {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
    }

    /** Charging event ids derive from the message and the party: the same leg always has the same id. */
    static UUID legId(UUID messageId, Msisdn party) {
        return UUID.nameUUIDFromBytes((messageId + "/" + party.value()).getBytes(StandardCharsets.UTF_8));
    }

    static Done done(ResultSet rs) throws SQLException {
        return new Done(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class), Msisdn.of(rs.getString("recipient")),
                Msisdn.of(rs.getString("sender")), rs.getBoolean("delivery_report"), rs.getString("recipient_plan"),
                rs.getString("peer_operator"));
    }

    /** A delivery with its message, as a client is handed it (the row's columns named as the claim returns them). */
    static ClientDelivery clientDelivery(ResultSet rs) throws SQLException {
        String kind = rs.getString("target_kind");
        return new ClientDelivery(rs.getObject("id", UUID.class), rs.getObject("message_id", UUID.class),
                Msisdn.of(rs.getString("sender")), rs.getString("sender_alias"), "ROOM".equals(kind) ? rs.getString("target") : null,
                rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }

    private static SendResult.Route route(DeliveryState state, DeliveryChannel channel) {
        if (channel == null) {
            return state == DeliveryState.PENDING ? SendResult.Route.STORED : SendResult.Route.NONE;
        }
        return switch (channel) {
            case SMS -> SendResult.Route.SMS;
            case CLIENT -> SendResult.Route.CLIENT;
        };
    }

    /**
     * A delivery that reached its end, with its message's sender, the recipient's tariff plan (for the charge) and the
     * peer operator the message came from (null for a message of this operator's subscriber).
     */
    record Done(UUID deliveryId, UUID messageId, Msisdn recipient, Msisdn sender, boolean deliveryReport, String recipientPlan,
                String peerOperator) {
    }
}
