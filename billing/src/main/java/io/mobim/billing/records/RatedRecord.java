package io.mobim.billing.records;

import io.mobim.billing.rating.Rating;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargedRole;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.charging.Direction;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The rated record (CDR) of one charging event: the event's facts, the plan version it was rated with and the
 * amount. {@code (eventId, version)} is unique and exactly one version per event is current; re-rating adds a
 * version and keeps the old one.
 */
public record RatedRecord(
        UUID eventId,
        int version,
        boolean current,
        String nodeId,
        long sequence,
        Instant eventTime,
        LocalDate businessDay,
        String period,
        String msisdn,
        ChargedRole chargedRole,
        ChargingKind kind,
        Channel channel,
        Direction direction,
        boolean service,
        String eventPlan,
        String messageId,
        String otherParty,
        String otherOperator,
        String smscReference,
        Integer segments,
        Long bytes,
        String planId,
        int planVersion,
        long chargedUnits,
        long allowanceUnits,
        BigDecimal amount,
        BigDecimal passThroughAmount,
        String currency,
        String rule,
        Instant ratedAt,
        RatingReason ratingReason) {

    /** Why this version was written. */
    public enum RatingReason {
        /** First rating, from the topic. */
        RATED,
        /** Rated when recycling a rejected event after a fix. */
        RECYCLED,
        /** A new version written by re-rating a period. */
        RERATED
    }

    public static RatedRecord of(ChargingEvent e, Rating r, int version, RatingReason reason, Instant ratedAt) {
        return new RatedRecord(e.eventId(), version, true, e.nodeId(), e.sequence(), e.eventTime(), r.businessDay(),
                r.period(), e.chargedMsisdn(), e.chargedRole(), e.kind(), e.channel(), e.direction(), e.service(),
                e.tariffPlan(), e.messageId(), e.otherParty(), e.otherOperator(), e.smscReference(), e.segments(),
                e.bytes(), r.planId(), r.planVersion(), r.chargedUnits(), r.allowanceUnits(), r.amount(),
                r.passThroughAmount(), r.currency().getCurrencyCode(), r.rule(), ratedAt, reason);
    }

    /** The charging event this record was rated from (re-rating rates it again). */
    public ChargingEvent toEvent() {
        return new ChargingEvent(ChargingEvent.SCHEMA_VERSION, eventId, eventTime, nodeId, sequence, kind, channel,
                service, msisdn, chargedRole, eventPlan, messageId, otherParty, otherOperator, smscReference, segments,
                bytes);
    }

    /** Whether a re-rating produced a different price or plan version. */
    public boolean pricedAs(RatedRecord other) {
        return planId.equals(other.planId) && planVersion == other.planVersion && chargedUnits == other.chargedUnits
                && allowanceUnits == other.allowanceUnits && amount.compareTo(other.amount) == 0
                && passThroughAmount.compareTo(other.passThroughAmount) == 0 && currency.equals(other.currency)
                && rule.equals(other.rule);
    }
}
