package io.mobim.clearing.settlement;

import io.mobim.clearing.agreement.Netting;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * The settlement of one agreement (one operator pair) for one period. A DRAFT is computed again on request; a CLOSED
 * statement never changes, and what it settled is never settled again: a record that arrives later for its period is
 * settled in the next statement as a late adjustment.
 *
 * @param id                statement id
 * @param agreementVersions the versions whose terms priced it
 * @param periodEnd         the first day after the period
 * @param currency          the settlement currency
 * @param lines             what is settled (traffic, late adjustments, fees, shares)
 * @param withheld          disputed messages, held out of gross and net until resolved
 * @param grossAToB         what party A owes party B
 * @param grossBToA         what party B owes party A
 * @param netAmount         |grossAToB - grossBToA| with BILATERAL netting; null with NONE
 * @param netPayer          the party that pays the net amount (null when it is zero or without netting)
 * @param hubFees           fees owed to hubs, by payer; outside the parties' netting
 * @param rounding          how amounts are rounded
 */
public record Statement(Long id, String agreementId, List<Integer> agreementVersions, String partyA, String partyB,
        String period, LocalDate periodStart, LocalDate periodEnd, StatementStatus status, Currency currency,
        List<StatementLine> lines, List<StatementLine> withheld, ControlTotals controlTotals, BigDecimal grossAToB,
        BigDecimal grossBToA, Netting netting, BigDecimal netAmount, String netPayer, List<HubFeeTotal> hubFees,
        String rounding, Instant createdAt, Instant closedAt) {

    /** This statement as stored: with its id and times. */
    public Statement stored(long storedId, Instant created, Instant closed) {
        return new Statement(storedId, agreementId, agreementVersions, partyA, partyB, period, periodStart, periodEnd, status,
                currency, lines, withheld, controlTotals, grossAToB, grossBToA, netting, netAmount, netPayer, hubFees, rounding,
                created, closed);
    }

    /**
     * The statement's trailer (after TAP's AuditControlInfo): what the lines add up to, to check a copy against.
     *
     * @param messages        messages settled (traffic and late adjustments)
     * @param units           their units
     * @param lines           number of lines
     * @param totalOwed       sum of the owed lines' amounts (gross A to B + gross B to A + hub fees)
     * @param totalOwedMinor  the same in minor units
     * @param earliestEvent   earliest event time of a settled message
     * @param latestEvent     latest
     * @param withheldMessages messages in dispute, held out
     * @param withheldAmount  what they would amount to
     */
    public record ControlTotals(long messages, long units, int lines, BigDecimal totalOwed, long totalOwedMinor,
            Instant earliestEvent, Instant latestEvent, long withheldMessages, BigDecimal withheldAmount) {
    }

    /** What one party owes a hub. */
    public record HubFeeTotal(String payer, String hub, BigDecimal amount, long amountMinor) {
    }
}
