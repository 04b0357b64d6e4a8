package io.mobim.clearing.agreement;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The price of one unit (an SMS segment, a client message) in one direction.
 *
 * @param direction which way the messages go
 * @param price     per unit, at most 6 decimals, not negative
 * @param currency  the price's currency
 */
public record Rate(Direction direction, BigDecimal price, Currency currency) {
}
