package io.mobim.billing.reconciliation;

import io.mobim.billing.records.Bill;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A business day's reconciliation: control totals of the current rated records, open rejections, sequence gaps per
 * node and the three-way comparison of message log, SMS gateway and rated records.
 *
 * @param sources where the log and gateway inputs came from. {@code log}: {@code im} (the IM core's message log
 *                extract), {@code supplied} (posted with the request) or {@code billing-derived} (a fallback: derived
 *                from the charging events billing received); {@code gateway}: {@code sms-topics} (billing's own record
 *                of the gateway's topics), {@code supplied} or {@code billing-derived}. {@code log.detail} and
 *                {@code gateway.detail} say where exactly, and why a fallback was taken
 */
public record ReconciliationReport(
        LocalDate day,
        String zone,
        List<ControlTotal> controlTotals,
        List<Bill.Total> totals,
        Map<String, Long> openRejectedByReason,
        List<SequenceGaps.NodeSequences> sequences,
        ThreeWayReconciliation.Result threeWay,
        Map<String, String> sources) {

    /** Counts and amounts per plan, channel and direction (kind for non-message events), and currency. */
    public record ControlTotal(String planId, String channel, String direction, String currency, long records,
            long chargedUnits, BigDecimal amount, BigDecimal passThroughAmount) {
    }
}
