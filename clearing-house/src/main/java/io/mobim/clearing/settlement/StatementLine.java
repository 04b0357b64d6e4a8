package io.mobim.clearing.settlement;

import io.mobim.clearing.agreement.Direction;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * One line of a statement. {@code amount} is in the statement's currency, rounded once, here, to its minor unit
 * (see {@link Amounts}); {@code amountMinor} is the same amount in minor units. A line with a payer and a payee is
 * owed; one without (retail value, kiosk commission) is shown for information.
 *
 * @param eventPeriod      the period the messages' event times fall in (earlier than the statement's for late adjustments)
 * @param agreementVersion the agreement version whose terms priced the line
 * @param unitPrice        the price per unit in {@code priceCurrency} (or the percentage, for shares and commissions)
 * @param exchangeRate     statement-currency units per unit of {@code priceCurrency}
 */
public record StatementLine(int line, LineKind kind, Direction direction, String channel, String eventPeriod,
        int agreementVersion, long messages, long units, BigDecimal unitPrice, Currency priceCurrency, BigDecimal exchangeRate,
        BigDecimal amount, long amountMinor, String payer, String payee) {
}
