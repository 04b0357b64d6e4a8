package io.mobim.billing.records;

import java.math.BigDecimal;
import java.util.List;

/**
 * A subscriber's bill for a period, from its current rated records.
 *
 * @param lines        one line per plan version, kind, channel, direction and service flag
 * @param totals       one total per currency
 * @param openRejected events of the subscriber in the period still rejected (not billed yet)
 */
public record Bill(String msisdn, String period, List<Line> lines, List<Total> totals, int openRejected) {

    public record Line(String planId, int planVersion, String kind, String channel, String direction, boolean service,
            long records, long chargedUnits, long allowanceUnits, BigDecimal amount, BigDecimal passThroughAmount,
            String currency) {
    }

    public record Total(String currency, long records, BigDecimal amount, BigDecimal passThroughAmount) {
    }
}
