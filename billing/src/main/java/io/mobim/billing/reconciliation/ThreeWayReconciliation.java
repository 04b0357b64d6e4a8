package io.mobim.billing.reconciliation;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Compares, for one business day, the platform's message log, the SMS gateway's view and the rated records, leg by
 * leg. A leg is one message as charged to one party: {@code messageId:SENT} or {@code messageId:RECEIVED}. Pure:
 * the inputs are plain values, so the platform and the SMS gateway can feed their own extracts later (see
 * {@link ReconciliationService} for what billing feeds today).
 */
public final class ThreeWayReconciliation {

    /** A chargeable message leg in the platform's message log. */
    public record LogEntry(String messageId, Direction direction, Channel channel) {
        public LogEntry {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /** What the SMS gateway knows of an SMS leg. */
    public enum GatewayStatus {
        /** Accepted by the SMS-C (submit_sm_resp with a reference, or an MO received); outcome not known. */
        ACCEPTED,
        /** Delivery receipt: delivered. */
        DELIVERED,
        /** Delivery receipt: failed, expired or rejected. */
        FAILED
    }

    /** An SMS leg as the gateway saw it. */
    public record GatewayEntry(String messageId, Direction direction, String smscReference, GatewayStatus status) {
        public GatewayEntry {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(status, "status");
        }
    }

    /** A current rated record of a message. */
    public record RatedEntry(UUID eventId, String messageId, Direction direction, Channel channel, boolean service) {
        public RatedEntry {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(direction, "direction");
        }
    }

    /**
     * The comparison. Every list holds leg ids ({@code messageId:DIRECTION}), sorted.
     *
     * @param logLegs           legs in the message log
     * @param gatewayAccepted   SMS legs the gateway saw accepted (or delivered, or failed after acceptance)
     * @param gatewayDelivered  SMS legs with a delivered receipt
     * @param ratedLegs         legs with a current rated record
     * @param matched           legs in the log and rated exactly once (and, for SMS, confirmed by the gateway)
     * @param notRated          in the log, no rated record: lost or rejected
     * @param ratedNotInLog     rated, not in the log: charged for a message the platform does not know
     * @param ratedTwice        rated under more than one event id: charged twice
     * @param smsUnconfirmed    rated SMS legs the SMS-C never confirmed (no gateway entry)
     * @param smsFailed         rated SMS legs whose delivery failed
     * @param gatewayNotRated   SMS legs the gateway saw that have no rated record
     */
    public record Result(int logLegs, int gatewayAccepted, int gatewayDelivered, int ratedLegs, int matched,
            List<String> notRated, List<String> ratedNotInLog, List<String> ratedTwice, List<String> smsUnconfirmed,
            List<String> smsFailed, List<String> gatewayNotRated) {

        public int mismatches() {
            return notRated.size() + ratedNotInLog.size() + ratedTwice.size() + smsUnconfirmed.size() + smsFailed.size()
                    + gatewayNotRated.size();
        }
    }

    private ThreeWayReconciliation() {
    }

    public static String leg(String messageId, Direction direction) {
        return messageId + ":" + direction;
    }

    public static Result compare(Collection<LogEntry> log, Collection<GatewayEntry> gateway, Collection<RatedEntry> rated) {
        Map<String, LogEntry> logLegs = new LinkedHashMap<>();
        log.forEach(e -> logLegs.putIfAbsent(leg(e.messageId(), e.direction()), e));
        Map<String, GatewayEntry> gatewayLegs = new HashMap<>();
        for (GatewayEntry g : gateway) {
            // the most advanced status of a leg wins: FAILED and DELIVERED over ACCEPTED
            gatewayLegs.merge(leg(g.messageId(), g.direction()), g, (a, b) -> b.status().ordinal() > a.status().ordinal() ? b : a);
        }
        Map<String, List<RatedEntry>> ratedLegs = new HashMap<>();
        rated.stream().filter(r -> !r.service())
                .forEach(r -> ratedLegs.computeIfAbsent(leg(r.messageId(), r.direction()), k -> new ArrayList<>()).add(r));

        List<String> notRated = new ArrayList<>();
        List<String> ratedNotInLog = new ArrayList<>();
        List<String> ratedTwice = new ArrayList<>();
        List<String> smsUnconfirmed = new ArrayList<>();
        List<String> smsFailed = new ArrayList<>();
        List<String> gatewayNotRated = new ArrayList<>();
        int matched = 0;
        for (String leg : logLegs.keySet()) {
            if (!ratedLegs.containsKey(leg)) {
                notRated.add(leg);
            }
        }
        for (Map.Entry<String, List<RatedEntry>> e : ratedLegs.entrySet()) {
            String leg = e.getKey();
            RatedEntry first = e.getValue().get(0);
            boolean ok = true;
            if (e.getValue().stream().map(RatedEntry::eventId).distinct().count() > 1) {
                ratedTwice.add(leg);
                ok = false;
            }
            if (!logLegs.containsKey(leg)) {
                ratedNotInLog.add(leg);
                ok = false;
            }
            if (first.channel() == Channel.SMS) {
                GatewayEntry g = gatewayLegs.get(leg);
                if (g == null) {
                    smsUnconfirmed.add(leg);
                    ok = false;
                } else if (g.status() == GatewayStatus.FAILED) {
                    smsFailed.add(leg);
                    ok = false;
                }
            }
            if (ok) {
                matched++;
            }
        }
        for (String leg : gatewayLegs.keySet()) {
            if (!ratedLegs.containsKey(leg)) {
                gatewayNotRated.add(leg);
            }
        }
        int delivered = (int) gatewayLegs.values().stream().filter(g -> g.status() == GatewayStatus.DELIVERED).count();
        return new Result(logLegs.size(), gatewayLegs.size(), delivered, ratedLegs.size(), matched, sorted(notRated),
                sorted(ratedNotInLog), sorted(ratedTwice), sorted(smsUnconfirmed), sorted(smsFailed), sorted(gatewayNotRated));
    }

    private static List<String> sorted(List<String> legs) {
        return legs.stream().sorted().toList();
    }
}
