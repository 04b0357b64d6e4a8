package io.mobim.platform.charging;

import io.mobim.events.EventJson;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records chargeable facts as {@link ChargingEvent}s in the outbox, inside the transaction of the fact itself:
 * the event exists exactly when the fact was committed. The relaying node stamps its id and sequence number.
 */
public class ChargingRecorder {

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final ZoneId businessZone;
    private final Clock clock;

    ChargingRecorder(Outbox outbox, JdbcClient jdbc, ZoneId businessZone, Clock clock) {
        this.outbox = outbox;
        this.jdbc = jdbc;
        this.businessZone = businessZone;
        this.clock = clock;
    }

    /**
     * The subscriber used the service: on the first use of a business day, a DAILY_ACCESS event is recorded
     * (plans with a daily fee charge it; the others rate it at nothing). Later uses that day record nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void dayOfUse(String msisdn, String tariffPlan, Channel channel) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), businessZone);
        int first = jdbc.sql("insert into im.day_of_use (msisdn, day) values (?, ?) on conflict do nothing")
                .params(msisdn, Date.valueOf(day)).update();
        if (first == 0) {
            return;
        }
        record(ChargingEvent.builder()
                .eventId(UUID.nameUUIDFromBytes(("day/" + msisdn + "/" + day).getBytes(StandardCharsets.UTF_8)))
                .eventTime(clock.instant())
                .origin("relay", 1)
                .kind(ChargingKind.DAILY_ACCESS)
                .channel(channel)
                .charged(msisdn, ChargedRole.SUBSCRIBER)
                .tariffPlan(tariffPlan)
                .build());
    }

    /** A message leg: SENT for the originator, RECEIVED for a recipient. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void message(MessageLeg leg) {
        ChargingEvent.Builder b = ChargingEvent.builder()
                .eventId(leg.eventId())
                .eventTime(clock.instant())
                .origin("relay", 1) // replaced by the relay: see Outbox#appendSequenced
                .kind(ChargingKind.MESSAGE)
                .channel(leg.channel())
                .service(leg.service())
                .charged(leg.charged(), leg.role())
                .tariffPlan(leg.tariffPlan())
                .messageId(leg.messageId())
                .other(leg.otherParty(), leg.otherOperator());
        if (leg.channel() == Channel.SMS) {
            b.sms(leg.smscReference(), Math.max(1, leg.segments()));
        }
        record(b.build());
    }

    private void record(ChargingEvent event) {
        ObjectNode json = EventJson.mapper().valueToTree(event);
        json.remove("nodeId");
        json.remove("sequence");
        outbox.appendSequenced(Topics.CHARGING, event.key(), json);
    }

    /**
     * One party's side of a message.
     *
     * @param eventId stable per fact: derived from the message and the party, so a retried fact keeps its id
     */
    public record MessageLeg(UUID eventId, String messageId, String charged, ChargedRole role, String tariffPlan,
                             Channel channel, boolean service, String otherParty, String otherOperator,
                             String smscReference, int segments) {
    }
}
