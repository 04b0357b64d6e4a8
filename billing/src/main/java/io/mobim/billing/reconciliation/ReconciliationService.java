package io.mobim.billing.reconciliation;

import io.mobim.billing.gateway.GatewayFact;
import io.mobim.billing.gateway.GatewayFactStore;
import io.mobim.billing.rating.RejectedEvent;
import io.mobim.billing.rating.RejectedEventStore;
import io.mobim.billing.records.Bill;
import io.mobim.billing.records.BillService;
import io.mobim.billing.records.RatedRecord;
import io.mobim.billing.records.RatedRecordStore;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.GatewayEntry;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.GatewayStatus;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.LogEntry;
import io.mobim.billing.reconciliation.ThreeWayReconciliation.RatedEntry;
import io.mobim.events.charging.Channel;
import io.mobim.events.charging.ChargingEvent;
import io.mobim.events.charging.ChargingKind;
import io.mobim.events.charging.Direction;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the daily reconciliation report from three independent sources: the rated records (billing's own), the SMS
 * gateway's output (billing's own record of {@code sms.mo.v1} and {@code sms.dlr.v1}, see {@code gateway}) and the
 * IM core's message log (its extract over HTTP). When a source is not available, the report derives it from the
 * charging events billing received, and says so in {@link ReconciliationReport#sources()}: a derived log cannot show
 * a leg the IM core never charged, a derived gateway view cannot show an SMS the SMS-C never confirmed.
 */
public class ReconciliationService {

    /** Values of {@link ReconciliationReport#sources()}; the {@code *.detail} keys say more, in words. */
    public static final String IM = "im", SMS_TOPICS = "sms-topics", DERIVED = "billing-derived", SUPPLIED = "supplied";

    private final RatedRecordStore records;
    private final RejectedEventStore rejections;
    private final ZoneId zone;
    private final GatewayFactStore gatewayFacts;
    private final NearbyRatedSms nearby;
    private final MessageLogClient messageLog;
    private final ReconciliationProperties settings;
    private final boolean gatewayConsumed;
    private final Clock clock;

    /**
     * @param gatewayConsumed whether this deployment consumes the gateway's topics into {@code gateway_fact}; when not,
     *                        the gateway view is derived
     */
    public ReconciliationService(RatedRecordStore records, RejectedEventStore rejections, ZoneId zone,
            GatewayFactStore gatewayFacts, NearbyRatedSms nearby, MessageLogClient messageLog,
            ReconciliationProperties settings, boolean gatewayConsumed, Clock clock) {
        this.records = records;
        this.rejections = rejections;
        this.zone = zone;
        this.gatewayFacts = gatewayFacts;
        this.nearby = nearby;
        this.messageLog = messageLog;
        this.settings = settings;
        this.gatewayConsumed = gatewayConsumed;
        this.clock = clock;
    }

    /**
     * The report from the configured sources; non-null extracts replace the log and/or the gateway view. The day's
     * rated records are read once, as a stream, into what the report needs of them (totals, sequence runs, the
     * message legs' keys); the message log is read as it arrives. Neither is ever in memory whole.
     */
    public ReconciliationReport report(LocalDate day, List<LogEntry> suppliedLog, List<GatewayEntry> suppliedGateway) {
        Map<String, String> sources = new LinkedHashMap<>();
        MessageLogClient.Fetched fetched = suppliedLog != null ? null : fetch(day, sources);
        List<LogEntry> log = suppliedLog != null ? supplied(suppliedLog, sources) : fetched != null ? fetched.legs() : null;

        List<GatewayEntry> gatewayOfDay = null;
        List<GatewayEntry> gatewayNearby = new ArrayList<>();
        List<RatedEntry> ratedNearby = List.of();
        if (suppliedGateway != null) {
            gatewayOfDay = suppliedGateway;
            sources.put("gateway", SUPPLIED);
            sources.put("gateway.detail", "the gateway extract posted with the request");
        } else if (gatewayConsumed && day.isBefore(settings.gateway().firstKeptDay(LocalDate.now(clock.withZone(zone))))) {
            sources.put("gateway", DERIVED);
            sources.put("gateway.detail", "FALLBACK: billing keeps its record of the SMS gateway's output for "
                    + settings.gateway().retention().toDays() + " days (mobim.billing.reconciliation.gateway.retention) "
                    + "and this day is older; every SMS leg that carried an SMS-C reference counts as accepted, so no "
                    + "delivery outcome is checked");
        } else if (gatewayConsumed) {
            gatewayOfDay = new ArrayList<>();
            for (GatewayFact f : gatewayFacts.ofDays(day.minusDays(1), day.plusDays(1))) {
                (f.businessDay().equals(day) ? gatewayOfDay : gatewayNearby).add(entry(f));
            }
            ratedNearby = nearby.ofDays(day.minusDays(1), day.plusDays(1));
            sources.put("gateway", SMS_TOPICS);
            sources.put("gateway.detail", "billing's own record of the SMS gateway's sms.mo.v1 and sms.dlr.v1 "
                    + "(consumer group " + settings.gateway().groupId() + "), matched by SMS-C reference");
        } else {
            sources.put("gateway", DERIVED);
            sources.put("gateway.detail", "FALLBACK: billing does not consume the gateway's topics here "
                    + "(mobim.billing.reconciliation.gateway.enabled or mobim.billing.consumer.enabled is off); every SMS "
                    + "leg that carried an SMS-C reference counts as accepted, so no delivery outcome is checked");
        }

        Day of = new Day(log == null || gatewayOfDay == null);
        records.forEachCurrentOfDay(day, of::add);
        List<RejectedEvent> rejected = rejections.ofDay(day);
        Map<String, Long> openByReason = new TreeMap<>();
        for (RejectedEvent j : rejected) {
            of.sequences.add(j.nodeId(), j.sequence());
            if ("OPEN".equals(j.status())) {
                openByReason.merge(j.reasonCode().name(), 1L, Long::sum);
                if (of.deriving) {
                    derive(j.event(), of.derivedLog, of.derivedGateway);
                }
            }
        }
        ThreeWayReconciliation.Result threeWay = ThreeWayReconciliation.compare(new ThreeWayReconciliation.Inputs(
                log != null ? log : of.derivedLog, gatewayOfDay != null ? gatewayOfDay : of.derivedGateway, of.ratedEntries,
                gatewayNearby, ratedNearby, fetched != null ? fetched.freeMos() : null));
        return new ReconciliationReport(day, zone.getId(), new ArrayList<>(of.controlTotals.values()),
                new ArrayList<>(of.totals.values()), openByReason, of.sequences.result(), threeWay, sources);
    }

    private static List<LogEntry> supplied(List<LogEntry> supplied, Map<String, String> sources) {
        sources.put("log", SUPPLIED);
        sources.put("log.detail", "the message log extract posted with the request");
        return supplied;
    }

    /** The IM core's log; null when it gave none (the report then derives it). */
    private MessageLogClient.Fetched fetch(LocalDate day, Map<String, String> sources) {
        MessageLogClient.Fetch fetch = messageLog.fetch(day, zone);
        if (fetch instanceof MessageLogClient.Fetched f) {
            sources.put("log", IM);
            sources.put("log.detail", "the IM core's message log, " + f.legs().size() + " legs"
                    + (f.freeMos() == null ? "" : " and " + f.freeMos().size() + " MOs handled free of charge") + " from " + f.source()
                    + (f.freeMos() != null ? "" : "; it does not say which MOs were handled free of charge (the day "
                    + "reaches back past mobim.sms.handled-mo-retention, or the IM node is older), so an MO nobody was "
                    + "charged for is listed as uncharged, not counted as a mismatch"));
            return f;
        }
        MessageLogClient.NotFetched failed = (MessageLogClient.NotFetched) fetch;
        sources.put("log", DERIVED);
        sources.put("log.detail", "FALLBACK: the IM core's message log was not used (" + failed.reason() + "; source: "
                + failed.source() + "). The log is derived from the charging events billing received, so a leg the IM "
                + "core logged but never charged cannot show as not rated");
        return null;
    }

    private GatewayEntry entry(GatewayFact f) {
        boolean mo = f.direction() == GatewayFact.Direction.MO;
        GatewayStatus status = f.status() == GatewayFact.Status.RECEIVED ? GatewayStatus.RECEIVED
                : f.status() == GatewayFact.Status.DELIVERED ? GatewayStatus.DELIVERED
                : f.status().isFailure() ? GatewayStatus.FAILED : GatewayStatus.ACCEPTED;
        Boolean chargeable = mo ? null : settings.gateway().chargeableServices().contains(f.service());
        return new GatewayEntry(null, mo ? Direction.SENT : Direction.RECEIVED, f.smscReference(), status, f.factId(), chargeable);
    }

    /**
     * What the report keeps of the day's rated records, added one at a time: totals, sequence runs, the keys of the
     * message legs, and the derived log and gateway view only when the report needs them (every MESSAGE event billing
     * received, rated or still rejected).
     */
    private static final class Day {
        final Map<String, ReconciliationReport.ControlTotal> controlTotals = new TreeMap<>();
        final Map<String, Bill.Total> totals = new TreeMap<>();
        final SequenceGaps.Collector sequences = new SequenceGaps.Collector();
        final List<RatedEntry> ratedEntries = new ArrayList<>();
        final boolean deriving;
        final List<LogEntry> derivedLog = new ArrayList<>();
        final List<GatewayEntry> derivedGateway = new ArrayList<>();

        Day(boolean deriving) {
            this.deriving = deriving;
        }

        void add(RatedRecord r) {
            sequences.add(r.nodeId(), r.sequence());
            addControlTotal(controlTotals, r);
            BillService.addTo(totals, r);
            if (r.kind() == ChargingKind.MESSAGE) {
                ratedEntries.add(new RatedEntry(r.eventId(), r.messageId(), r.direction(), r.channel(), r.service(),
                        r.smscReference()));
                if (deriving) {
                    derive(r.toEvent(), derivedLog, derivedGateway);
                }
            }
        }
    }

    private static void derive(ChargingEvent e, List<LogEntry> log, List<GatewayEntry> gateway) {
        if (e.kind() != ChargingKind.MESSAGE || e.service()) {
            return;
        }
        log.add(new LogEntry(e.messageId(), e.direction(), e.channel()));
        if (e.channel() == Channel.SMS && e.smscReference() != null) {
            gateway.add(new GatewayEntry(e.messageId(), e.direction(), e.smscReference(), GatewayStatus.ACCEPTED));
        }
    }

    private static void addControlTotal(Map<String, ReconciliationReport.ControlTotal> totals, RatedRecord r) {
        String direction = r.direction() != null ? r.direction().name() : r.kind().name();
        String key = String.join("|", r.planId(), r.channel().name(), direction, r.currency());
        totals.merge(key, new ReconciliationReport.ControlTotal(r.planId(), r.channel().name(), direction, r.currency(), 1,
                r.chargedUnits(), r.amount(), r.passThroughAmount()), (a, b) -> new ReconciliationReport.ControlTotal(
                a.planId(), a.channel(), a.direction(), a.currency(), a.records() + b.records(),
                a.chargedUnits() + b.chargedUnits(), a.amount().add(b.amount()), a.passThroughAmount().add(b.passThroughAmount())));
    }
}
