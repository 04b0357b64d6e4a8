package io.mobim.billing.reconciliation;

import io.mobim.billing.records.Bill;
import io.mobim.events.csv.CsvRow;
import java.util.List;
import java.util.Map;

/**
 * The reconciliation report as CSV: typed rows, the first field names the row type; cells by {@link CsvRow}.
 * <pre>
 * TOTAL,day,plan_id,channel,direction,currency,records,charged_units,amount,pass_through_amount
 * REJECTED,day,reason_code,open_count
 * SEQUENCE,day,node_id,first,last,seen,missing
 * GAP,day,node_id,from,to,size
 * SOURCE,day,name,value
 * THREE_WAY,day,log_legs,gateway_accepted,gateway_delivered,rated_legs,matched,mismatches,mo_received,mt_submitted,mt_delivered,mt_failed
 * MISMATCH,day,type,leg
 * UNCHARGED,day,MO_NOT_CHARGED,id   (not a mismatch: MOs that were commands, not messages)
 * TRAILER,day,currency,records,amount,pass_through_amount
 * </pre>
 */
public final class ReconciliationCsv {

    private ReconciliationCsv() {
    }

    public static String write(ReconciliationReport report) {
        StringBuilder out = new StringBuilder("record_type,day,fields...\r\n");
        String day = report.day().toString();
        for (ReconciliationReport.ControlTotal t : report.controlTotals()) {
            CsvRow.append(out, "TOTAL", day, t.planId(), t.channel(), t.direction(), t.currency(), t.records(),
                    t.chargedUnits(), t.amount(), t.passThroughAmount());
        }
        report.openRejectedByReason().forEach((reason, n) -> CsvRow.append(out, "REJECTED", day, reason, n));
        for (SequenceGaps.NodeSequences s : report.sequences()) {
            CsvRow.append(out, "SEQUENCE", day, s.nodeId(), s.first(), s.last(), s.seen(), s.missing());
            for (SequenceGaps.Gap g : s.gaps()) {
                CsvRow.append(out, "GAP", day, s.nodeId(), g.from(), g.to(), g.size());
            }
        }
        report.sources().forEach((name, value) -> CsvRow.append(out, "SOURCE", day, name, value));
        ThreeWayReconciliation.Result w = report.threeWay();
        CsvRow.append(out, "THREE_WAY", day, w.logLegs(), w.gatewayAccepted(), w.gatewayDelivered(), w.ratedLegs(),
                w.matched(), w.mismatches(), w.moReceived(), w.mtSubmitted(), w.mtDelivered(), w.mtFailed());
        for (Map.Entry<String, List<String>> e : Map.of("NOT_RATED", w.notRated(), "RATED_NOT_IN_LOG", w.ratedNotInLog(),
                "RATED_TWICE", w.ratedTwice(), "SMS_UNCONFIRMED", w.smsUnconfirmed(), "SMS_FAILED", w.smsFailed(),
                "GATEWAY_NOT_RATED", w.gatewayNotRated()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            e.getValue().forEach(leg -> CsvRow.append(out, "MISMATCH", day, e.getKey(), leg));
        }
        w.moNotCharged().forEach(id -> CsvRow.append(out, "UNCHARGED", day, "MO_NOT_CHARGED", id));
        for (Bill.Total t : report.totals()) {
            CsvRow.append(out, "TRAILER", day, t.currency(), t.records(), t.amount(),
                    t.passThroughAmount());
        }
        return out.toString();
    }
}
