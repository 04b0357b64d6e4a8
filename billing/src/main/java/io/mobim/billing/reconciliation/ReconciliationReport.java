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
 * @param sources where the log and gateway inputs came from: {@code billing} (derived from the charging events
 *                billing received) or {@code supplied} (extracts posted by the platform / SMS gateway)
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
