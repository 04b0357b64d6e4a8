package io.mobim.clearing.agreement;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * The transit fee of a hub the messages pass through, paid per unit by the originating operator.
 *
 * @param hubId    the hub's operator code
 * @param price    per unit, at most 6 decimals, not negative
 * @param currency the price's currency
 */
public record HubFee(String hubId, BigDecimal price, Currency currency) {
}
