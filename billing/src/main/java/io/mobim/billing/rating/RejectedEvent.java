package io.mobim.billing.rating;

import io.mobim.events.EventJson;
import io.mobim.events.charging.ChargingEvent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A charging event billing could not rate, kept whole (its JSON) with the reason until it is recycled.
 *
 * @param status OPEN until a recycle rates it, then RECYCLED
 */
public record RejectedEvent(
        UUID eventId,
        String nodeId,
        long sequence,
        Instant eventTime,
        LocalDate businessDay,
        String msisdn,
        RejectReason reasonCode,
        String reason,
        String payload,
        Instant rejectedAt,
        int attempts,
        String status) {

    public static RejectedEvent of(ChargingEvent e, LocalDate businessDay, PlanResolution.Rejected why, Instant now) {
        return new RejectedEvent(e.eventId(), e.nodeId(), e.sequence(), e.eventTime(), businessDay, e.chargedMsisdn(),
                why.code(), why.reason(), EventJson.mapper().writeValueAsString(e), now, 1, "OPEN");
    }

    public ChargingEvent event() {
        return EventJson.mapper().readValue(payload, ChargingEvent.class);
    }
}
