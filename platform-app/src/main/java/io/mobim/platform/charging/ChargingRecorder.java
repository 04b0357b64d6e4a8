package io.mobim.platform.charging;

import io.mobim.events.EventJson;
import io.mobim.events.Topics;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.platform.outbox.Outbox;
import java.time.Clock;
import java.util.UUID;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.node.ObjectNode;

/**
 * Records chargeable facts as {@link ChargingEvent}s in the outbox, inside the transaction of the fact itself:
 * the event exists exactly when the fact was committed. The relaying node stamps its id and sequence number.
 */
public class ChargingRecorder {

    private final Outbox outbox;
    private final Clock clock;

    ChargingRecorder(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
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
