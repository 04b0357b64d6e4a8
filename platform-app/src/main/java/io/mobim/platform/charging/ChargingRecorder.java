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
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records chargeable facts as {@link ChargingEvent}s in the outbox, inside the transaction of the fact itself:
 * the event exists exactly when the fact was committed. The relaying node stamps its id and sequence number.
 * Called inside the caller's transaction (the outbox refuses to record outside one).
 */
public class ChargingRecorder {

    /** How many subscribers' last known day of use are remembered; beyond it the memory starts over (a lookup more). */
    private static final int DAYS_REMEMBERED = 100_000;

    private final Outbox outbox;
    private final JdbcClient jdbc;
    private final ZoneId businessZone;
    private final Clock clock;
    /** Subscriber → a day whose use is known to be recorded (committed): later uses that day need no statement. */
    private final Map<String, LocalDate> recordedDay = new ConcurrentHashMap<>();

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
    public void dayOfUse(String msisdn, String tariffPlan, Channel channel) {
        Outbox.requireTransaction(); // the day's row and its event commit together, or neither does
        LocalDate day = LocalDate.ofInstant(clock.instant(), businessZone);
        if (day.equals(recordedDay.get(msisdn))) {
            return;
        }
        int first = jdbc.sql("insert into im.day_of_use (msisdn, day) values (?, ?) on conflict do nothing")
                .params(msisdn, Date.valueOf(day)).update();
        if (first == 0) {
            // the row is there and committed (a conflicting insert in flight is waited for): remember it
            if (recordedDay.size() >= DAYS_REMEMBERED) {
                recordedDay.clear();
            }
            recordedDay.put(msisdn, day);
            return;
        }
        record(subscriberEvent(ChargingKind.DAILY_ACCESS, "day/" + msisdn + "/" + day, msisdn, tariffPlan, channel).build());
    }

    /**
     * The data a client session moved, charged once when the session ends (its id makes the event's, so a session
     * is charged once whoever ends it). A session that moved nothing records nothing.
     */
    public void sessionData(UUID sessionId, String msisdn, String tariffPlan, Channel channel, long bytes) {
        if (bytes <= 0) {
            return;
        }
        record(subscriberEvent(ChargingKind.SESSION_DATA, "session/" + sessionId, msisdn, tariffPlan, channel).bytes(bytes).build());
    }

    /** A message leg: SENT for the originator, RECEIVED for a recipient. */
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

    /** An event charged to the subscriber themself, its id derived from {@code fact} so a fact recorded again keeps it. */
    private ChargingEvent.Builder subscriberEvent(ChargingKind kind, String fact, String msisdn, String tariffPlan, Channel channel) {
        return ChargingEvent.builder()
                .eventId(UUID.nameUUIDFromBytes(fact.getBytes(StandardCharsets.UTF_8)))
                .eventTime(clock.instant())
                .origin("relay", 1) // replaced by the relay: see Outbox#appendSequenced
                .kind(kind)
                .channel(channel)
                .charged(msisdn, ChargedRole.SUBSCRIBER)
                .tariffPlan(tariffPlan);
    }

    private void record(ChargingEvent event) {
        // written once, without the origin the relay adds (see Outbox#appendSequenced)
        outbox.appendSequenced(Topics.CHARGING, event.key(), EventJson.chargingEventWithoutOrigin().writeValueAsBytes(event));
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
