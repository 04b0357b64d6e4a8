package io.mobim.clearing.agreement;

import java.math.BigDecimal;

/**
 * Revenue-share terms of a {@link ChargingModel#REVENUE_SHARE} agreement, amounts in the settlement currency.
 *
 * @param fixedLicenceFee    paid by party A to party B once per settlement period (the version valid at the period's
 *                           start decides it)
 * @param variableSharePct   percentage of the retail value (after the kiosk commission) that A pays B
 * @param kioskCommissionPct percentage of the retail value that A keeps as the selling kiosk's commission first
 */
public record RevenueShare(BigDecimal fixedLicenceFee, BigDecimal variableSharePct, BigDecimal kioskCommissionPct) {
}
