package io.mobim.billing.records;

import io.mobim.billing.rating.RejectedEventStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds bills from current rated records; amounts are sums of already rounded records (no re-rounding). */
public class BillService {

    private final RatedRecordStore records;
    private final RejectedEventStore rejections;

    public BillService(RatedRecordStore records, RejectedEventStore rejections) {
        this.records = records;
        this.rejections = rejections;
    }

    public List<RatedRecord> records(String msisdn, String period, boolean allVersions) {
        return allVersions ? records.allVersions(msisdn, period) : records.current(msisdn, period);
    }

    /** A page of a business day's current records that pass {@code filter}, after the record {@code after} (null: from the first). */
    public RecordPage recordsOfDay(RecordFilter filter, java.util.UUID after, int size) {
        if (size < 1 || size > 1_000) {
            throw new IllegalArgumentException("size must be 1..1000");
        }
        List<RatedRecord> page = records.currentOfDay(filter, after, size + 1);
        return page.size() > size
                ? new RecordPage(List.copyOf(page.subList(0, size)), page.get(size - 1).eventId())
                : new RecordPage(page, null);
    }

    public Bill bill(String msisdn, String period) {
        List<RatedRecord> current = records.current(msisdn, period);
        Map<String, Bill.Line> lines = new TreeMap<>();
        for (RatedRecord r : current) {
            String key = String.join("|", r.planId(), String.valueOf(r.planVersion()), r.kind().name(), r.channel().name(),
                    String.valueOf(r.direction()), String.valueOf(r.service()), r.currency());
            Bill.Line l = lines.get(key);
            lines.put(key, l == null
                    ? new Bill.Line(r.planId(), r.planVersion(), r.kind().name(), r.channel().name(),
                            r.direction() == null ? null : r.direction().name(), r.service(), 1, r.chargedUnits(),
                            r.allowanceUnits(), r.amount(), r.passThroughAmount(), r.currency())
                    : new Bill.Line(l.planId(), l.planVersion(), l.kind(), l.channel(), l.direction(), l.service(),
                            l.records() + 1, l.chargedUnits() + r.chargedUnits(), l.allowanceUnits() + r.allowanceUnits(),
                            l.amount().add(r.amount()), l.passThroughAmount().add(r.passThroughAmount()), l.currency()));
        }
        return new Bill(msisdn, period, new ArrayList<>(lines.values()), totals(current),
                rejections.countOpen(msisdn, java.time.YearMonth.parse(period)));
    }

    /** Totals per currency (the CSV trailer and the bill). */
    public static List<Bill.Total> totals(List<RatedRecord> records) {
        Map<String, Bill.Total> totals = new TreeMap<>();
        records.forEach(r -> addTo(totals, r));
        return new ArrayList<>(totals.values());
    }

    /** Adds a record to totals by currency (a sorted map gives them in currency order), as {@link #totals} counts. */
    public static void addTo(Map<String, Bill.Total> totals, RatedRecord r) {
        totals.merge(r.currency(), new Bill.Total(r.currency(), 1, r.amount(), r.passThroughAmount()),
                (a, b) -> new Bill.Total(a.currency(), a.records() + b.records(), a.amount().add(b.amount()),
                        a.passThroughAmount().add(b.passThroughAmount())));
    }
}
