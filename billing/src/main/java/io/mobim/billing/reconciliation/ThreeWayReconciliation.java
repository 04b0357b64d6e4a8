package io.mobim.billing.reconciliation;

import io.mobim.events.charging.Channel;
import io.mobim.events.charging.Direction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Compares, for one business day, the platform's message log, the SMS gateway's view and the rated records, leg by
 * leg. A leg is one message as charged to one party: {@code messageId:SENT} or {@code messageId:RECEIVED}. A rated
 * SMS leg is matched to the gateway by its SMS-C reference (the MO's message id for SENT, the MT's for RECEIVED), or,
 * when it has none, through the log's gateway id or the message id. Pure: the inputs are plain values (see
 * {@link ReconciliationService} for where they come from).
 */
public final class ThreeWayReconciliation {

    /**
     * A chargeable message leg in the platform's message log.
     *
     * @param gatewayId for an SMS leg, the gateway's id of it (MO id, MT request id), if the log knows it
     */
    public record LogEntry(String messageId, Direction direction, Channel channel, String gatewayId) {
        public LogEntry {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(direction, "direction");
        }

        public LogEntry(String messageId, Direction direction, Channel channel) {
            this(messageId, direction, channel, null);
        }
    }

    /** What the SMS gateway knows of an SMS. */
    public enum GatewayStatus {
        /** Accepted by the SMS-C (submit_sm_resp with a reference); outcome not known yet. */
        ACCEPTED,
        /** Delivery receipt: delivered. */
        DELIVERED,
        /** Delivery receipt: failed, expired or rejected. */
        FAILED,
        /** An MO the SMS-C delivered to us. */
        RECEIVED
    }

    /**
     * An SMS as the gateway saw it; direction SENT is an MO (the subscriber sent it), RECEIVED an MT. At least one of
     * {@code smscReference}, {@code gatewayId} and {@code messageId} identifies it.
     *
     * @param messageId  the platform's message id, if the source knows it (supplied extracts)
     * @param gatewayId  the gateway's id: MO id or MT request id
     * @param chargeable whether the platform charges this SMS: {@code false} for service MTs, {@code null} when only
     *                   the message log can tell (an MO may be a message or a command)
     */
    public record GatewayEntry(String messageId, Direction direction, String smscReference, GatewayStatus status,
            String gatewayId, Boolean chargeable) {
        public GatewayEntry {
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(status, "status");
            if (messageId == null && smscReference == null && gatewayId == null) {
                throw new IllegalArgumentException("a gateway entry needs a messageId, smscReference or gatewayId");
            }
        }

        public GatewayEntry(String messageId, Direction direction, String smscReference, GatewayStatus status) {
            this(messageId, direction, smscReference, status, null, null);
        }

        String key() {
            return direction + (smscReference != null ? "/ref/" + smscReference
                    : gatewayId != null ? "/id/" + gatewayId : "/leg/" + messageId);
        }

        /** How the report names it: the leg if the message is known, else MO or MT and the SMS-C reference. */
        String label() {
            if (messageId != null) {
                return leg(messageId, direction);
            }
            return (direction == Direction.SENT ? "MO:" : "MT:") + (smscReference != null ? smscReference : "id=" + gatewayId);
        }

        /** The SMS-C got as far as it will for a charge: an MO received, an MT delivered. */
        boolean completed() {
            return direction == Direction.SENT ? status != GatewayStatus.FAILED : status == GatewayStatus.DELIVERED;
        }
    }

    /** A current rated record of a message. */
    public record RatedEntry(UUID eventId, String messageId, Direction direction, Channel channel, boolean service,
            String smscReference) {
        public RatedEntry {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(direction, "direction");
        }

        public RatedEntry(UUID eventId, String messageId, Direction direction, Channel channel, boolean service) {
            this(eventId, messageId, direction, channel, service, null);
        }
    }

    /**
     * The inputs of one day. The nearby lists (the days before and after) only answer "was it seen at all": an SMS
     * accepted at 23:59 and charged at 00:01 is neither unconfirmed nor unrated; they are not counted.
     */
    public record Inputs(Collection<LogEntry> log, Collection<GatewayEntry> gateway, Collection<RatedEntry> rated,
            Collection<GatewayEntry> gatewayNearby, Collection<RatedEntry> ratedNearby, Set<String> freeMos) {

        public Inputs(Collection<LogEntry> log, Collection<GatewayEntry> gateway, Collection<RatedEntry> rated,
                Collection<GatewayEntry> gatewayNearby, Collection<RatedEntry> ratedNearby) {
            this(log, gateway, rated, gatewayNearby, ratedNearby, null);
        }
    }

    /**
     * The comparison. Every list holds leg ids ({@code messageId:DIRECTION}) or, for gateway SMS the platform's
     * message id is not known of, {@code MO:<smsc reference>} / {@code MT:<smsc reference>}; sorted.
     *
     * @param logLegs           legs in the message log
     * @param gatewayAccepted   SMS the gateway reported (MOs received and MTs, whatever their outcome)
     * @param gatewayDelivered  SMS with a delivered receipt
     * @param ratedLegs         legs with a current rated record
     * @param matched           legs rated exactly once, in the log and, for SMS, completed at the SMS-C
     * @param notRated          in the log, no rated record: lost or rejected
     * @param ratedNotInLog     rated, not in the log: charged for a message the platform does not know
     * @param ratedTwice        rated under more than one event id: charged twice
     * @param smsUnconfirmed    rated SMS legs the SMS-C never confirmed (no gateway entry)
     * @param smsFailed         rated SMS legs whose delivery failed, expired or was rejected
     * @param gatewayNotRated   chargeable SMS the gateway completed (an MO of a logged message, an MT delivery
     *                          delivered) that have no rated record
     * @param moReceived        MOs the SMS-C delivered to us
     * @param mtSubmitted       MTs the SMS-C accepted
     * @param mtDelivered       MTs with a delivered receipt
     * @param mtFailed          MTs that failed, expired or were rejected
     * @param moFree            not a mismatch: MOs the IM core handled free of charge by design (commands such as ADD,
     *                          ACCEPT or HELP, messages it refused, redeliveries), as its message log lists them
     * @param moNotCharged      MOs no charge and no logged message refers to, that the message log does not list as
     *                          free either: an MO the IM core has no record of handling (lost, or not handled yet). A
     *                          mismatch when the log came from the IM core ({@code moFreeKnown}); without it (a derived
     *                          or supplied log) every command lands here too, and it is only listed
     * @param moFreeKnown       whether the log said which MOs were free, so that {@code moNotCharged} are anomalies
     */
    public record Result(int logLegs, int gatewayAccepted, int gatewayDelivered, int ratedLegs, int matched,
            List<String> notRated, List<String> ratedNotInLog, List<String> ratedTwice, List<String> smsUnconfirmed,
            List<String> smsFailed, List<String> gatewayNotRated, int moReceived, int mtSubmitted, int mtDelivered,
            int mtFailed, List<String> moFree, List<String> moNotCharged, boolean moFreeKnown) {

        public int mismatches() {
            return notRated.size() + ratedNotInLog.size() + ratedTwice.size() + smsUnconfirmed.size() + smsFailed.size()
                    + gatewayNotRated.size() + (moFreeKnown ? moNotCharged.size() : 0);
        }
    }

    private ThreeWayReconciliation() {
    }

    public static String leg(String messageId, Direction direction) {
        return messageId + ":" + direction;
    }

    public static Result compare(Collection<LogEntry> log, Collection<GatewayEntry> gateway, Collection<RatedEntry> rated) {
        return compare(new Inputs(log, gateway, rated, List.of(), List.of()));
    }

    public static Result compare(Inputs in) {
        Map<String, LogEntry> logLegs = new LinkedHashMap<>();
        Map<String, String> logByGatewayId = new HashMap<>();
        for (LogEntry e : in.log()) {
            String leg = leg(e.messageId(), e.direction());
            logLegs.putIfAbsent(leg, e);
            if (e.gatewayId() != null) {
                logByGatewayId.putIfAbsent(e.direction() + "/" + e.gatewayId(), leg);
            }
        }
        Map<String, GatewayEntry> gatewayOfDay = fold(in.gateway());
        GatewayIndex gateway = new GatewayIndex(fold(in.gatewayNearby()), gatewayOfDay);

        Map<String, List<RatedEntry>> ratedLegs = new HashMap<>();
        in.rated().stream().filter(r -> !r.service())
                .forEach(r -> ratedLegs.computeIfAbsent(leg(r.messageId(), r.direction()), k -> new ArrayList<>()).add(r));
        Set<String> ratedAnyDay = new HashSet<>(ratedLegs.keySet());
        Set<String> ratedReferences = new HashSet<>();
        for (Collection<RatedEntry> rs : List.of(in.rated(), in.ratedNearby())) {
            for (RatedEntry r : rs) {
                if (!r.service()) {
                    ratedAnyDay.add(leg(r.messageId(), r.direction()));
                    if (r.smscReference() != null) {
                        ratedReferences.add(r.direction() + "/" + r.smscReference());
                    }
                }
            }
        }

        List<String> notRated = new ArrayList<>();
        List<String> ratedNotInLog = new ArrayList<>();
        List<String> ratedTwice = new ArrayList<>();
        List<String> smsUnconfirmed = new ArrayList<>();
        List<String> smsFailed = new ArrayList<>();
        List<String> gatewayNotRated = new ArrayList<>();
        List<String> moNotCharged = new ArrayList<>();
        List<String> moFree = new ArrayList<>();
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
            LogEntry logged = logLegs.get(leg);
            if (logged == null) {
                ratedNotInLog.add(leg);
                ok = false;
            }
            if (first.channel() == Channel.SMS) {
                GatewayEntry g = gateway.find(first, logged);
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
        int moReceived = 0;
        int mtSubmitted = 0;
        int mtDelivered = 0;
        int mtFailed = 0;
        for (GatewayEntry g : gatewayOfDay.values()) {
            if (g.direction() == Direction.SENT) {
                moReceived += g.status() == GatewayStatus.FAILED ? 0 : 1;
            } else {
                mtSubmitted += g.smscReference() != null || g.status() != GatewayStatus.FAILED ? 1 : 0;
                mtDelivered += g.status() == GatewayStatus.DELIVERED ? 1 : 0;
                mtFailed += g.status() == GatewayStatus.FAILED ? 1 : 0;
            }
            if (!g.completed() || Boolean.FALSE.equals(g.chargeable())) {
                continue;   // failed or still open, or a service SMS: nothing is owed
            }
            String loggedLeg = g.gatewayId() == null ? null : logByGatewayId.get(g.direction() + "/" + g.gatewayId());
            boolean rated = (g.smscReference() != null && ratedReferences.contains(g.direction() + "/" + g.smscReference()))
                    || (g.messageId() != null && ratedAnyDay.contains(leg(g.messageId(), g.direction())))
                    || (loggedLeg != null && ratedAnyDay.contains(loggedLeg));
            if (rated) {
                continue;
            }
            boolean logged = loggedLeg != null || (g.messageId() != null && logLegs.containsKey(leg(g.messageId(), g.direction())));
            if (g.chargeable() == null && !logged && g.direction() == Direction.SENT) {
                boolean free = in.freeMos() != null && g.gatewayId() != null && in.freeMos().contains(g.gatewayId());
                (free ? moFree : moNotCharged).add(g.label());
            } else {
                gatewayNotRated.add(g.label());
            }
        }
        int delivered = (int) gatewayOfDay.values().stream().filter(g -> g.status() == GatewayStatus.DELIVERED).count();
        return new Result(logLegs.size(), gatewayOfDay.size(), delivered, ratedLegs.size(), matched, sorted(notRated),
                sorted(ratedNotInLog), sorted(ratedTwice), sorted(smsUnconfirmed), sorted(smsFailed), sorted(gatewayNotRated),
                moReceived, mtSubmitted, mtDelivered, mtFailed, sorted(moFree), sorted(moNotCharged), in.freeMos() != null);
    }

    /** One entry per SMS; of several reports of one SMS the outcome wins over ACCEPTED. */
    private static Map<String, GatewayEntry> fold(Collection<GatewayEntry> entries) {
        Map<String, GatewayEntry> out = new LinkedHashMap<>();
        entries.forEach(g -> out.merge(g.key(), g, (a, b) -> a.status() == GatewayStatus.ACCEPTED ? b : a));
        return out;
    }

    /** Gateway entries of the day and of the days around it, by SMS-C reference, gateway id and leg. */
    private static final class GatewayIndex {
        private final Map<String, GatewayEntry> byReference = new HashMap<>();
        private final Map<String, GatewayEntry> byGatewayId = new HashMap<>();
        private final Map<String, GatewayEntry> byLeg = new HashMap<>();

        @SafeVarargs
        GatewayIndex(Map<String, GatewayEntry>... sources) {
            for (Map<String, GatewayEntry> source : sources) {   // later sources (the day itself) win
                for (GatewayEntry g : source.values()) {
                    if (g.smscReference() != null) {
                        byReference.put(g.direction() + "/" + g.smscReference(), g);
                    }
                    if (g.gatewayId() != null) {
                        byGatewayId.put(g.direction() + "/" + g.gatewayId(), g);
                    }
                    if (g.messageId() != null) {
                        byLeg.put(leg(g.messageId(), g.direction()), g);
                    }
                }
            }
        }

        GatewayEntry find(RatedEntry r, LogEntry logged) {
            GatewayEntry g = r.smscReference() == null ? null : byReference.get(r.direction() + "/" + r.smscReference());
            if (g == null) {
                g = byLeg.get(leg(r.messageId(), r.direction()));
            }
            if (g == null && logged != null && logged.gatewayId() != null) {
                g = byGatewayId.get(r.direction() + "/" + logged.gatewayId());
            }
            return g;
        }
    }

    private static List<String> sorted(List<String> legs) {
        return legs.stream().sorted().toList();
    }
}
