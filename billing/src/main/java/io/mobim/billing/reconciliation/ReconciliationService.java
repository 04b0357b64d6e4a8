package io.mobim.billing.reconciliation;

import io.mobim.billing.rating.RejectedEvent;
import io.mobim.billing.rating.RejectedEventStore;
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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the daily reconciliation report. Billing cannot read the platform's or the gateway's tables, so unless
 * their extracts are supplied it derives them from what it received: the message log is every MESSAGE event
 * (rated or rejected) and the gateway view is every SMS leg that carried an SMS-C reference (ACCEPTED).
 */
public class ReconciliationService {

    private final RatedRecordStore records;
    private final RejectedEventStore rejections;
    private final ZoneId zone;

    public ReconciliationService(RatedRecordStore records, RejectedEventStore rejections, ZoneId zone) {
        this.records = records;
        this.rejections = rejections;
        this.zone = zone;
    }

    /** The report with billing-derived inputs; pass non-null extracts to compare against the real sources. */
    public ReconciliationReport report(LocalDate day, List<LogEntry> suppliedLog, List<GatewayEntry> suppliedGateway) {
        List<RatedRecord> rated = records.currentOfDay(day);
        List<RejectedEvent> rejected = rejections.ofDay(day);

        Map<String, List<Long>> sequences = new HashMap<>();
        rated.forEach(r -> sequences.computeIfAbsent(r.nodeId(), k -> new ArrayList<>()).add(r.sequence()));
        rejected.forEach(r -> sequences.computeIfAbsent(r.nodeId(), k -> new ArrayList<>()).add(r.sequence()));

        List<LogEntry> derivedLog = new ArrayList<>();
        List<GatewayEntry> derivedGateway = new ArrayList<>();
        List<RatedEntry> ratedEntries = new ArrayList<>();
        for (RatedRecord r : rated) {
            if (r.kind() == ChargingKind.MESSAGE) {
                ratedEntries.add(new RatedEntry(r.eventId(), r.messageId(), r.direction(), r.channel(), r.service()));
                derive(r.toEvent(), derivedLog, derivedGateway);
            }
        }
        Map<String, Long> openByReason = new TreeMap<>();
        for (RejectedEvent j : rejected) {
            if ("OPEN".equals(j.status())) {
                openByReason.merge(j.reasonCode().name(), 1L, Long::sum);
                derive(j.event(), derivedLog, derivedGateway);
            }
        }
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("log", suppliedLog == null ? "billing" : "supplied");
        sources.put("gateway", suppliedGateway == null ? "billing" : "supplied");
        ThreeWayReconciliation.Result threeWay = ThreeWayReconciliation.compare(
                suppliedLog == null ? derivedLog : suppliedLog,
                suppliedGateway == null ? derivedGateway : suppliedGateway, ratedEntries);
        return new ReconciliationReport(day, zone.getId(), controlTotals(rated), BillService.totals(rated), openByReason,
                SequenceGaps.find(sequences), threeWay, sources);
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

    static List<ReconciliationReport.ControlTotal> controlTotals(List<RatedRecord> rated) {
        Map<String, ReconciliationReport.ControlTotal> totals = new TreeMap<>();
        for (RatedRecord r : rated) {
            String direction = r.direction() != null ? r.direction().name() : r.kind().name();
            String key = String.join("|", r.planId(), r.channel().name(), direction, r.currency());
            totals.merge(key, new ReconciliationReport.ControlTotal(r.planId(), r.channel().name(), direction, r.currency(), 1,
                    r.chargedUnits(), r.amount(), r.passThroughAmount()), (a, b) -> new ReconciliationReport.ControlTotal(
                    a.planId(), a.channel(), a.direction(), a.currency(), a.records() + b.records(),
                    a.chargedUnits() + b.chargedUnits(), a.amount().add(b.amount()), a.passThroughAmount().add(b.passThroughAmount())));
        }
        return new ArrayList<>(totals.values());
    }
}
