package io.mobim.billing.reconciliation;

import io.mobim.billing.records.Bill;
import io.mobim.events.csv.CsvRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
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
 * MISMATCH,day,MO_NOT_CHARGED,id   (an MO nothing charged that the IM core does not list as handled free of charge)
 * UNCHARGED,day,MO_FREE,id         (not a mismatch: MOs the IM core handled free by design: commands, refusals)
 * UNCHARGED,day,MO_NOT_CHARGED,id  (only listed: without the IM core's log, commands cannot be told from lost MOs)
 * TRAILER,day,currency,records,amount,pass_through_amount
 * </pre>
 */
public final class ReconciliationCsv {

    private ReconciliationCsv() {
    }

    /** The whole CSV as a string (tests, small days); the API streams it with {@link #write(ReconciliationReport, Writer)}. */
    public static String write(ReconciliationReport report) {
        StringWriter out = new StringWriter();
        try {
            write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not throw
        }
        return out.toString();
    }

    /** Writes the CSV to {@code out} a row at a time, so that a day with many mismatches is never one string in memory. */
    public static void write(ReconciliationReport report, Writer out) throws IOException {
        Rows rows = new Rows(out);
        out.write("record_type,day,fields...\r\n");
        String day = report.day().toString();
        for (ReconciliationReport.ControlTotal t : report.controlTotals()) {
            rows.row("TOTAL", day, t.planId(), t.channel(), t.direction(), t.currency(), t.records(),
                    t.chargedUnits(), t.amount(), t.passThroughAmount());
        }
        for (Map.Entry<String, Long> e : report.openRejectedByReason().entrySet()) {
            rows.row("REJECTED", day, e.getKey(), e.getValue());
        }
        for (SequenceGaps.NodeSequences s : report.sequences()) {
            rows.row("SEQUENCE", day, s.nodeId(), s.first(), s.last(), s.seen(), s.missing());
            for (SequenceGaps.Gap g : s.gaps()) {
                rows.row("GAP", day, s.nodeId(), g.from(), g.to(), g.size());
            }
        }
        for (Map.Entry<String, String> e : report.sources().entrySet()) {
            rows.row("SOURCE", day, e.getKey(), e.getValue());
        }
        ThreeWayReconciliation.Result w = report.threeWay();
        rows.row("THREE_WAY", day, w.logLegs(), w.gatewayAccepted(), w.gatewayDelivered(), w.ratedLegs(),
                w.matched(), w.mismatches(), w.moReceived(), w.mtSubmitted(), w.mtDelivered(), w.mtFailed());
        for (Map.Entry<String, List<String>> e : Map.of("NOT_RATED", w.notRated(), "RATED_NOT_IN_LOG", w.ratedNotInLog(),
                "RATED_TWICE", w.ratedTwice(), "SMS_UNCONFIRMED", w.smsUnconfirmed(), "SMS_FAILED", w.smsFailed(),
                "GATEWAY_NOT_RATED", w.gatewayNotRated()).entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            for (String leg : e.getValue()) {
                rows.row("MISMATCH", day, e.getKey(), leg);
            }
        }
        for (String id : w.moNotCharged()) {
            rows.row(w.moFreeKnown() ? "MISMATCH" : "UNCHARGED", day, "MO_NOT_CHARGED", id);
        }
        for (String id : w.moFree()) {
            rows.row("UNCHARGED", day, "MO_FREE", id);
        }
        for (Bill.Total t : report.totals()) {
            rows.row("TRAILER", day, t.currency(), t.records(), t.amount(), t.passThroughAmount());
        }
        out.flush();
    }

    /** One row at a time through a reused buffer ({@link CsvRow} writes the cells). */
    private static final class Rows {
        private final Writer out;
        private final StringBuilder line = new StringBuilder(128);

        Rows(Writer out) {
            this.out = out;
        }

        void row(Object... cells) throws IOException {
            line.setLength(0);
            CsvRow.append(line, cells);
            out.append(line);
        }
    }
}
