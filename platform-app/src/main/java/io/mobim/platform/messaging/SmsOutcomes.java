package io.mobim.platform.messaging;

import io.mobim.events.charging.Channel;
import io.mobim.events.sms.SmsDlr;
import io.mobim.platform.messaging.Deliveries.Done;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SMS gateway's outcomes of the deliveries sent as SMS ({@code sms.dlr.v1}): a final outcome ends its delivery
 * (delivered: the recipient is charged; failed or expired: the sender is told if they asked). Read as a set by the
 * messaging workers ({@link MessagingConfiguration}).
 */
public class SmsOutcomes {

    private final JdbcClient jdbc;
    private final Deliveries deliveries;
    private final Clock clock;

    SmsOutcomes(JdbcClient jdbc, Deliveries deliveries, Clock clock) {
        this.jdbc = jdbc;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The SMS gateway's outcome of a fallback SMS ({@code sms.dlr.v1}). Returns whether it changed a delivery. */
    @Transactional
    public boolean onSmsOutcome(SmsDlr dlr) {
        return onSmsOutcomes(List.of(dlr)) > 0;
    }

    /**
     * Whether an outcome from the SMS gateway can change a delivery: the final outcome (delivered, failed, rejected,
     * expired) of a message's SMS. ACCEPTED only says the SMS-C has it, and service SMS are not deliveries.
     */
    public static boolean changesDelivery(SmsDlr dlr) {
        return deliveryOf(dlr) != null && finalState(dlr) != null;
    }

    /**
     * A poll of the SMS gateway's outcomes ({@code sms.dlr.v1}), in the caller's transaction: one statement ends every
     * delivery they finish (the first final outcome of a delivery counts; a replayed one finds it finished). Returns how
     * many deliveries changed.
     */
    @Transactional
    public int onSmsOutcomes(List<SmsDlr> dlrs) {
        Map<UUID, SmsDlr> finals = new LinkedHashMap<>();
        for (SmsDlr dlr : dlrs) {
            if (changesDelivery(dlr)) {
                finals.putIfAbsent(deliveryOf(dlr), dlr);
            }
        }
        if (finals.isEmpty()) {
            return 0;
        }
        int n = finals.size();
        UUID[] ids = new UUID[n];
        String[] statuses = new String[n];
        String[] reasons = new String[n];
        int k = 0;
        for (Map.Entry<UUID, SmsDlr> e : finals.entrySet()) {
            DeliveryState state = finalState(e.getValue());
            ids[k] = e.getKey();
            statuses[k] = state.value();
            reasons[k] = state == DeliveryState.DELIVERED ? null
                    : "SMS " + e.getValue().status() + " " + e.getValue().errorCode();
            k++;
        }
        List<Done> done = jdbc.sql("""
                update im.delivery d set status = x.status, updated_at = ?, failure_reason = x.reason
                from unnest(?::uuid[], ?::varchar[], ?::varchar[]) as x(id, status, reason), im.message m
                where d.id = x.id and m.id = d.message_id and d.status = ? and d.channel = ?
                returning""" + Deliveries.DONE_COLUMNS)
                .params(Timestamp.from(clock.instant()), ids, statuses, reasons, DeliveryState.IN_FLIGHT.value(), DeliveryChannel.SMS.value())
                .query((rs, i) -> Deliveries.done(rs)).list();
        for (Done d : done) {
            SmsDlr dlr = finals.get(d.deliveryId());
            DeliveryState state = finalState(dlr);
            if (state == DeliveryState.DELIVERED) {
                List<String> smscIds = dlr.smscMessageIds() == null ? List.of() : dlr.smscMessageIds();
                deliveries.delivered(d, Channel.SMS, smscIds.isEmpty() ? null : smscIds.getFirst(), Math.max(1, smscIds.size()));
            } else {
                deliveries.report(d, state.status());
            }
        }
        return done.size();
    }

    /** The delivery a gateway outcome is about, or null for a service SMS or another producer's. */
    private static UUID deliveryOf(SmsDlr dlr) {
        return SmsSubmission.deliveryOf(dlr.requestId());
    }

    /** The state a gateway outcome ends a delivery in, or null while the SMS-C merely has the SMS (ACCEPTED). */
    private static DeliveryState finalState(SmsDlr dlr) {
        return switch (dlr.status()) {
            case DELIVERED -> DeliveryState.DELIVERED;
            case FAILED, REJECTED -> DeliveryState.FAILED;
            case EXPIRED -> DeliveryState.EXPIRED;
            default -> null;
        };
    }
}
