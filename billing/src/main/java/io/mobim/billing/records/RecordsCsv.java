package io.mobim.billing.records;

import io.mobim.events.csv.CsvRow;
import java.util.List;

/**
 * The rated-records CSV export: a header line, one line per record, then one trailer line per currency with
 * the control totals: {@code TRAILER,<records>,<amount>,<pass_through_amount>,<currency>}. Cells are written by
 * {@link CsvRow}: RFC 4180 quoting, free text neutralised against formula injection; amounts are plain decimals with
 * the plan's decimals; times are ISO-8601 UTC.
 */
public final class RecordsCsv {

    public static final String HEADER = "event_id,version,current,event_time,business_day,period,msisdn,kind,channel,direction,"
            + "service,plan_id,plan_version,charged_units,allowance_units,amount,pass_through_amount,currency,rule,"
            + "message_id,smsc_reference,segments,bytes,node_id,sequence,rating_reason";

    private RecordsCsv() {
    }

    public static String write(List<RatedRecord> records) {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (RatedRecord r : records) {
            CsvRow.append(out, r.eventId(), r.version(), r.current(), r.eventTime(), r.businessDay(), r.period(), r.msisdn(), r.kind(),
                    r.channel(), r.direction(), r.service(), r.planId(), r.planVersion(), r.chargedUnits(),
                    r.allowanceUnits(), r.amount(), r.passThroughAmount(), r.currency(),
                    r.rule(), r.messageId(), r.smscReference(), r.segments(), r.bytes(), r.nodeId(), r.sequence(),
                    r.ratingReason());
        }
        // the trailer counts current records only, so an all-versions export still totals the bill
        for (Bill.Total t : BillService.totals(records.stream().filter(RatedRecord::current).toList())) {
            CsvRow.append(out, "TRAILER", t.records(), t.amount(), t.passThroughAmount(), t.currency());
        }
        return out.toString();
    }
}
