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
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
        daysOfUse(List.of(new Use(msisdn, tariffPlan, channel)));
    }

    /**
     * {@link #dayOfUse} for several uses at once (a batch of messages): one statement records the day of the
     * subscribers whose use of the day is not known yet; the first use of each counts.
     */
    public void daysOfUse(List<Use> uses) {
        Outbox.requireTransaction(); // the day's rows and their events commit together, or neither does
        LocalDate day = LocalDate.ofInstant(clock.instant(), businessZone);
        Map<String, Use> unknown = new LinkedHashMap<>();
        for (Use use : uses) {
            if (!day.equals(recordedDay.get(use.msisdn()))) {
                unknown.putIfAbsent(use.msisdn(), use);
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Set<String> first = new HashSet<>(jdbc.sql("""
                insert into im.day_of_use (msisdn, day) select unnest(?::varchar[]), ? on conflict do nothing returning msisdn""")
                .params(unknown.keySet().toArray(String[]::new), Date.valueOf(day)).query(String.class).list());
        List<String> known = new ArrayList<>();
        for (Use use : unknown.values()) {
            if (first.contains(use.msisdn())) {
                record(subscriberEvent(ChargingKind.DAILY_ACCESS, "day/" + use.msisdn() + "/" + day, use.msisdn(), use.tariffPlan(),
                        use.channel()).build());
            } else {
                known.add(use.msisdn()); // the row is there and committed (a conflicting insert in flight is waited for)
            }
        }
        remember(known, day);
        if (!first.isEmpty()) {
            // the rows written here are known once they are committed
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(first, day);
                }
            });
        }
    }

    private void remember(Collection<String> subscribers, LocalDate day) {
        if (recordedDay.size() + subscribers.size() >= DAYS_REMEMBERED) {
            recordedDay.clear();
        }
        subscribers.forEach(msisdn -> recordedDay.put(msisdn, day));
    }

    /** A subscriber's use of the service, as {@link #daysOfUse} takes it. */
    public record Use(String msisdn, String tariffPlan, Channel channel) {
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
