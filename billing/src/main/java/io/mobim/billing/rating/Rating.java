package io.mobim.billing.rating;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The price of one event under one plan version.
 *
 * @param planId            plan the event was rated with
 * @param planVersion       version in force at the event time
 * @param currency          the plan's currency
 * @param businessDay       the event's day in the business time zone
 * @param period            billing period {@code YYYY-MM} of the business day (late events rate into their own)
 * @param chargedUnits      billable units: 1 per charged message, started blocks of data, 1 per charged day
 * @param allowanceUnits    messages taken from an allowance (0 or 1)
 * @param amount            total charged, rounded once with the plan's rounding mode and decimals
 * @param passThroughAmount the part of {@code amount} that is the subscriber's SMS price passed through
 * @param rule              how the amount was made, e.g. {@code IM_SENT 1x0.05 + SMS_PRICE 1x0.15}
 */
public record Rating(
        String planId,
        int planVersion,
        Currency currency,
        LocalDate businessDay,
        String period,
        long chargedUnits,
        long allowanceUnits,
        BigDecimal amount,
        BigDecimal passThroughAmount,
        String rule) {
}
