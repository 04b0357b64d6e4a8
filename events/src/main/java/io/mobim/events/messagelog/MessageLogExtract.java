package io.mobim.events.messagelog;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The IM core's message log for one business day, as served by {@code GET /api/v1/messages/log/{day}} (role
 * {@code im}) and read by billing's reconciliation: every chargeable message leg the IM core recorded, taken from
 * its own message and delivery tables, not from the charging events. An HTTP contract, kept next to the topic
 * contracts so that both sides read one definition (JSON through {@link io.mobim.events.EventJson}).
 *
 * @param day   the business day
 * @param zone  the time zone the day was cut in (billing's business zone)
 * @param from  first instant of the day, included
 * @param until first instant of the next day, excluded
 * @param legs    the legs, oldest first
 * @param freeMos the ids ({@code SmsMo.id}) of the MOs the IM core handled around the day without charging anyone, by
 *                design: commands (ADD, ACCEPT, HELP...), messages it refused with a help reply, the SMS-C's redeliveries
 *                of an MO it had handled. Null when the IM core cannot tell them all: the day reaches back past
 *                the marks it keeps ({@code mobim.sms.handled-mo-retention}), or an older IM node sent no list
 */
public record MessageLogExtract(LocalDate day, String zone, Instant from, Instant until, List<Leg> legs, List<String> freeMos) {

    public MessageLogExtract {
        Objects.requireNonNull(day, "day");
        legs = legs == null ? List.of() : List.copyOf(legs);
        freeMos = freeMos == null ? null : List.copyOf(freeMos);
    }

    /** An extract that names no free MOs. */
    public MessageLogExtract(LocalDate day, String zone, Instant from, Instant until, List<Leg> legs) {
        this(day, zone, from, until, legs, List.of());
    }

    /**
     * One chargeable leg: a message sent (charged to its sender when the IM core accepted it) or received (charged
     * to the recipient when the delivery was confirmed).
     *
     * @param messageId the platform's message id (as on the charging event)
     * @param direction SENT or RECEIVED
     * @param channel   how the charged party used the service for this leg (SMS or CLIENT)
     * @param msisdn    the charged party
     * @param at        when the IM core accepted the message (SENT) or recorded its delivery (RECEIVED)
     * @param gatewayId for an SMS leg, the SMS gateway's id of it: the MO id ({@code SmsMo.id}) of a message sent
     *                  by SMS, the MT request id ({@code SmsMt.requestId}) of a message delivered by SMS; else null
     */
    public record Leg(String messageId, Direction direction, Channel channel, String msisdn, Instant at, String gatewayId) {
        public Leg {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(channel, "channel");
        }
    }
}
